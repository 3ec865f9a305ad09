package io.turnstile.endpoints;

import jakarta.ejb.ApplicationException;

/** No usermac with that id in that org (HTTP 404). */
@ApplicationException(rollback = true)
public class EndpointNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EndpointNotFoundException(String id) {
        super("usermac " + id + " not found");
    }
}
