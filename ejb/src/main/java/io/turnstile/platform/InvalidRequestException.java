package io.turnstile.platform;

import jakarta.ejb.ApplicationException;

/**
 * Input a service refuses (the REST layer answers 400 with {@code {"detail": message}}). An application exception, so
 * it reaches the caller unwrapped and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
