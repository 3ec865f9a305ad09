package io.turnstile.eap;

import io.turnstile.policy.AuthType;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The EAP authenticator state machine (RFC 3748 §2, §4, §5) behind RADIUS (RFC 3579): Identity, method selection
 * and Nak, identifier matching, Success/Failure; everything method-specific is in {@link EapMethod}s. Plain Java and
 * thread-safe: calls for one conversation are serialised on it, different conversations run in parallel.
 */
public final class EapEngine {

    private static final Logger LOG = Logger.getLogger(EapEngine.class.getName());
    /** RFC 3579 §2.6.1 leaves State opaque; 16 random octets make it unguessable. */
    static final int STATE_LENGTH = 16;

    private final List<EapMethod> methods;
    private final EapConversationTable conversations;
    private final SecureRandom random;

    /**
     * @param methods the methods Turnstile offers, most preferred first (the first is proposed after Identity)
     */
    public EapEngine(List<EapMethod> methods, EapConversationTable conversations, SecureRandom random) {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("at least one EAP method is required");
        }
        this.methods = List.copyOf(methods);
        this.conversations = conversations;
        this.random = random;
    }

    /**
     * @param nasKey     the RADIUS client the request came through (a State is only valid from the same client)
     * @param orgId      the client's organisation
     * @param eapMessage the joined EAP-Message attributes (RFC 3579 §3.1)
     * @param state      the State attribute, or null on the first request of a conversation
     */
    public EapOutcome handle(String nasKey, String orgId, byte[] eapMessage, byte[] state) {
        return handle(nasKey, orgId, eapMessage, state, null, null);
    }

    /**
     * As {@link #handle(String, String, byte[], byte[])}, with the peer's MAC (Calling-Station-Id) and the NAS
     * address, which methods that call an identity provider pass on to its events.
     */
    public EapOutcome handle(String nasKey, String orgId, byte[] eapMessage, byte[] state, String mac, String nasIp) {
        EapPacket packet;
        try {
            packet = EapPacket.parse(eapMessage);
        } catch (MalformedEapException e) {
            return new EapOutcome.Discard("malformed EAP packet: " + e.getMessage());
        }
        if (packet.code() != Rfc3748.RESPONSE) {
            // RFC 3748 §4: an authenticator only processes Responses.
            return new EapOutcome.Discard("EAP code " + packet.code() + " sent to the authenticator");
        }
        if (state == null) {
            return begin(nasKey, orgId, packet, mac, nasIp);
        }
        Optional<EapConversation> found = conversations.find(HexFormat.of().formatHex(state), nasKey);
        if (found.isEmpty()) {
            return failure(packet.identifier(), "unknown or expired EAP conversation", null, null);
        }
        EapConversation c = found.get();
        synchronized (c) {
            if (c.closed) {
                return failure(packet.identifier(), "EAP conversation already ended", null, c.identity);
            }
            if (packet.identifier() != c.requestIdentifier) {
                // RFC 3748 §4.1: a Response whose Identifier does not match the outstanding Request is discarded.
                return new EapOutcome.Discard("EAP identifier " + packet.identifier() + " does not match the request "
                        + c.requestIdentifier);
            }
            return continueConversation(c, packet);
        }
    }

    private EapOutcome begin(String nasKey, String orgId, EapPacket packet, String mac, String nasIp) {
        if (packet.type() != Rfc3748.TYPE_IDENTITY) {
            // RFC 3579 §2.1: the NAS starts with the peer's Identity; anything else has lost its conversation.
            return failure(packet.identifier(), "EAP conversation without State does not start with Identity", null,
                    null);
        }
        byte[] stateBytes = new byte[STATE_LENGTH];
        random.nextBytes(stateBytes);
        Optional<EapConversation> opened = conversations.open(HexFormat.of().formatHex(stateBytes), nasKey, orgId);
        if (opened.isEmpty()) {
            LOG.warning(() -> "EAP conversation refused for RADIUS client " + nasKey
                    + ": too many conversations in progress");
            return failure(packet.identifier(), "too many EAP conversations in progress", null, null);
        }
        EapConversation c = opened.get();
        synchronized (c) {
            // RFC 3748 §5.1: the Identity is UTF-8 and not null-terminated; it may be anonymous (RFC 7542 §2.4).
            c.identity = new String(packet.typeData(), StandardCharsets.UTF_8);
            c.mac = mac;
            c.nasIp = nasIp;
            return startMethod(c, methods.get(0), packet.identifier(), stateBytes);
        }
    }

    private EapOutcome continueConversation(EapConversation c, EapPacket packet) {
        byte[] state = HexFormat.of().parseHex(c.stateKey);
        if (packet.type() == Rfc3748.TYPE_NAK) {
            // RFC 3748 §5.3.1: the peer lists the types it wants instead; take the first one we offer, else fail.
            for (byte wanted : packet.typeData()) {
                int type = wanted & 0xff;
                for (EapMethod m : methods) {
                    if (m.type() == type && m != c.method) {
                        if (c.session != null) {
                            c.session.close();
                        }
                        return startMethod(c, m, packet.identifier(), state);
                    }
                }
            }
            return end(c, failure(packet.identifier(), "the peer refused every method Turnstile offers ("
                    + methods.stream().map(m -> String.valueOf(m.type())).toList() + ")", null, c.identity));
        }
        if (c.method == null || packet.type() != c.method.type()) {
            return end(c, failure(packet.identifier(), "EAP Response of type " + packet.type()
                    + " while method " + (c.method == null ? "none" : c.method.type()) + " is in progress", null,
                    c.identity));
        }
        return step(c, c.session.process(packet.typeData()), packet.identifier(), state);
    }

    private EapOutcome startMethod(EapConversation c, EapMethod method, int responseId, byte[] state) {
        c.method = method;
        c.session = method.start(new EapPeer(c.orgId, c.identity, c.mac, c.nasIp));
        return step(c, c.session.start(), responseId, state);
    }

    private EapOutcome step(EapConversation c, MethodStep step, int responseId, byte[] state) {
        if (step instanceof MethodStep.Request r) {
            // RFC 3748 §4.1: each new Request gets a new Identifier.
            int id = (responseId + 1) & 0xff;
            c.requestIdentifier = id;
            return new EapOutcome.Challenge(EapPacket.request(id, c.method.type(), r.typeData()).encode(), state);
        }
        if (step instanceof MethodStep.Succeeded s) {
            return end(c, new EapOutcome.Finished(true, responseId, "authenticated", s.result(), c.identity));
        }
        MethodStep.Failed f = (MethodStep.Failed) step;
        return end(c, new EapOutcome.Finished(false, responseId, f.reason(), f.result(), c.identity));
    }

    private EapOutcome end(EapConversation c, EapOutcome outcome) {
        conversations.remove(c);
        return outcome;
    }

    private EapOutcome.Finished failure(int identifier, String reason, MethodResult result, String identity) {
        return new EapOutcome.Finished(false, identifier, reason,
                result == null ? MethodResult.nothing(methods.get(0).authType()) : result, identity);
    }

    public EapConversationTable conversations() {
        return conversations;
    }

    /** The auth type to report for a conversation that failed before a method was chosen. */
    AuthType defaultAuthType() {
        return methods.get(0).authType();
    }
}
