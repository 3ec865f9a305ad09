package io.turnstile.eap.peap;

import io.turnstile.eap.EapMethod;
import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.MethodStep;
import io.turnstile.eap.Rfc3748;
import io.turnstile.eap.tls.TunnelInner;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * PEAPv0 Phase 2 with EAP-TLS inside ([MS-PEAP] §3.1.5.3–§3.1.5.6), as Windows uses it: a tunnelled
 * EAP-Request/Identity, the inner EAP-TLS exchange (the org's EAP-TLS method, client certificate required), then the
 * Result TLV (§2.2.8.1) the peer must answer with success before the outer EAP-Success.
 *
 * <p>PEAPv0 framing (§3.1.5.2): tunnelled EAP packets travel without their four-octet header (Type and Type-Data
 * only), except Extensions (type 33) packets, which keep it. Cryptobinding (§2.2.8.3.1) is not sent; peers that require
 * it (wpa_supplicant {@code crypto_binding=2}, Windows with cryptobinding enforced) fail.
 */
final class PeapTlsInner implements TunnelInner {

    /** MS-PEAP §2.2.8: EAP type of the TLV (Extensions) packets. */
    static final int TYPE_EXTENSIONS = 33;
    /** MS-PEAP §2.2.8.1: Result TLV, mandatory bit set, length 2, status 1 success / 2 failure. */
    static final int RESULT_TLV = 3;
    static final int SUCCESS = 1;
    static final int FAILURE = 2;

    private enum State { IDENTITY, INNER, RESULT, DONE }

    private final EapMethod innerMethod;
    private final EapPeer outerPeer;
    private State state = State.IDENTITY;
    private EapMethodSession session;
    private String innerIdentity;
    private io.turnstile.eap.MethodResult innerResult;
    private int identifier;

    PeapTlsInner(EapMethod innerMethod, EapPeer outerPeer) {
        this.innerMethod = innerMethod;
        this.outerPeer = outerPeer;
    }

    /** §3.1.5.3: the server opens Phase 2 with a (header-less) EAP-Request/Identity. */
    @Override
    public Step begin() {
        return new Reply(new byte[]{Rfc3748.TYPE_IDENTITY});
    }

    @Override
    public Step receive(byte[] plaintext) {
        switch (state) {
            case IDENTITY -> {
                if (plaintext[0] != Rfc3748.TYPE_IDENTITY) {
                    return fail("the peer did not answer the tunnelled Identity Request");
                }
                innerIdentity = new String(plaintext, 1, plaintext.length - 1, StandardCharsets.UTF_8);
                session = innerMethod.start(new EapPeer(outerPeer.orgId(), innerIdentity, outerPeer.mac(),
                        outerPeer.nasIp()));
                state = State.INNER;
                return inner(session.start());
            }
            case INNER -> {
                if ((plaintext[0] & 0xff) != innerMethod.type()) {
                    // e.g. a Nak (3): the peer wants another inner method; only EAP-TLS is offered.
                    return fail("inner EAP type " + (plaintext[0] & 0xff) + " instead of EAP-TLS");
                }
                return inner(session.process(Arrays.copyOfRange(plaintext, 1, plaintext.length)));
            }
            case RESULT -> {
                return result(plaintext);
            }
            default -> {
                return fail("Phase 2 data after the end of Phase 2");
            }
        }
    }

    private Step inner(MethodStep step) {
        if (step instanceof MethodStep.Request r) {
            byte[] typeData = r.typeData();
            byte[] out = new byte[typeData.length + 1];
            out[0] = (byte) innerMethod.type();
            System.arraycopy(typeData, 0, out, 1, typeData.length);
            return new Reply(out);
        }
        if (step instanceof MethodStep.Failed f) {
            state = State.DONE;
            innerResult = f.result();
            return new Done(false, "inner EAP-TLS: " + f.reason(), f.result().identity(), null,
                    f.result().certificate());
        }
        innerResult = ((MethodStep.Succeeded) step).result();
        state = State.RESULT;
        return new Reply(resultTlv(Rfc3748.REQUEST, ++identifier, SUCCESS));
    }

    /** §3.1.5.5: the peer answers the Result TLV (full EAP header, type 33) with its own Result TLV. */
    private Step result(byte[] p) {
        state = State.DONE;
        if (p.length < 11 || p[0] != Rfc3748.RESPONSE || (p[4] & 0xff) != TYPE_EXTENSIONS) {
            return new Done(false, "the peer did not answer the Result TLV", innerResult.identity(), null,
                    innerResult.certificate());
        }
        int length = (p[2] & 0xff) << 8 | (p[3] & 0xff);
        if (length != p.length) {
            return new Done(false, "malformed Extensions Response", innerResult.identity(), null,
                    innerResult.certificate());
        }
        // TLVs: Type (2, M and R bits on top), Length (2), Value; find the Result TLV.
        for (int at = 5; at + 4 <= p.length; ) {
            int type = ((p[at] & 0x3f) << 8) | (p[at + 1] & 0xff);
            int len = (p[at + 2] & 0xff) << 8 | (p[at + 3] & 0xff);
            if (at + 4 + len > p.length) {
                break;
            }
            if (type == RESULT_TLV && len == 2) {
                int status = (p[at + 4] & 0xff) << 8 | (p[at + 5] & 0xff);
                return status == SUCCESS
                        ? new Done(true, "authenticated", innerResult.identity(), null, innerResult.certificate())
                        : new Done(false, "the peer answered the Result TLV with failure", innerResult.identity(),
                        null, innerResult.certificate());
            }
            at += 4 + len;
        }
        return new Done(false, "no Result TLV in the peer's Extensions Response", innerResult.identity(), null,
                innerResult.certificate());
    }

    /** An Extensions packet with its EAP header (§3.1.5.2) carrying one Result TLV (§2.2.8.1). */
    static byte[] resultTlv(int code, int id, int status) {
        return new byte[]{(byte) code, (byte) id, 0, 11, (byte) TYPE_EXTENSIONS, (byte) 0x80, (byte) RESULT_TLV, 0, 2,
                0, (byte) status};
    }

    private Step fail(String reason) {
        state = State.DONE;
        return new Done(false, reason, innerIdentity, List.of());
    }
}
