package io.turnstile.eap.tls;

import io.turnstile.eap.EapMethod;
import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.MethodResult;
import io.turnstile.eap.MethodStep;
import io.turnstile.pki.EapTlsCredentials;
import io.turnstile.policy.AuthType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * EAP-TLS (type 13): RFC 5216 over TLS 1.2, RFC 9190 over TLS 1.3; with a {@link TlsProfile} and a Phase 2 exchange
 * also the framing of the tunnelled methods (TTLS, PEAP; RFC 9427 for TLS 1.3).
 */
public final class EapTlsMethod implements EapMethod {

    private final Function<String, Optional<EapTlsCredentials>> credentials;
    private final EapTlsSettings settings;
    private final JcaTlsCrypto crypto;
    private final Clock clock;
    private final TlsProfile profile;
    private final Function<EapPeer, TunnelInner> inner;

    /**
     * @param credentials the organisation's server key and trusted client CAs, by org id
     */
    public EapTlsMethod(Function<String, Optional<EapTlsCredentials>> credentials, EapTlsSettings settings,
                        SecureRandom random, Clock clock) {
        this(TlsProfile.EAP_TLS, null, credentials, settings, random, clock);
    }

    /**
     * A TLS-based method with the EAP-TLS framing (TTLS): its profile, and its Phase 2 exchange per conversation
     * ({@code inner} null for EAP-TLS itself).
     */
    public EapTlsMethod(TlsProfile profile, Function<EapPeer, TunnelInner> inner,
                        Function<String, Optional<EapTlsCredentials>> credentials, EapTlsSettings settings,
                        SecureRandom random, Clock clock) {
        this.profile = profile;
        this.inner = inner;
        this.credentials = credentials;
        this.settings = settings;
        // Bouncy Castle's TLS protocol on the native provider for public-key operations, the JDK's for the rest: see
        // NativeFirstTlsCrypto (issue 3: public-key operations were most of a handshake's CPU).
        this.crypto = new NativeFirstTlsCrypto(random);
        this.clock = clock;
    }

    @Override
    public int type() {
        return profile.type();
    }

    @Override
    public AuthType authType() {
        return profile.authType();
    }

    @Override
    public EapMethodSession start(EapPeer peer) {
        return start(peer, inner == null ? null : inner.apply(peer));
    }

    /**
     * A session whose Phase 2 is {@code innerExchange} (null: plain EAP-TLS). TEAP builds its Phase 2 itself, so that
     * its framing can hand it the peer's Outer TLVs.
     */
    public EapMethodSession start(EapPeer peer, TunnelInner innerExchange) {
        Optional<EapTlsCredentials> creds = credentials.apply(peer.orgId());
        if (creds.isEmpty()) {
            return new Refused("the organisation has no EAP server certificate", profile.authType());
        }
        EapTlsServer server = new EapTlsServer(crypto, creds.get(), version(settings.minimumTlsVersion()),
                version(settings.maximumTlsVersion()), clock, profile);
        TlsServerProtocol protocol = new TlsServerProtocol();
        try {
            protocol.accept(server);
        } catch (IOException e) {
            return new Refused("TLS server cannot start: " + e.getMessage(), profile.authType());
        }
        return new EapTlsSession(protocol, server, settings, profile, innerExchange);
    }

    private static ProtocolVersion version(String setting) {
        return "1.3".equals(setting) ? ProtocolVersion.TLSv13 : ProtocolVersion.TLSv12;
    }

    /** A session that fails at once (no credentials); the engine then answers EAP-Failure. */
    private record Refused(String reason, AuthType authType) implements EapMethodSession {
        @Override
        public MethodStep start() {
            return new MethodStep.Failed(reason, MethodResult.nothing(authType));
        }

        @Override
        public MethodStep process(byte[] typeData) {
            return start();
        }
    }
}
