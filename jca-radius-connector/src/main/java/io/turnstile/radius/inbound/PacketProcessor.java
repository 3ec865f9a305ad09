package io.turnstile.radius.inbound;

import io.turnstile.radius.api.NasClient;
import io.turnstile.radius.api.RadiusReply;
import io.turnstile.radius.api.RadiusRequest;
import io.turnstile.radius.api.Transport;
import io.turnstile.radius.codec.MalformedPacketException;
import io.turnstile.radius.codec.RadiusAttribute;
import io.turnstile.radius.codec.RadiusCodec;
import io.turnstile.radius.codec.RadiusPacket;
import io.turnstile.radius.codec.Rfc2865;
import io.turnstile.radius.codec.Rfc2866;
import io.turnstile.radius.codec.Rfc2869;
import io.turnstile.radius.codec.Rfc5997;
import jakarta.resource.spi.UnavailableException;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transport-independent part of the adapter: one received packet in, the bytes to send back (or null) out.
 * Order of checks: sane header and attributes, known client, code allowed on this service, authenticators, duplicate
 * cache, then the application endpoint.
 */
final class PacketProcessor {

    private static final Logger LOG = Logger.getLogger(PacketProcessor.class.getName());
    /** Message-Authenticator basis of an Accounting-Response to an Accounting-Request (see RadiusCodec). */
    private static final byte[] ZERO_AUTHENTICATOR = new byte[16];

    private final Endpoints endpoints;
    private final NasClientCache clients;
    private final DuplicateCache duplicates;
    private final AdapterCounters counters;
    private final Clock clock;

    PacketProcessor(Endpoints endpoints, NasClientCache clients, DuplicateCache duplicates, AdapterCounters counters,
                    Clock clock) {
        this.endpoints = endpoints;
        this.clients = clients;
        this.duplicates = duplicates;
        this.counters = counters;
        this.clock = clock;
    }

