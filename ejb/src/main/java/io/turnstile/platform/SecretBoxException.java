package io.turnstile.platform;

/** A sealed value could not be opened (wrong format, altered, or sealed with another key). Never carries the secret. */
public class SecretBoxException extends RuntimeException {

    public SecretBoxException(String message) {
        super(message);
    }
}
