package io.turnstile.eap;

/** An EAP packet (or EAP method payload) that breaks its RFC's format; the message says which rule. */
public class MalformedEapException extends Exception {

    public MalformedEapException(String message) {
        super(message);
    }
}
