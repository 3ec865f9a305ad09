package io.turnstile.org;

import io.turnstile.persistence.org.OrgRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;

@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class OrganisationServiceBean implements OrganisationService {

    @PersistenceContext(unitName = "turnstile")
    EntityManager em;

    @Override
    public Optional<Organisation> find(String orgId) {
        return new OrgRepository(em).findOrganisation(orgId)
                .map(o -> new Organisation(o.getId(), o.getName(), Instant.ofEpochMilli(o.getCreated())));
    }
}
