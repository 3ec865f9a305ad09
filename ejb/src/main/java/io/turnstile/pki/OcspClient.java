package io.turnstile.pki;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** Asks an OCSP responder (RFC 6960) about a certificate; never throws for responder trouble, never waits longer. */
public interface OcspClient {

    /**
     * @param certificate the certificate asked about
     * @param issuer      its issuer (the response must be signed by it or by a responder it authorised)
     * @param responder   the responder URL from the certificate's AIA
     * @param timeout     the longest the whole exchange may take
     */
    OcspVerdict status(X509Certificate certificate, X509Certificate issuer, URI responder, Duration timeout);
}
