package io.turnstile.eap.peap;

import io.turnstile.eap.EapMethod;
import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.tls.EapTlsMethod;
import io.turnstile.eap.tls.EapTlsSettings;
import io.turnstile.eap.tls.TlsProfile;
import io.turnstile.pki.EapTlsCredentials;
import io.turnstile.policy.AuthType;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * PEAPv0 (type 25, [MS-PEAP]) with EAP-TLS inside (PEAP-TLS): the outer TLS 1.2 tunnel with the EAP-TLS framing,
 * {@link PeapTlsInner} for Phase 2, the MSK from the outer tunnel ("client EAP encryption", no cryptobinding).
 */
public final class EapPeapMethod implements EapMethod {

    private final EapTlsMethod tls;

    /**
     * @param innerTls the EAP-TLS method run inside the tunnel (certificate validation as for EAP-TLS)
     */
    public EapPeapMethod(EapMethod innerTls, Function<String, Optional<EapTlsCredentials>> credentials,
                         EapTlsSettings settings, SecureRandom random, Clock clock) {
        this.tls = new EapTlsMethod(TlsProfile.PEAP, peer -> new PeapTlsInner(innerTls, peer), credentials, settings,
                random, clock);
    }

    @Override
    public int type() {
        return tls.type();
    }

    @Override
    public AuthType authType() {
        return tls.authType();
    }

    @Override
    public EapMethodSession start(EapPeer peer) {
        return tls.start(peer);
    }
}
