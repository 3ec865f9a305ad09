package io.turnstile.platform;

import jakarta.ejb.ApplicationException;

/** The object asked for does not exist in this org (the REST layer answers 404). */
@ApplicationException(rollback = true)
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
