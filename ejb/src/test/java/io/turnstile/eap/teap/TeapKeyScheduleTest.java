package io.turnstile.eap.teap;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCryptoProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The RFC 7170 §5 key schedule. There are no official TEAP vectors; the TLS PRF is checked against Bouncy Castle's own
 * TLS 1.2 PRF (an independent implementation), the chain against the §5.2 definitions written out step by step, and
 * the whole against wpa_supplicant in TeapIT (its MSK must equal our MPPE keys).
 */
class TeapKeyScheduleTest {

    private final TlsCrypto crypto = new JcaTlsCryptoProvider().setProvider(new BouncyCastleProvider())
            .create(new SecureRandom());

    private byte[] bouncyPrf(int prf, byte[] secret, String label, byte[] seed, int length) {
        return crypto.createSecret(secret).deriveUsingPRF(prf, label, seed, length).extract();
    }

    @Test
    void prfIsTheTls12PrfOfBouncyCastle() {
        byte[] secret = "0123456789abcdef0123456789abcdef01234567".getBytes(StandardCharsets.US_ASCII);
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) 7);
        assertArrayEquals(bouncyPrf(PRFAlgorithm.tls_prf_sha256, secret, "Inner Methods Compound Keys", seed, 60),
                TeapKeySchedule.prf("HmacSHA256", secret, "Inner Methods Compound Keys", seed, 60));
        assertArrayEquals(bouncyPrf(PRFAlgorithm.tls_prf_sha384, secret, "Session Key Generating Function",
                        new byte[0], 64),
                TeapKeySchedule.prf("HmacSHA384", secret, "Session Key Generating Function", new byte[0], 64));
    }

    @Test
    void eachInnerMethodChainsFromThePreviousSimckWithTheFirst32OctetsOfItsMsk() {
        byte[] seed = new byte[40];
        Arrays.fill(seed, (byte) 3);
        byte[] machineMsk = new byte[64];
        Arrays.fill(machineMsk, (byte) 0x11);
        byte[] userMsk = new byte[64];
        Arrays.fill(userMsk, (byte) 0x22);
        TeapKeySchedule s = TeapKeySchedule.start(seed, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
                PRFAlgorithm.tls_prf_sha256).next(machineMsk).next(userMsk);
        assertEquals(2, s.index());

        byte[] imck1 = bouncyPrf(PRFAlgorithm.tls_prf_sha256, seed, "Inner Methods Compound Keys",
                Arrays.copyOf(machineMsk, 32), 60);
        byte[] imck2 = bouncyPrf(PRFAlgorithm.tls_prf_sha256, Arrays.copyOf(imck1, 40), "Inner Methods Compound Keys",
                Arrays.copyOf(userMsk, 32), 60);
        assertArrayEquals(Arrays.copyOf(imck2, 40), s.simck());
        assertArrayEquals(bouncyPrf(PRFAlgorithm.tls_prf_sha256, Arrays.copyOf(imck2, 40),
                "Session Key Generating Function", new byte[0], 64), s.msk());
        assertFalse(Arrays.equals(s.msk(), s.emsk()));
        // Only the first 32 octets of the inner MSK count (IMSK).
        byte[] otherTail = machineMsk.clone();
        otherTail[40] = 0;
        assertArrayEquals(TeapKeySchedule.start(seed, "HmacSHA256", "HmacSHA256").next(machineMsk).simck(),
                TeapKeySchedule.start(seed, "HmacSHA256", "HmacSHA256").next(otherTail).simck());
    }

    @Test
    void compoundMacCoversTheZeroedBindingTheTypeAndBothOuterTlvSets() {
        byte[] seed = new byte[40];
        TeapKeySchedule s = TeapKeySchedule.start(seed, "HmacSHA256", "HmacSHA256").next(new byte[64]);
        byte[] nonce = new byte[32];
        CryptoBinding cb = new CryptoBinding(1, 1, 2, 0, nonce, null, null);
        byte[] serverOuter = TeapTlv.encodeAll(java.util.List.of(EapTeapMethod.authorityId("org")));
        byte[] mac = s.compoundMac(cb, serverOuter, new byte[0]);
        assertEquals(20, mac.length);
        // The MAC fields themselves are zeroed before the MAC is taken: a binding carrying its MAC gives the same.
        assertArrayEquals(mac, s.compoundMac(cb.withMskMac(mac), serverOuter, new byte[0]));
        assertFalse(Arrays.equals(mac, s.compoundMac(cb, new byte[0], new byte[0])), "Outer TLVs are covered");
        // SHA-1 suites use HMAC-SHA1 for the Compound MAC, as hostapd does.
        TeapKeySchedule sha1 = TeapKeySchedule.start(seed, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
                PRFAlgorithm.tls_prf_sha256).next(new byte[64]);
        assertFalse(Arrays.equals(mac, sha1.compoundMac(cb, serverOuter, new byte[0])));
        assertArrayEquals(s.simck(), sha1.simck(), "the PRF stays SHA-256");
    }
}
