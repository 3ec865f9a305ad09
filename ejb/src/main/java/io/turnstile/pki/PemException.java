package io.turnstile.pki;

/** Text that is not the PEM expected (no block of the right type, or a block that does not decode). */
public class PemException extends IllegalArgumentException {

    public PemException(String message) {
        super(message);
    }

    public PemException(String message, Throwable cause) {
        super(message, cause);
    }
}
