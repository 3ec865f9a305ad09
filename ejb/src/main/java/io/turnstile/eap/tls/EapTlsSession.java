package io.turnstile.eap.tls;

import io.turnstile.eap.EapMethodSession;
import io.turnstile.eap.MalformedEapException;
import io.turnstile.eap.MethodResult;
import io.turnstile.eap.MethodStep;
import io.turnstile.pki.CertificateValidation;
import io.turnstile.policy.AuthType;
import io.turnstile.policy.CertificateFacts;
import org.bouncycastle.tls.TlsServerProtocol;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One EAP-TLS exchange (RFC 5216, RFC 9190) on a non-blocking {@link TlsServerProtocol}: TLS records in, TLS records
 * out, fragmented and acknowledged per RFC 5216 §2.1.5.
 *
 * <p>End of the exchange: once the handshake is complete and the last server flight was sent (for TLS 1.3 including
 * the one-octet 0x00 commitment message, RFC 9190 §2.1.1), the peer acknowledges with an empty Response and the
 * method succeeds. A TLS failure sends the alert first (RFC 5216 §2.1.3), then fails after the peer's ACK.
 */
final class EapTlsSession implements EapMethodSession {

    private static final Logger LOG = Logger.getLogger(EapTlsSession.class.getName());

    private enum Phase { STARTED, HANDSHAKE, FINAL_FLIGHT, TUNNEL, ALERT, DONE }

    private final TlsServerProtocol protocol;
    private final EapTlsServer server;
    private final TlsFragments fragments;
    private final TlsProfile profile;
    /** The Phase 2 exchange of a tunnelled method (TTLS, PEAP), or null for EAP-TLS. */
    private final TunnelInner inner;
    private Phase phase = Phase.STARTED;
    private String failure;
    private TunnelInner.Done innerResult;

    EapTlsSession(TlsServerProtocol protocol, EapTlsServer server, EapTlsSettings settings) {
        this(protocol, server, settings, TlsProfile.EAP_TLS, null);
    }

    EapTlsSession(TlsServerProtocol protocol, EapTlsServer server, EapTlsSettings settings, TlsProfile profile,
                  TunnelInner inner) {
        this.protocol = protocol;
        this.server = server;
        this.fragments = new TlsFragments(settings.fragmentSize(), settings.maxMessageLength());
        this.profile = profile;
        this.inner = inner;
    }

    /** RFC 5216 §2.1.1: EAP-TLS/Start, the S flag and no data. */
    @Override
    public MethodStep start() {
        return new MethodStep.Request(new EapTlsPacket(EapTlsPacket.START, -1, null).encode());
    }

    @Override
    public MethodStep process(byte[] typeData) {
        EapTlsPacket packet;
        try {
            packet = EapTlsPacket.parse(typeData);
        } catch (MalformedEapException e) {
            return fail(e.getMessage());
        }
        if (phase == Phase.DONE) {
            return fail("EAP-TLS Response after the exchange ended");
        }
        // A fragment of ours is outstanding: the peer must ACK it before anything else (RFC 5216 §2.1.5).
        if (fragments.sending()) {
            if (!packet.isAck()) {
                return fail("the peer sent data instead of acknowledging a fragment");
            }
            return new MethodStep.Request(fragments.nextFragment().encode());
        }
        switch (phase) {
            case FINAL_FLIGHT, TUNNEL -> {
                if (inner != null) {
                    return tunnel(packet);
                }
                if (!packet.isAck()) {
                    return fail("the peer sent TLS data after the handshake completed");
                }
                return succeed();
            }
            case ALERT -> {
                phase = Phase.DONE;
                return new MethodStep.Failed(failure, result());
            }
            default -> {
                return handshake(packet);
            }
        }
    }

