package io.turnstile.radius.api;

import io.turnstile.radius.codec.RadiusAttribute;

import java.util.List;

/**
 * What the application answers. The adapter adds Message-Authenticator as the first attribute (RFC 3579 §3.2,
 * BlastRADIUS hardening), computes the Response Authenticator (RFC 2865 §3) and sends it on the socket the request
 * came from. A reply with {@code code == 0} means: send nothing (silent discard, as RFC 2865 §3 asks for invalid requests).
 *
 * @param code        RADIUS code of the response, or 0 to discard
 * @param attributes  attributes other than Message-Authenticator
 * @param dropReason  why the request is discarded (metrics label), when code is 0
 */
public record RadiusReply(int code, List<RadiusAttribute> attributes, String dropReason) {

    public RadiusReply {
        attributes = List.copyOf(attributes);
    }

    public static RadiusReply of(int code, List<RadiusAttribute> attributes) {
        return new RadiusReply(code, attributes, null);
    }

    public static RadiusReply discard(String reason) {
        return new RadiusReply(0, List.of(), reason);
    }

    public boolean isDiscard() {
        return code == 0;
    }
}
