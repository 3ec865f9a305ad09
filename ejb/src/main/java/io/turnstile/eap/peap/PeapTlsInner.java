package io.turnstile.eap.peap;

import io.turnstile.eap.EapMethod;
import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.MethodStep;
import io.turnstile.eap.Rfc3748;
import io.turnstile.eap.tls.TunnelInner;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * PEAPv0 Phase 2 with EAP-TLS inside ([MS-PEAP] §3.1.5.3–§3.1.5.6), as Windows uses it: a tunnelled
 * EAP-Request/Identity, the inner EAP-TLS exchange (the org's EAP-TLS method, client certificate required), then an
 * Extensions Request with the Result TLV (§2.2.8.1) and, unless the policy is off, the Crypto-Binding TLV
 * (§2.2.8.3.1) that the peer must answer before the outer EAP-Success.
 *
 * <p>PEAPv0 framing (§3.1.5.2): tunnelled EAP packets travel without their four-octet header (Type and Type-Data
 * only), except Extensions (type 33) packets, which keep it.
 *
 * <p>Cryptobinding (§3.1.5.5) ties the inner EAP-TLS to the tunnel: IPMK and CMK come from the tunnel key and the inner
 * MSK ({@link PeapKeys}); a peer that answers with a valid Compound MAC has run the inner method through this very
 * tunnel, and the MSK becomes the CSK's first 64 octets (no EMSK: MS-PEAP defines none). The peer's nonce is not
 * compared with ours: Windows and wpa_supplicant echo it, the Compound MAC covers it, and the CMK is unique per
 * conversation, so a replayed answer cannot verify.
 */
final class PeapTlsInner implements TunnelInner {

    /** MS-PEAP §2.2.8: EAP type of the TLV (Extensions) packets. */
    static final int TYPE_EXTENSIONS = 33;
    /** MS-PEAP §2.2.8.1: Result TLV, mandatory bit set, length 2, status 1 success / 2 failure. */
    static final int RESULT_TLV = 3;
    /** MS-PEAP §2.2.8.3: Crypto-Binding TLV, length 56, not mandatory in PEAPv0. */
    static final int CRYPTO_BINDING_TLV = 12;
    static final int CRYPTO_BINDING_LENGTH = 56;
    static final int NONCE_LENGTH = 32;
    /** MS-PEAP §2.2.8.3.1 SubType: 0 binding request (server), 1 binding response (peer). */
    static final int SUBTYPE_REQUEST = 0;
    static final int SUBTYPE_RESPONSE = 1;
    static final int SUCCESS = 1;
    static final int FAILURE = 2;

    private enum State { IDENTITY, INNER, RESULT, DONE }

    private final EapMethod innerMethod;
    private final EapPeer outerPeer;
    private final CryptoBindingPolicy binding;
    private final SecureRandom random;
    private State state = State.IDENTITY;
    private EapMethodSession session;
    private String innerIdentity;
    private io.turnstile.eap.MethodResult innerResult;
    private int identifier;
    private byte[] tunnelKeyMaterial;
    private PeapKeys keys;

    PeapTlsInner(EapMethod innerMethod, EapPeer outerPeer, CryptoBindingPolicy binding, SecureRandom random) {
        this.innerMethod = innerMethod;
        this.outerPeer = outerPeer;
        this.binding = binding;
        this.random = random;
    }

    @Override
    public void established(byte[] keyMaterial) {
        tunnelKeyMaterial = keyMaterial.clone();
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
        if (binding == CryptoBindingPolicy.OFF) {
            return new Reply(resultTlv(Rfc3748.REQUEST, ++identifier, SUCCESS));
        }
        if (tunnelKeyMaterial == null) {
            state = State.DONE;
            return innerDone(false, "no tunnel key for cryptobinding", null);
        }
        keys = PeapKeys.derive(tunnelKeyMaterial, innerResult.msk());
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        return new Reply(resultAndBinding(++identifier, cryptoBindingTlv(keys, SUBTYPE_REQUEST, nonce)));
    }

    /**
     * §3.1.5.5: the peer answers with an Extensions Response (full EAP header, type 33): its Result TLV and, when it
     * does cryptobinding, its Crypto-Binding TLV. TLVs are parsed strictly (an overrun or an unknown mandatory TLV
     * fails, §2.2.8).
     */
    private Step result(byte[] p) {
        state = State.DONE;
        if (p.length < 5 || p[0] != Rfc3748.RESPONSE || (p[4] & 0xff) != TYPE_EXTENSIONS) {
            return innerDone(false, "the peer did not answer the Result TLV", null);
        }
        int length = (p[2] & 0xff) << 8 | (p[3] & 0xff);
        if (length != p.length) {
            return innerDone(false, "malformed Extensions Response", null);
        }
        Integer status = null;
        byte[] bindingTlv = null;
        int at = 5;
        while (at + 4 <= p.length) {
            boolean mandatory = (p[at] & 0x80) != 0;
            int type = ((p[at] & 0x3f) << 8) | (p[at + 1] & 0xff);
            int len = (p[at + 2] & 0xff) << 8 | (p[at + 3] & 0xff);
            if (at + 4 + len > p.length) {
                return innerDone(false, "TLV overruns the peer's Extensions Response", null);
            }
            if (type == RESULT_TLV && len == 2) {
                status = (p[at + 4] & 0xff) << 8 | (p[at + 5] & 0xff);
            } else if (type == CRYPTO_BINDING_TLV) {
                bindingTlv = Arrays.copyOfRange(p, at, at + 4 + len);
            } else if (mandatory) {
                return innerDone(false, "unknown mandatory TLV " + type + " in the peer's Extensions Response", null);
            }
            at += 4 + len;
        }
        if (at != p.length) {
            return innerDone(false, "truncated TLV in the peer's Extensions Response", null);
        }
        if (status == null) {
            return innerDone(false, "no Result TLV in the peer's Extensions Response", null);
        }
        if (status != SUCCESS) {
            return innerDone(false, "the peer answered the Result TLV with failure", null);
        }
        if (keys == null) {
            return innerDone(true, "authenticated", null); // cryptobinding off: the tunnel's keys
        }
        if (bindingTlv == null) {
            return binding == CryptoBindingPolicy.REQUIRED
                    ? innerDone(false, "the peer sent no Crypto-Binding TLV and PEAP crypto binding is required", null)
                    : innerDone(true, "authenticated (peer without cryptobinding)", null);
        }
        String invalid = checkBinding(bindingTlv);
        if (invalid != null) {
            return innerDone(false, invalid, null);
        }
        return innerDone(true, "authenticated with cryptobinding", new Keys(keys.msk(), null));
    }

    /** §2.2.8.3.1: Version 0, SubType response, and the Compound MAC over the TLV with its MAC field zeroed. */
    private String checkBinding(byte[] tlv) {
        if (tlv.length != 4 + CRYPTO_BINDING_LENGTH) {
            return "Crypto-Binding TLV of length " + (tlv.length - 4) + " instead of 56";
        }
        if (tlv[5] != 0 || tlv[7] != SUBTYPE_RESPONSE) {
            return "Crypto-Binding TLV with version " + tlv[5] + " subtype " + tlv[7] + " (expected 0 and 1)";
        }
        int macAt = 4 + 4 + NONCE_LENGTH;
        byte[] received = Arrays.copyOfRange(tlv, macAt, macAt + 20);
        byte[] zeroed = tlv.clone();
        Arrays.fill(zeroed, macAt, macAt + 20, (byte) 0);
        return keys.verify(zeroed, received) ? null
                : "invalid Compound MAC in the Crypto-Binding TLV (inner method not bound to this tunnel)";
    }

    private Done innerDone(boolean success, String reason, Keys boundKeys) {
        return new Done(success, reason, innerResult.identity(), null, innerResult.certificate(), boundKeys);
    }

    /** §2.2.8.3.1: Type 12 (M bit clear), Length 56, Reserved, Version 0, RecvVersion 0, SubType, Nonce, MAC. */
    static byte[] cryptoBindingTlv(PeapKeys keys, int subType, byte[] nonce) {
        byte[] tlv = new byte[4 + CRYPTO_BINDING_LENGTH];
        tlv[1] = CRYPTO_BINDING_TLV;
        tlv[3] = CRYPTO_BINDING_LENGTH;
        tlv[7] = (byte) subType;
        System.arraycopy(nonce, 0, tlv, 8, NONCE_LENGTH);
        byte[] mac = keys.compoundMac(tlv);
        System.arraycopy(mac, 0, tlv, 8 + NONCE_LENGTH, mac.length);
        return tlv;
    }

    /** An Extensions Request with the Result TLV (success) followed by the Crypto-Binding TLV. */
    static byte[] resultAndBinding(int id, byte[] bindingTlv) {
        byte[] result = resultTlv(Rfc3748.REQUEST, id, SUCCESS);
        byte[] out = Arrays.copyOf(result, result.length + bindingTlv.length);
        System.arraycopy(bindingTlv, 0, out, result.length, bindingTlv.length);
        out[2] = (byte) (out.length >> 8);
        out[3] = (byte) out.length;
        return out;
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
