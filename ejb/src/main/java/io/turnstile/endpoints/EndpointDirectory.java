package io.turnstile.endpoints;

import java.util.Optional;

/** Read side of the endpoints database ({@code usermacs}) used on the RADIUS path. */
public interface EndpointDirectory {

    Optional<Endpoint> findByMac(String orgId, MacAddress mac);
}
