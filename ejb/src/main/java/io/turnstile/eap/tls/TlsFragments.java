package io.turnstile.eap.tls;

import io.turnstile.eap.MalformedEapException;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * EAP-TLS fragmentation in both directions (RFC 5216 §2.1.5): an outgoing TLS flight cut into fragments of at most
 * {@code fragmentSize} octets (L on the first of several, M on all but the last), and incoming fragments joined until
 * one arrives without M. The incoming total is bounded, so a peer cannot make the server buffer without limit.
 */
final class TlsFragments {

    private final int fragmentSize;
    private final int maxMessageLength;

    private byte[] outgoing = new byte[0];
    private int sent;
    private final ByteArrayOutputStream incoming = new ByteArrayOutputStream();
    private long announcedLength = -1;

    TlsFragments(int fragmentSize, int maxMessageLength) {
        this.fragmentSize = fragmentSize;
        this.maxMessageLength = maxMessageLength;
    }

    /** Queues a TLS flight; any earlier one must have been sent completely. */
    void send(byte[] flight) {
        outgoing = flight.clone();
        sent = 0;
    }

    boolean sending() {
        return sent < outgoing.length;
    }

    /** The next fragment of the queued flight. */
    EapTlsPacket nextFragment() {
        int remaining = outgoing.length - sent;
        int n = Math.min(fragmentSize, remaining);
        boolean first = sent == 0;
        boolean more = n < remaining;
        int flags = (more ? EapTlsPacket.MORE_FRAGMENTS : 0) | (first && more ? EapTlsPacket.LENGTH_INCLUDED : 0);
        EapTlsPacket fragment = new EapTlsPacket(flags, first && more ? outgoing.length : -1,
                Arrays.copyOfRange(outgoing, sent, sent + n));
        sent += n;
        if (!sending()) {
            outgoing = new byte[0];
            sent = 0;
        }
        return fragment;
    }

    /**
     * Adds a received fragment.
     *
     * @return the whole TLS message once its last fragment arrived, or null if more are expected (answer with an ACK)
     */
    byte[] receive(EapTlsPacket fragment) throws MalformedEapException {
        if (fragment.has(EapTlsPacket.LENGTH_INCLUDED)) {
            long length = fragment.messageLength();
            if (length > maxMessageLength) {
                throw new MalformedEapException("EAP-TLS message of " + length + " octets exceeds " + maxMessageLength);
            }
            if (incoming.size() == 0) {
                announcedLength = length;
            }
        }
        if (incoming.size() + fragment.dataLength() > maxMessageLength) {
            throw new MalformedEapException("EAP-TLS message exceeds " + maxMessageLength + " octets");
        }
        incoming.writeBytes(fragment.data());
        if (fragment.has(EapTlsPacket.MORE_FRAGMENTS)) {
            if (fragment.dataLength() == 0) {
                throw new MalformedEapException("EAP-TLS fragment with M set carries no data");
            }
            return null;
        }
        byte[] whole = incoming.toByteArray();
        incoming.reset();
        long expected = announcedLength;
        announcedLength = -1;
        // RFC 5216 §3.1: the L field is the total TLS message length; a peer that got it wrong sent a broken message.
        if (expected >= 0 && expected != whole.length) {
            throw new MalformedEapException("EAP-TLS fragments total " + whole.length + " octets, L announced " + expected);
        }
        return whole;
    }

    boolean receiving() {
        return incoming.size() > 0;
    }
}
