package io.turnstile.pki;

import io.turnstile.platform.InvalidRequestException;

/** A certificate request the CA refuses: not PKCS#10 PEM, a bad signature, a weak or unsupported key (400). */
public class InvalidCertificateRequestException extends InvalidRequestException {

    public InvalidCertificateRequestException(String message) {
        super(message);
    }
}