    /**
     * @param service        "authentication" or "accounting" (for UDP: which port it came to; for RadSec: derived
     *                       from the code)
     * @param tlsClient      the RadSec peer's client entry (authenticated by its certificate), or null for UDP
     */
    byte[] process(Transport transport, String service, InetSocketAddress source, byte[] data, int length,
                   NasClient tlsClient) {
        counters.received();
        RadiusPacket packet;
        try {
            packet = RadiusCodec.decode(data, 0, length);
        } catch (MalformedPacketException e) {
            return drop(DropReason.MALFORMED, source, e.getMessage());
        }
        Optional<NasClient> found = tlsClient != null ? Optional.of(tlsClient)
                : clients.resolve(source.getAddress(), endpoints::resolveClient);
        if (found.isEmpty()) {
            return drop(DropReason.UNKNOWN_CLIENT, source, null);
        }
        NasClient client = found.get();
        if (transport == Transport.RADSEC) {
            service = packet.code() == Rfc2866.ACCOUNTING_REQUEST ? RadiusActivationSpec.ACCOUNTING
                    : RadiusActivationSpec.AUTHENTICATION;
        }
        byte[] secret = client.secret();
        int code = packet.code();
        boolean accounting = RadiusActivationSpec.ACCOUNTING.equals(service);
        boolean hasMessageAuthenticator = packet.first(Rfc2869.MESSAGE_AUTHENTICATOR).isPresent();

        if (code == Rfc5997.STATUS_SERVER) {
            // RFC 5997 §3: Status-Server MUST carry a valid Message-Authenticator, else it is silently discarded.
            if (!hasMessageAuthenticator) {
                return drop(DropReason.MISSING_MESSAGE_AUTHENTICATOR, source, "Status-Server");
            }
            if (!RadiusCodec.verifyMessageAuthenticator(data, 0, length, packet.authenticator(), secret)) {
                return drop(DropReason.BAD_MESSAGE_AUTHENTICATOR, source, "Status-Server");
            }
            if (!endpoints.hasService(service)) {
                return drop(DropReason.NOT_READY, source, service);
            }
            // RFC 5997 §3: answer Access-Accept on the authentication port, Accounting-Response on the accounting port.
            int replyCode = accounting ? Rfc2866.ACCOUNTING_RESPONSE : Rfc2865.ACCESS_ACCEPT;
            counters.answered();
            return RadiusCodec.encodeResponse(replyCode, packet.identifier(), List.of(), packet.authenticator(),
                    secret, true);
        }
        if (accounting) {
            if (code != Rfc2866.ACCOUNTING_REQUEST) {
                return drop(DropReason.UNEXPECTED_CODE, source, "code " + code + " on accounting");
            }
            // RFC 2866 §3: the Request Authenticator is an MD5 over the packet and the secret; a mismatch is discarded.
            if (!RadiusCodec.verifyRequestAuthenticator(data, 0, length, secret)) {
                return drop(DropReason.BAD_AUTHENTICATOR, source, null);
            }
            if (hasMessageAuthenticator && !RadiusCodec.verifyMessageAuthenticator(data, 0, length,
                    ZERO_AUTHENTICATOR, secret)) {
                return drop(DropReason.BAD_MESSAGE_AUTHENTICATOR, source, "Accounting-Request");
            }
        } else {
            if (code != Rfc2865.ACCESS_REQUEST) {
                return drop(DropReason.UNEXPECTED_CODE, source, "code " + code + " on authentication");
            }
            boolean eap = packet.first(Rfc2869.EAP_MESSAGE).isPresent();
            if (hasMessageAuthenticator) {
                // RFC 3579 §3.2: an invalid Message-Authenticator means silent discard.
                if (!RadiusCodec.verifyMessageAuthenticator(data, 0, length, packet.authenticator(), secret)) {
                    return drop(DropReason.BAD_MESSAGE_AUTHENTICATOR, source, null);
                }
            } else if (eap || (transport == Transport.UDP && client.requireMessageAuthenticator())) {
                // RFC 3579 §3.3: EAP-Message without Message-Authenticator is discarded; BlastRADIUS (CVE-2024-3596)
                // hardening extends that to every Access-Request over UDP unless the client opted out.
                return drop(DropReason.MISSING_MESSAGE_AUTHENTICATOR, source, null);
            }
        }
        if (!endpoints.hasService(service)) {
            return drop(DropReason.NOT_READY, source, service);
        }

        byte[] earlier = duplicates.begin(source, packet.identifier(), packet.authenticator());
        if (earlier != null) {
            if (earlier == DuplicateCache.IN_PROGRESS) {
                return drop(DropReason.DUPLICATE_IN_PROGRESS, source, null);
            }
            if (earlier == DuplicateCache.DISCARDED) {
                return drop(DropReason.APPLICATION, source, "retransmission of a discarded request");
            }
            counters.duplicateAnswered();
            return earlier;
        }

        RadiusReply reply;
        try {
            reply = endpoints.deliver(service, new RadiusRequest(transport, source, client, packet, clock.instant()));
        } catch (UnavailableException | RuntimeException e) {
            duplicates.abandon(source, packet.identifier(), packet.authenticator());
            LOG.log(Level.WARNING, "RADIUS " + service + " endpoint failed for " + source, e);
            return drop(DropReason.ENDPOINT_FAILURE, source, null);
        }
        if (reply == null || reply.isDiscard()) {
            duplicates.complete(source, packet.identifier(), packet.authenticator(), null);
            return drop(reply == null ? DropReason.NOT_READY : DropReason.APPLICATION, source,
                    reply == null ? null : reply.dropReason());
        }
        // RFC 2865 §5.33: Proxy-State attributes are copied unmodified and in order into the response.
        List<RadiusAttribute> proxyState = packet.all(Rfc2865.PROXY_STATE);
        List<RadiusAttribute> attributes = reply.attributes();
        if (!proxyState.isEmpty()) {
            attributes = new ArrayList<>(attributes);
            attributes.addAll(proxyState);
        }
        byte[] response = RadiusCodec.encodeResponse(reply.code(), packet.identifier(), attributes,
                packet.authenticator(), secret, true, accounting ? ZERO_AUTHENTICATOR : packet.authenticator());
        duplicates.complete(source, packet.identifier(), packet.authenticator(), response);
        counters.answered();
        return response;
    }

    private byte[] drop(DropReason reason, InetSocketAddress source, String detail) {
        counters.dropped(reason);
        if (LOG.isLoggable(Level.FINE)) {
            LOG.fine("dropped packet from " + source + ": " + reason + (detail == null ? "" : " (" + detail + ")"));
        }
        return null;
    }
}
