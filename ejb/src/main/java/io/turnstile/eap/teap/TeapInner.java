package io.turnstile.eap.teap;

import io.turnstile.eap.EapMethod;
import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.EapPacket;
import io.turnstile.eap.EapPeer;
import io.turnstile.eap.InnerAuthentication;
import io.turnstile.eap.MalformedEapException;
import io.turnstile.eap.MethodResult;
import io.turnstile.eap.MethodStep;
import io.turnstile.eap.Rfc3748;
import io.turnstile.eap.tls.TlsTunnel;
import io.turnstile.eap.tls.TunnelInner;
import io.turnstile.pki.CertificateHolder;
import io.turnstile.pki.CertificateValidation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * TEAP Phase 2 (RFC 7170 §3.3) with EAP chaining: inner EAP-TLS for the machine, then for the user, each closed by an
 * Intermediate-Result and a Crypto-Binding that the peer must answer with a valid Compound MAC (§3.3.1, §5.3) before
 * the next one starts; the last one carries the Result TLV (§3.6.1). The MSK of the whole method comes from the last
 * S-IMCK (§5.4), so it binds the tunnel and both inner methods.
 *
 * <p>Identity-Type (§4.2.3): the server asks for the machine first; a peer without machine credentials answers with
 * Identity-Type user (wpa_supplicant, Windows), and that user authentication then ends the chain. A peer that answers
 * the user request without a user identity after its machine succeeded (Windows with nobody signed in: an empty
 * EAP-Response/Identity; wpa_supplicant: only its Identity-Type TLV) is a machine-only login: Result success without
 * another inner method, as the machine's Crypto-Binding was already verified (§4.2.13), and the MSK is that of
 * S-IMCK[1]. With {@link TeapIdentityPolicy#MACHINE_OR_USER} the first inner method is the only one. A failed inner
 * method, a peer that refuses EAP-TLS or a Crypto-Binding that does not verify ends TEAP with Result failure and an
 * Error TLV (§3.6.3); the peer's answer is then followed by EAP-Failure.
 */
final class TeapInner implements TunnelInner {

    /** TLVs this server understands from a peer; a mandatory TLV outside the set is answered with a NAK TLV (§4.2). */
    private static final Set<Integer> UNDERSTOOD = Set.of(TeapTlv.IDENTITY_TYPE, TeapTlv.RESULT, TeapTlv.NAK,
            TeapTlv.ERROR, TeapTlv.REQUEST_ACTION, TeapTlv.EAP_PAYLOAD, TeapTlv.INTERMEDIATE_RESULT, TeapTlv.PAC,
            TeapTlv.CRYPTO_BINDING, TeapTlv.VENDOR_SPECIFIC);
    static final int TEAP_VERSION = 1;

    private enum State { IDENTITY, INNER, BINDING, RESULT_SENT, FAILURE_SENT, DONE }

    private final EapMethod innerMethod;
    private final TeapIdentityPolicy identities;
    private final EapPeer outerPeer;
    private final SecureRandom random;
    private final byte[] serverOuterTlvs;
    private byte[] peerOuterTlvs = new byte[0];
    private TeapKeySchedule keys;
    private State state = State.IDENTITY;
    private CertificateHolder current;
    private EapMethodSession session;
    private String innerIdentity;
    private int eapIdentifier;
    private byte[] bindingNonce;
    private boolean finalBinding;
    private MethodResult pending;
    private final List<InnerAuthentication> chain = new ArrayList<>();
    private String failure;
    private CertificateValidation failedCertificate;

    /**
     * @param serverOuterTlvs the Outer TLVs of our Start (Authority-ID), part of every Compound MAC (§5.3)
     */
    TeapInner(EapMethod innerMethod, TeapIdentityPolicy identities, EapPeer outerPeer, SecureRandom random,
              byte[] serverOuterTlvs) {
        this.innerMethod = innerMethod;
        this.identities = identities;
        this.outerPeer = outerPeer;
        this.random = random;
        this.serverOuterTlvs = serverOuterTlvs.clone();
    }

    /** The Outer TLVs of the peer's first Response (§4.1), if it sent any: also part of the Compound MAC. */
    void peerOuterTlvs(byte[] tlvs) {
        this.peerOuterTlvs = tlvs.clone();
    }

    /** §5.1: S-IMCK[0] = session_key_seed from the tunnel. */
    @Override
    public void established(TlsTunnel tunnel) {
        if (tunnel == null) {
            return; // no keys: Phase 2 then ends at once with a failure
        }
        byte[] seed = tunnel.exportKeyingMaterial(TeapKeySchedule.SESSION_KEY_SEED_LABEL, null,
                TeapKeySchedule.SIMCK_LENGTH);
        keys = TeapKeySchedule.start(seed, tunnel.cipherSuite(), tunnel.prfAlgorithm());
        java.util.Arrays.fill(seed, (byte) 0);
    }

    /** The peer acknowledged our Finished: Phase 2 starts with the machine (§3.3.1, §4.2.3). */
    @Override
    public Step begin() {
        if (keys == null) {
            return end("no TEAP keys from the tunnel");
        }
        return askIdentity(CertificateHolder.MACHINE);
    }

    @Override
    public Step receive(byte[] plaintext) {
        if (keys == null) {
            return end("Phase 2 data before the tunnel keys were derived");
        }
        if (state == State.DONE) {
            return end("Phase 2 data after the end of TEAP");
        }
        Received in;
        try {
            in = Received.of(TeapTlv.parseAll(plaintext));
        } catch (MalformedEapException e) {
            return end("malformed TEAP Phase 2 data: " + e.getMessage());
        }
        if (state == State.FAILURE_SENT) {
            return end(failure); // §3.6.3: the peer acknowledged our failure Result
        }
        if (in.unsupportedMandatory != null) {
            return sendFailure("the peer sent mandatory TLV type " + in.unsupportedMandatory + " this server lacks",
                    TeapTlv.nak(0, in.unsupportedMandatory));
        }
        if (in.result != null && in.result == TeapTlv.FAILURE) {
            return end("the peer ended TEAP with a failure Result" + (in.error == null ? "" : " (Error " + in.error
                    + ")") + (machineSucceeded() && current == CertificateHolder.USER ? " when asked for the user:"
                    + " to accept its machine alone, set turnstile.eap.teap.identity=machine-or-user" : ""));
        }
        return switch (state) {
            case IDENTITY -> identity(in);
            case INNER -> inner(in);
            case BINDING -> binding(in);
            case RESULT_SENT -> result(in);
            default -> end("Phase 2 data in state " + state);
        };
    }

    /** The peer's EAP-Response/Identity for the requested holder; its Identity-Type says whose it really is. */
    private Step identity(Received in) {
        EapPacket packet = in.eap();
        if (current == CertificateHolder.USER && machineSucceeded() && declinesUser(in, packet)) {
            // Machine only. The machine's Crypto-Binding was verified with its Intermediate-Result, so the final
            // Result needs no other (§4.2.13: exchanged and verified before the final Result).
            state = State.RESULT_SENT;
            return reply(List.of(TeapTlv.result(TeapTlv.SUCCESS)));
        }
        if (packet == null || packet.code() != Rfc3748.RESPONSE || packet.type() != Rfc3748.TYPE_IDENTITY) {
            return sendFailure("the peer did not answer the tunnelled Identity Request",
                    TeapTlv.error(TeapTlv.ERROR_UNEXPECTED_TLVS_EXCHANGED));
        }
        if (in.identityType != null) {
            CertificateHolder declared = in.identityType == TeapTlv.IDENTITY_MACHINE ? CertificateHolder.MACHINE
                    : CertificateHolder.USER;
            if (chain.stream().anyMatch(a -> a.holder() == declared)) {
                return sendFailure("the peer authenticated the " + declared.name().toLowerCase() + " twice",
                        TeapTlv.error(TeapTlv.ERROR_UNEXPECTED_TLVS_EXCHANGED));
            }
            current = declared; // e.g. no machine credentials: the peer answers the machine request as the user
        }
        innerIdentity = new String(packet.typeData(), StandardCharsets.UTF_8);
        if (session != null) {
            session.close();
        }
        session = innerMethod.start(new EapPeer(outerPeer.orgId(), innerIdentity, outerPeer.mac(),
                outerPeer.nasIp()));
        state = State.INNER;
        return innerStep(session.start());
    }

    private Step inner(Received in) {
        EapPacket packet = in.eap();
        if (packet == null || packet.code() != Rfc3748.RESPONSE) {
            return sendFailure("no inner EAP-Response from the peer",
                    TeapTlv.error(TeapTlv.ERROR_UNEXPECTED_TLVS_EXCHANGED));
        }
        if (packet.type() != innerMethod.type()) {
            // e.g. a Nak (RFC 3748 §5.3.1): the peer wants another inner method; only EAP-TLS is offered.
            return sendFailure("the peer refused inner EAP-TLS for the " + holderName() + " (EAP type "
                    + packet.type() + ")", TeapTlv.error(TeapTlv.ERROR_INNER_METHOD));
        }
        return innerStep(session.process(packet.typeData()));
    }

    private Step innerStep(MethodStep step) {
        if (step instanceof MethodStep.Request r) {
            byte[] eap = EapPacket.request(++eapIdentifier & 0xff, innerMethod.type(), r.typeData()).encode();
            return reply(List.of(TeapTlv.eapPayload(eap)));
        }
        if (step instanceof MethodStep.Failed f) {
            MethodResult r = f.result();
            chain.add(new InnerAuthentication(current, false, identityOf(r), r.certificate()));
            failedCertificate = r.certificate();
            return sendFailure("inner EAP-TLS of the " + holderName() + ": " + f.reason()
                    + (current == CertificateHolder.USER && machineSucceeded() ? " (to accept the machine alone, set"
                    + " turnstile.eap.teap.identity=machine-or-user)" : ""), TeapTlv.error(TeapTlv.ERROR_INNER_METHOD));
        }
        pending = ((MethodStep.Succeeded) step).result();
        keys = keys.next(pending.msk());
        // The chain ends with the user (the machine request may have been answered by the user already), or with the
        // first method when only one is asked for.
        finalBinding = current == CertificateHolder.USER || identities == TeapIdentityPolicy.MACHINE_OR_USER;
        byte[] nonce = new byte[CryptoBinding.NONCE_LENGTH];
        random.nextBytes(nonce);
        nonce[nonce.length - 1] &= (byte) 0xfe; // §4.2.13: a request's nonce has its least significant bit 0
        bindingNonce = nonce;
        CryptoBinding request = new CryptoBinding(TEAP_VERSION, TEAP_VERSION, CryptoBinding.FLAG_MSK,
                CryptoBinding.SUBTYPE_REQUEST, nonce, null, null);
        request = request.withMskMac(keys.compoundMac(request, serverOuterTlvs, peerOuterTlvs));
        List<TeapTlv> out = new ArrayList<>();
        out.add(TeapTlv.intermediateResult(TeapTlv.SUCCESS)); // §3.3.1: after each inner method
        if (finalBinding) {
            out.add(TeapTlv.result(TeapTlv.SUCCESS)); // §3.6.1: with the last Crypto-Binding
        }
        out.add(request.toTlv());
        state = State.BINDING;
        return reply(out);
    }

    /** §4.2.13 / §5.3: the peer's Binding Response proves it holds the same S-IMCK chain. */
    private Step binding(Received in) {
        if (in.cryptoBinding == null) {
            return sendFailure("no Crypto-Binding from the peer after the " + holderName() + " method",
                    TeapTlv.error(TeapTlv.ERROR_TUNNEL_COMPROMISE));
        }
        if (in.intermediateResult == null || in.intermediateResult != TeapTlv.SUCCESS
                || (finalBinding && (in.result == null || in.result != TeapTlv.SUCCESS))) {
            return sendFailure("the peer did not confirm the " + holderName() + " method with success",
                    TeapTlv.error(TeapTlv.ERROR_UNSPECIFIED_AUTHENTICATION_FAILURE));
        }
        CryptoBinding response;
        try {
            response = CryptoBinding.parse(in.cryptoBinding);
        } catch (MalformedEapException e) {
            return sendFailure(e.getMessage(), TeapTlv.error(TeapTlv.ERROR_TUNNEL_COMPROMISE));
        }
        if (!verify(response)) {
            return sendFailure("the peer's Crypto-Binding does not verify (Compound MAC, nonce or version)",
                    TeapTlv.error(TeapTlv.ERROR_TUNNEL_COMPROMISE));
        }
        chain.add(new InnerAuthentication(current, true, identityOf(pending), pending.certificate()));
        if (!finalBinding) {
            return askIdentity(CertificateHolder.USER);
        }
        return succeed("authenticated");
    }

    /** §3.6.1: the peer acknowledges our Result success (machine only) with its own. */
    private Step result(Received in) {
        if (in.result == null || in.result != TeapTlv.SUCCESS) {
            return end("the peer did not acknowledge the machine-only Result success");
        }
        return succeed("authenticated (machine only: the peer declined the user step)");
    }

    /** The last inner authentication is whose identity and certificate policy sees; the MSK is the last S-IMCK's. */
    private Step succeed(String reason) {
        InnerAuthentication last = chain.get(chain.size() - 1);
        state = State.DONE;
        closeSession();
        return new Done(true, reason, last.identity(), List.of(), last.certificate(),
                new Keys(keys.msk(), keys.emsk()), chain);
    }

    /**
     * How peers without user credentials answer the user request (§4.2.3): Windows at the logon screen with an empty
     * EAP-Response/Identity; wpa_supplicant with its Identity-Type TLV and no EAP-Payload (it has no identity to put in
     * one and waits for one that never comes).
     */
    private static boolean declinesUser(Received in, EapPacket packet) {
        if (in.eapPayload == null) {
            return in.identityType != null;
        }
        return packet != null && packet.code() == Rfc3748.RESPONSE && packet.type() == Rfc3748.TYPE_IDENTITY
                && packet.typeData().length == 0;
    }

    private boolean machineSucceeded() {
        return chain.stream().anyMatch(a -> a.holder() == CertificateHolder.MACHINE && a.success());
    }

    boolean verify(CryptoBinding response) {
        byte[] expectedNonce = bindingNonce.clone();
        expectedNonce[expectedNonce.length - 1] |= 1; // §4.2.13: the response nonce is the request nonce + 1
        if (response.subType() != CryptoBinding.SUBTYPE_RESPONSE || response.version() != TEAP_VERSION
                || response.receivedVersion() != TEAP_VERSION || !response.hasMskMac()
                || !MessageDigest.isEqual(expectedNonce, response.nonce())) {
            return false;
        }
        byte[] expected = keys.compoundMac(response, serverOuterTlvs, peerOuterTlvs);
        return MessageDigest.isEqual(expected, response.mskMac());
    }

    private Step askIdentity(CertificateHolder holder) {
        current = holder;
        state = State.IDENTITY;
        byte[] identityRequest = EapPacket.request(++eapIdentifier & 0xff, Rfc3748.TYPE_IDENTITY, new byte[0])
                .encode();
        return reply(List.of(TeapTlv.identityType(holder == CertificateHolder.MACHINE ? TeapTlv.IDENTITY_MACHINE
                : TeapTlv.IDENTITY_USER), TeapTlv.eapPayload(identityRequest)));
    }

    /** §3.6.3: Result failure (and why) inside the tunnel; the peer's answer ends the method. */
    private Step sendFailure(String reason, TeapTlv detail) {
        failure = reason;
        state = State.FAILURE_SENT;
        closeSession();
        return reply(List.of(TeapTlv.result(TeapTlv.FAILURE), detail));
    }

    private Step end(String reason) {
        state = State.DONE;
        closeSession();
        String identity = chain.isEmpty() ? innerIdentity : chain.get(chain.size() - 1).identity();
        return new Done(false, reason, identity, List.of(), failedCertificate, null, chain);
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    private String holderName() {
        return current == null ? "peer" : current.name().toLowerCase();
    }

    private String identityOf(MethodResult r) {
        return r.identity() != null ? r.identity() : innerIdentity;
    }

    private static Reply reply(List<TeapTlv> tlvs) {
        return new Reply(TeapTlv.encodeAll(tlvs));
    }

    /** The TLVs of one peer message this server acts on (§4.2: at most one of each). */
    private record Received(Integer result, Integer intermediateResult, Integer identityType, Integer error,
                            byte[] eapPayload, TeapTlv cryptoBinding, Integer unsupportedMandatory) {

        static Received of(List<TeapTlv> tlvs) throws MalformedEapException {
            Integer result = null, intermediate = null, identityType = null, error = null, unsupported = null;
            byte[] eap = null;
            TeapTlv binding = null;
            for (TeapTlv t : tlvs) {
                switch (t.type()) {
                    case TeapTlv.RESULT -> result = once(result, t.status(), "Result");
                    case TeapTlv.INTERMEDIATE_RESULT -> intermediate = once(intermediate, t.status(),
                            "Intermediate-Result");
                    case TeapTlv.IDENTITY_TYPE -> identityType = t.status();
                    case TeapTlv.ERROR -> {
                        byte[] v = t.value();
                        if (v.length == 4) {
                            error = (v[0] & 0xff) << 24 | (v[1] & 0xff) << 16 | (v[2] & 0xff) << 8 | (v[3] & 0xff);
                        }
                    }
                    case TeapTlv.EAP_PAYLOAD -> {
                        if (eap != null) {
                            throw new MalformedEapException("more than one EAP-Payload TLV");
                        }
                        eap = t.value();
                    }
                    case TeapTlv.CRYPTO_BINDING -> {
                        if (binding != null) {
                            throw new MalformedEapException("more than one Crypto-Binding TLV");
                        }
                        binding = t;
                    }
                    default -> {
                        if (t.mandatory() && !UNDERSTOOD.contains(t.type()) && unsupported == null) {
                            unsupported = t.type();
                        }
                        // Request-Action/PAC (a peer asking for a PAC), Vendor-Specific, NAK: optional, ignored.
                    }
                }
            }
            return new Received(result, intermediate, identityType, error, eap, binding, unsupported);
        }

        private static Integer once(Integer previous, int value, String name) throws MalformedEapException {
            if (previous != null) {
                throw new MalformedEapException("more than one " + name + " TLV");
            }
            return value;
        }

        EapPacket eap() {
            if (eapPayload == null) {
                return null;
            }
            try {
                return EapPacket.parse(eapPayload);
            } catch (MalformedEapException e) {
                return null;
            }
        }
    }
}
