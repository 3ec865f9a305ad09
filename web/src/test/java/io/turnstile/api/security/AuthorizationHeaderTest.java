package io.turnstile.api.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthorizationHeaderTest {

    @Test
    void readsTokenKeys() {
        assertEquals(Optional.of("abc123"), AuthorizationHeader.tokenKey("Token abc123"));
        assertEquals(Optional.of("abc123"), AuthorizationHeader.tokenKey("token   abc123 "));
        assertEquals(Optional.of("abc123"), AuthorizationHeader.tokenKey("TOKEN\tabc123"));
    }

    @Test
    void ignoresEverythingElse() {
        for (String h : new String[]{null, "", "Token", "Token ", "Tokenabc123", "Bearer abc123", "Basic dXNlcjpwdw==",
                "Token a b"}) {
            assertEquals(Optional.empty(), AuthorizationHeader.tokenKey(h), String.valueOf(h));
        }
    }
}
