package io.turnstile.api.security;

import java.util.Optional;

/** The key of an {@code Authorization: Token <key>} header (the contract's API token scheme). */
public final class AuthorizationHeader {

    public static final String SCHEME = "Token";

    private AuthorizationHeader() {
    }

    /** The key, or empty if the header is absent, uses another scheme, or has no key. The scheme is case-insensitive. */
    public static Optional<String> tokenKey(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.trim();
        if (h.length() <= SCHEME.length() || !h.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                || !Character.isWhitespace(h.charAt(SCHEME.length()))) {
            return Optional.empty();
        }
        String key = h.substring(SCHEME.length()).trim();
        return key.isEmpty() || key.indexOf(' ') >= 0 ? Optional.empty() : Optional.of(key);
    }
}
