package io.turnstile.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** TURNSTILE_NATIVE_CRYPTO=false turns the native provider off; anything else (or nothing) leaves it on. */
class NativeCryptoSettingTest {

    @Test
    void falseTurnsItOff() {
        assertTrue(NativeCrypto.load("false").isEmpty());
        assertTrue(NativeCrypto.load(" FALSE ").isEmpty());
    }

    @Test
    void onByDefault() {
        assertTrue(NativeCrypto.load(null).isPresent());
        assertTrue(NativeCrypto.load("true").isPresent());
    }
}
