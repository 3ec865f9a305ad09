package io.turnstile.radius.api;

import io.turnstile.radius.codec.RadiusPacket;
import io.turnstile.radius.codec.UserPasswordHiding;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;

/**
 * A request that passed the adapter's checks (known NAS, sane packet, valid authenticators) and is handed to the
 * application.
 *
 * @param transport  UDP or RadSec
 * @param source     the NAS address and port the packet came from
 * @param client     the matched RADIUS client, with its shared secret
 * @param packet     the decoded packet
 * @param receivedAt when the adapter received it
 */
public record RadiusRequest(Transport transport, InetSocketAddress source, NasClient client, RadiusPacket packet,
                            Instant receivedAt) {

    /**
     * The User-Password, un-hidden per RFC 2865 §5.2, if the request carries a well-formed one (16 to 128 octets in
     * steps of 16); empty otherwise.
     */
    public Optional<byte[]> userPassword() {
        return packet.first(io.turnstile.radius.codec.Rfc2865.USER_PASSWORD).flatMap(a -> {
            try {
                return Optional.of(UserPasswordHiding.reveal(a.value(), client.secret(), packet.authenticator()));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        });
    }
}
