package io.turnstile.endpoints;

import io.turnstile.platform.InvalidRequestException;
import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * A write or query the endpoints database refuses (HTTP 400). {@link #getMessage()} is the contract's {@code detail};
 * {@link #errors()} lists one line per bad row when a whole import is refused (the REST layer then adds
 * {@code "errors"} to the body).
 */
@ApplicationException(rollback = true)
public class InvalidEndpointException extends InvalidRequestException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public InvalidEndpointException(String detail) {
        this(detail, List.of());
    }

    public InvalidEndpointException(String detail, List<String> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
