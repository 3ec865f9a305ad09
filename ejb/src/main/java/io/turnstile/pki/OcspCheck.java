package io.turnstile.pki;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** An organisation's OCSP policy ({@code mist_nac.ocsp}) with the client that asks the responders. */
public record OcspCheck(OcspSettings settings, OcspClient client) {

    /** No online check (OCSP disabled, or a context without responders). */
    public static final OcspCheck OFF = new OcspCheck(OcspSettings.DISABLED, null);

    /**
     * Whether {@link #status} would ask a responder about {@code certificate} (given its issuer): OCSP is on and the
     * certificate names one. Needs no issuer, so callers can skip finding it (a signature check) when not.
     */
    public boolean asks(X509Certificate certificate) {
        return settings.enabled() && client != null && OcspProtocol.responderUrl(certificate).isPresent();
    }

    /** The verdict for {@code certificate}; empty if OCSP is off or the certificate names no responder. */
    public Optional<OcspVerdict> status(X509Certificate certificate, X509Certificate issuer) {
        return responder(certificate, issuer).map(u -> client.status(certificate, issuer, u, settings.timeout()));
    }

    private Optional<URI> responder(X509Certificate certificate, X509Certificate issuer) {
        return issuer == null || !settings.enabled() || client == null ? Optional.empty()
                : OcspProtocol.responderUrl(certificate);
    }
}
