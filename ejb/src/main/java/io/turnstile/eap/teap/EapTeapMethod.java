package io.turnstile.eap.teap;

import io.turnstile.eap.EapMethod;
import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.MalformedEapException;
import io.turnstile.eap.MethodResult;
import io.turnstile.eap.MethodStep;
import io.turnstile.eap.tls.EapTlsMethod;
import io.turnstile.eap.tls.EapTlsSettings;
import io.turnstile.eap.tls.TlsProfile;
import io.turnstile.pki.EapTlsCredentials;
import io.turnstile.policy.AuthType;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * TEAP version 1 (EAP type 55, RFC 7170) with inner EAP-TLS for the machine and then the user ({@link TeapInner}).
 * The outer tunnel is the EAP-TLS engine with the TEAP profile; {@link TeapFraming} adds what TEAP's framing has on
 * top of EAP-TLS's (§4.1): the version in every packet and the Outer TLVs (the Authority-ID of the Start, §4.2.2).
 */
public final class EapTeapMethod implements EapMethod {

    private final EapTlsMethod tls;
    private final EapMethod innerTls;
    private final TeapIdentityPolicy identities;
    private final SecureRandom random;

    /**
     * @param innerTls   the org's EAP-TLS method, run inside the tunnel for the machine and the user certificates
     * @param identities machine then user (chaining), or one of them ({@code turnstile.eap.teap.identity})
     */
    public EapTeapMethod(EapMethod innerTls, TeapIdentityPolicy identities,
                         Function<String, Optional<EapTlsCredentials>> credentials, EapTlsSettings settings,
                         SecureRandom random, Clock clock) {
        this.tls = new EapTlsMethod(TlsProfile.TEAP, null, credentials, settings, random, clock);
        this.innerTls = innerTls;
        this.identities = identities;
        this.random = random;
    }

    @Override
    public int type() {
        return tls.type();
    }

    @Override
    public AuthType authType() {
        return AuthType.EAP_TEAP;
    }

    @Override
    public EapMethodSession start(EapPeer peer) {
        byte[] outerTlvs = TeapTlv.encodeAll(java.util.List.of(authorityId(peer.orgId())));
        TeapInner inner = new TeapInner(innerTls, identities, peer, random, outerTlvs);
        return new Session(tls.start(peer, inner), inner, outerTlvs);
    }

    /**
     * §4.2.2: the Authority-ID names the server to the peer (PAC lookup, not used here); it must be the same for
     * every conversation of the org, so it is derived from the org, never random.
     */
    static TeapTlv authorityId(String orgId) {
        return new TeapTlv(false, TeapTlv.AUTHORITY_ID, ("turnstile:" + orgId).getBytes(StandardCharsets.UTF_8));
    }

    /** The EAP-TLS session of the tunnel seen through TEAP's framing. */
    private static final class Session implements EapMethodSession {
        private final EapMethodSession tunnel;
        private final TeapInner inner;
        private final byte[] serverOuterTlvs;
        private boolean first = true;

        Session(EapMethodSession tunnel, TeapInner inner, byte[] serverOuterTlvs) {
            this.tunnel = tunnel;
            this.inner = inner;
            this.serverOuterTlvs = serverOuterTlvs;
        }

        @Override
        public MethodStep start() {
            MethodStep step = tunnel.start();
            return step instanceof MethodStep.Request r
                    ? new MethodStep.Request(TeapFraming.start(r.typeData(), serverOuterTlvs)) : step;
        }

        @Override
        public MethodStep process(byte[] typeData) {
            TeapFraming.Response response;
            try {
                response = TeapFraming.response(typeData, first);
            } catch (MalformedEapException e) {
                return new MethodStep.Failed(e.getMessage(), MethodResult.nothing(AuthType.EAP_TEAP));
            }
            if (first && response.outerTlvs().length > 0) {
                inner.peerOuterTlvs(response.outerTlvs());
            }
            first = false;
            MethodStep step = tunnel.process(response.eapTlsTypeData());
            return step instanceof MethodStep.Request r ? new MethodStep.Request(TeapFraming.request(r.typeData()))
                    : step;
        }

        @Override
        public void close() {
            tunnel.close();
        }
    }
}
