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
 * PEAPv0 (type 25, [MS-PEAP]) with EAP-TLS inside (PEAP-TLS): the outer TLS 1.2 or 1.3 tunnel (RFC 9427) with the
 * EAP-TLS framing, {@link PeapTlsInner} for Phase 2 with cryptobinding per the {@link CryptoBindingPolicy}; the MSK is
 * the tunnel's, or with cryptobinding the one derived from the IPMK ({@link PeapKeys}).
 */
public final class EapPeapMethod implements EapMethod {

    private final EapTlsMethod tls;

    /**
     * @param innerTls the EAP-TLS method run inside the tunnel (certificate validation as for EAP-TLS)
     */
    public EapPeapMethod(EapMethod innerTls, Function<String, Optional<EapTlsCredentials>> credentials,
                         EapTlsSettings settings, CryptoBindingPolicy binding, SecureRandom random, Clock clock) {
        this.tls = new EapTlsMethod(TlsProfile.PEAP, peer -> new PeapTlsInner(innerTls, peer, binding, random),
                credentials, settings, random, clock);
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