    private MethodStep handshake(EapTlsPacket packet) {
        byte[] message;
        try {
            message = fragments.receive(packet);
        } catch (MalformedEapException e) {
            return fail(e.getMessage());
        }
        if (message == null) {
            return new MethodStep.Request(EapTlsPacket.ack().encode()); // RFC 5216 §2.1.5: ACK each fragment
        }
        if (message.length == 0) {
            return fail("the peer sent an empty EAP-TLS Response during the handshake");
        }
        phase = Phase.HANDSHAKE;
        try {
            protocol.offerInput(message);
            if (!protocol.isHandshaking() && protocol.isConnected()) {
                phase = Phase.FINAL_FLIGHT;
                if (inner != null) {
                    // PEAP keys its cryptobinding on the tunnel's key material, TEAP on the exporter (RFC 7170 §5.1).
                    inner.established(server.keyMaterial());
                    inner.established(server.tunnel());
                    if (server.tls13()) {
                        return tls13Phase2();
                    }
                } else if (server.tls13()) {
                    // RFC 9190 §2.1.1: the commitment message, one octet 0x00 of application data, tells the peer
                    // that no further handshake messages (e.g. NewSessionTicket) follow.
                    protocol.writeApplicationData(new byte[]{0}, 0, 1);
                }
            }
        } catch (IOException e) {
            failure = tlsFailureReason(e);
            LOG.log(Level.FINE, "EAP-TLS handshake failed: " + failure, e);
            byte[] alert = output();
            if (alert.length == 0) {
                return fail(failure);
            }
            phase = Phase.ALERT;
            fragments.send(alert);
            return new MethodStep.Request(fragments.nextFragment().encode());
        }
        byte[] flight = output();
        if (flight.length == 0) {
            if (phase == Phase.FINAL_FLIGHT) {
                return succeed();
            }
            // A complete TLS message that asks for no answer yet (cannot happen with a conforming peer): ACK it.
            return new MethodStep.Request(EapTlsPacket.ack().encode());
        }
        fragments.send(flight);
        return new MethodStep.Request(fragments.nextFragment().encode());
    }

    /**
     * TLS 1.3 in a tunnelled method (RFC 9427 §2.2–§2.4): the server's Finished went out in its first flight, so the
     * handshake completes on the peer's Finished, which may already carry Phase 2 data. No commitment message: the
     * Phase 2 exchange itself tells the peer that the handshake is over, and no NewSessionTicket is ever sent. PEAP's
     * server speaks first (the tunnelled Identity Request); a TTLS peer that sent no data yet is invited by an empty
     * Request, as hostapd does, and answers with its Phase 2 AVPs.
     */
    private MethodStep tls13Phase2() throws IOException {
        phase = Phase.TUNNEL;
        byte[] plaintext = new byte[protocol.getAvailableInputBytes()];
        protocol.readInput(plaintext, 0, plaintext.length);
        if (plaintext.length > 0) {
            return innerStep(inner.receive(plaintext));
        }
        TunnelInner.Step first = inner.begin();
        if (first != null) {
            return innerStep(first);
        }
        byte[] pending = output();
        if (pending.length == 0) {
            return new MethodStep.Request(EapTlsPacket.ack().encode());
        }
        fragments.send(pending);
        return new MethodStep.Request(fragments.nextFragment().encode());
    }

    /**
     * Phase 2 (RFC 5281 §7.2): the peer's TLS application data, decrypted, goes to the inner exchange; its answer
     * goes back encrypted, or the method ends with the inner result.
     */
    private MethodStep tunnel(EapTlsPacket packet) {
        if (phase == Phase.FINAL_FLIGHT && packet.isAck()) {
            // TTLS (RFC 5281 §7.2): without resumption the peer starts Phase 2 right after the server's Finished;
            // PEAP (MS-PEAP §3.1.5.3): the peer ACKs it and the server starts with the tunnelled Identity Request.
            phase = Phase.TUNNEL;
            TunnelInner.Step first = inner.begin();
            return first == null ? fail("the peer sent no Phase 2 data after the TLS handshake") : innerStep(first);
        }
        byte[] message;
        try {
            message = fragments.receive(packet);
        } catch (MalformedEapException e) {
            return fail(e.getMessage());
        }
        if (message == null) {
            return new MethodStep.Request(EapTlsPacket.ack().encode());
        }
        if (message.length == 0) {
            return fail("the peer sent an empty Response inside the tunnel");
        }
        phase = Phase.TUNNEL;
        byte[] plaintext;
        try {
            protocol.offerInput(message);
            plaintext = new byte[protocol.getAvailableInputBytes()];
            protocol.readInput(plaintext, 0, plaintext.length);
        } catch (IOException e) {
            return fail("TLS record inside the tunnel refused: " + e.getMessage());
        }
        if (plaintext.length == 0) {
            return fail("the peer sent TLS records without application data inside the tunnel");
        }
        return innerStep(inner.receive(plaintext));
    }

