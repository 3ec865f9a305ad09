package io.turnstile.org;

import java.util.Optional;

public interface OrganisationService {

    Optional<Organisation> find(String orgId);
}
