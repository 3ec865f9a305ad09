package io.turnstile.eap.ttls;

import io.turnstile.eap.EapMethod;
import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.tls.EapTlsMethod;
import io.turnstile.eap.tls.EapTlsSettings;
import io.turnstile.eap.tls.TlsProfile;
import io.turnstile.identity.IdentityProviders;
import io.turnstile.pki.EapTlsCredentials;
import io.turnstile.policy.AuthType;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * EAP-TTLS version 0 (type 21, RFC 5281) with PAP in the tunnel: the EAP-TLS framing and fragmentation (§9.2 keeps
 * RFC 5216's flags, the version bits are 0), a server-only TLS 1.2 handshake, Phase 2 AVPs ({@link TtlsPap}), and the
 * MSK from "ttls keying material" (§8). The outer identity may be anonymous: only the inner User-Name is used.
 */
public final class EapTtlsMethod implements EapMethod {

    private final EapTlsMethod tls;

    public EapTtlsMethod(IdentityProviders idps, Function<String, Optional<EapTlsCredentials>> credentials,
                         EapTlsSettings settings, SecureRandom random, Clock clock) {
        this.tls = new EapTlsMethod(TlsProfile.TTLS, peer -> new TtlsPap(idps, peer), credentials, settings, random,
                clock);
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