    private MethodStep innerStep(TunnelInner.Step step) {
        if (step instanceof TunnelInner.Reply reply) {
            try {
                byte[] data = reply.plaintext();
                protocol.writeApplicationData(data, 0, data.length);
            } catch (IOException e) {
                return fail("cannot encrypt the inner answer: " + e.getMessage());
            }
            fragments.send(output());
            return new MethodStep.Request(fragments.nextFragment().encode());
        }
        TunnelInner.Done done = (TunnelInner.Done) step;
        innerResult = done;
        phase = Phase.DONE;
        if (!done.success()) {
            return new MethodStep.Failed(done.reason(), result());
        }
        return server.msk() == null && done.keys() == null
                ? new MethodStep.Failed("no keying material after the handshake", result())
                : new MethodStep.Succeeded(result());
    }

    private String tlsFailureReason(IOException e) {
        CertificateValidation v = server.validation();
        if (v != null && !v.valid()) {
            return v.reason();
        }
        return "TLS handshake failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private byte[] output() {
        int n = protocol.getAvailableOutputBytes();
        byte[] out = new byte[n];
        if (n > 0) {
            protocol.readOutput(out, 0, n);
        }
        return out;
    }

    private MethodStep succeed() {
        phase = Phase.DONE;
        byte[] msk = server.msk();
        CertificateValidation v = server.validation();
        if (msk == null || v == null || !v.valid()) {
            return new MethodStep.Failed("TLS completed without a validated client certificate", result());
        }
        return new MethodStep.Succeeded(result());
    }

    private MethodStep fail(String reason) {
        phase = Phase.DONE;
        return new MethodStep.Failed(reason, result());
    }

    private MethodResult result() {
        if (inner != null) {
            // Tunnelled: the inner identity is the user; the keys only count with a successful inner exchange.
            boolean ok = innerResult != null && innerResult.success();
            TunnelInner.Keys keys = ok ? innerResult.keys() : null;
            byte[] msk = !ok ? null : keys != null ? keys.msk() : server.msk();
            byte[] emsk = !ok ? null : keys != null ? keys.emsk() : server.emsk();
            return new MethodResult(profile.authType(), innerResult == null ? null : innerResult.identity(),
                    innerResult == null ? null : innerResult.certificate(), msk, server.version(),
                    ok ? innerResult.groups() : null, emsk, innerResult == null ? null : innerResult.chain());
        }
        CertificateValidation v = server.validation();
        String identity = v == null || v.facts() == null ? null : identity(v.facts());
        boolean ok = v != null && v.valid();
        return new MethodResult(AuthType.EAP_TLS, identity, v, ok ? server.msk() : null, server.version(), null,
                ok ? server.emsk() : null);
    }

    /** The certificate identity policy sees: UPN, else email, else CN (the order Windows and Intune certificates use). */
    static String identity(CertificateFacts facts) {
        if (!facts.sanUpn().isEmpty()) {
            return facts.sanUpn().get(0);
        }
        if (!facts.sanEmail().isEmpty()) {
            return facts.sanEmail().get(0);
        }
        return facts.cn();
    }

    @Override
    public void close() {
        try {
            protocol.close();
        } catch (IOException | RuntimeException e) {
            // Nothing to send anywhere: the conversation is gone.
        }
    }
}
