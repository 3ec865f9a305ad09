package io.turnstile.radius.codec;

import static io.turnstile.radius.codec.RfcVectors.SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** User-Password (RFC 2865 §5.2), Tunnel-Password (RFC 2868 §3.5), MS-MPPE keys (RFC 2548 §2.4.2/§2.4.3). */
class HidingTest {

    private static final byte[] AUTH = Hex.bytes("8a54f4686fb394c52866e302185d0623");

    /** Deterministic "random" for repeatable tests (the production code takes any SecureRandom). */
    private static SecureRandom seeded(long seed) {
        SecureRandom r;
        try {
            r = SecureRandom.getInstance("SHA1PRNG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        r.setSeed(seed);
        return r;
    }

    @Test
    void userPasswordPaddingAndLimits() {
        for (int len : new int[] {0, 1, 15, 16, 17, 31, 32, 100, 128}) {
            byte[] pw = new byte[len];
            Arrays.fill(pw, (byte) 'p');
            byte[] hidden = UserPasswordHiding.hide(pw, SECRET, AUTH);
            assertEquals(Math.max(16, (len + 15) / 16 * 16), hidden.length, "length " + len);
            assertArrayEquals(pw, UserPasswordHiding.reveal(hidden, SECRET, AUTH));
        }
        assertThrows(IllegalArgumentException.class, () -> UserPasswordHiding.hide(new byte[129], SECRET, AUTH));
        assertThrows(IllegalArgumentException.class, () -> UserPasswordHiding.reveal(new byte[17], SECRET, AUTH));
        assertThrows(IllegalArgumentException.class, () -> UserPasswordHiding.reveal(new byte[0], SECRET, AUTH));
        assertThrows(IllegalArgumentException.class, () -> UserPasswordHiding.reveal(new byte[144], SECRET, AUTH));
    }

    @Test
    void userPasswordSecondBlockChainsOnTheFirstCipherBlock() throws Exception {
        byte[] pw = "0123456789abcdefXYZ".getBytes(StandardCharsets.US_ASCII);
        byte[] hidden = UserPasswordHiding.hide(pw, SECRET, AUTH);
        // RFC 2865 §5.2: b2 = MD5(S + c(1)), c(2) = p2 xor b2
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(SECRET);
        md5.update(hidden, 0, 16);
        byte[] b2 = md5.digest();
        byte[] p2 = Arrays.copyOf(Arrays.copyOfRange(pw, 16, pw.length), 16);
        for (int i = 0; i < 16; i++) {
            assertEquals((byte) (p2[i] ^ b2[i]), hidden[16 + i]);
        }
    }

    @Test
    void tunnelPasswordRoundTripWithTagAndSaltHighBit() throws Exception {
        byte[] pw = "tunnel-secret".getBytes(StandardCharsets.UTF_8);
        byte[] value = TunnelPasswordHiding.hide(3, pw, SECRET, AUTH, seeded(1));
        assertEquals(3, value[0]);
        assertTrue((value[1] & 0x80) != 0, "RFC 2868 §3.5: the salt's most significant bit MUST be set");
        assertEquals(1 + 2 + 16, value.length);
        assertArrayEquals(pw, TunnelPasswordHiding.reveal(value, SECRET, AUTH));
        assertFalse(Arrays.equals(pw, Arrays.copyOfRange(value, 4, 4 + pw.length)));

        // b(1) = MD5(S + R + A); the first plaintext octet is the Data-Length.
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(SECRET);
        md5.update(AUTH);
        md5.update(value, 1, 2);
        byte[] b1 = md5.digest();
        assertEquals(pw.length, (value[3] ^ b1[0]) & 0xFF);

        RadiusAttribute a = TunnelPasswordHiding.attribute(1, pw, SECRET, AUTH, seeded(2));
        assertEquals(Rfc2868.TUNNEL_PASSWORD, a.type());
        assertEquals(1, a.tag());
    }

    @Test
    void tunnelPasswordWithExplicitSaltIsDeterministicAndChecksTheSalt() {
        byte[] pw = "x".repeat(40).getBytes(StandardCharsets.US_ASCII);
        byte[] v1 = TunnelPasswordHiding.hide(0, pw, SECRET, AUTH, 0x8123);
        byte[] v2 = TunnelPasswordHiding.hide(0, pw, SECRET, AUTH, 0x8123);
        assertArrayEquals(v1, v2);
        assertEquals(1 + 2 + 48, v1.length);   // 1 + 40 octets rounds up to 48
        assertEquals((byte) 0x81, v1[1]);
        assertEquals((byte) 0x23, v1[2]);
        assertNotEquals(Hex.of(v1), Hex.of(TunnelPasswordHiding.hide(0, pw, SECRET, AUTH, 0x8124)));
        assertThrows(IllegalArgumentException.class, () -> TunnelPasswordHiding.hide(0, pw, SECRET, AUTH, 0x7fff));
        assertThrows(IllegalArgumentException.class, () -> TunnelPasswordHiding.hide(32, pw, SECRET, AUTH, 0x8000));
        assertThrows(IllegalArgumentException.class,
                () -> TunnelPasswordHiding.hide(0, new byte[240], SECRET, AUTH, 0x8000));
        // The longest password fills the attribute: tag + salt + 240 = 243 octets, within 253.
        assertEquals(243, TunnelPasswordHiding.hide(0, new byte[239], SECRET, AUTH, 0x8000).length);
    }

    @Test
    void tunnelPasswordRevealRejectsGarbage() {
        assertThrows(IllegalArgumentException.class, () -> TunnelPasswordHiding.reveal(new byte[2], SECRET, AUTH));
        assertThrows(IllegalArgumentException.class, () -> TunnelPasswordHiding.reveal(new byte[3 + 15], SECRET, AUTH));
        byte[] noHighBit = new byte[3 + 16];
        assertThrows(IllegalArgumentException.class, () -> TunnelPasswordHiding.reveal(noHighBit, SECRET, AUTH));
        // A wrong secret decrypts to an impossible length almost always; try a few salts and expect at least one refusal.
        int refusals = 0;
        for (int salt = 0x8000; salt < 0x8010; salt++) {
            byte[] v = TunnelPasswordHiding.hide(1, new byte[1], SECRET, AUTH, salt);
            try {
                TunnelPasswordHiding.reveal(v, "nope".getBytes(StandardCharsets.US_ASCII), AUTH);
            } catch (IllegalArgumentException e) {
                refusals++;
            }
        }
        assertTrue(refusals > 0);
    }

    @Test
    void mppeKeysRoundTripWithDistinctHighBitSalts() throws Exception {
        Random r = new Random(7);
        byte[] send = new byte[32];
        byte[] recv = new byte[32];
        r.nextBytes(send);
        r.nextBytes(recv);
        byte[] enc = MppeKeyEncryption.encrypt(send, SECRET, AUTH, seeded(3));
        assertEquals(2 + 48, enc.length);   // salt + (1 + 32 rounded to 48)
        assertTrue((enc[0] & 0x80) != 0, "RFC 2548 §2.4.2: the salt's most significant bit MUST be set");
        assertArrayEquals(send, MppeKeyEncryption.decrypt(enc, SECRET, AUTH));

        List<RadiusAttribute> attrs = MppeKeyEncryption.keyAttributes(send, recv, SECRET, AUTH, seeded(4));
        RadiusPacket p = new RadiusPacket(Rfc2865.ACCESS_ACCEPT, 1, AUTH, attrs);
        VendorAttribute s = p.vendorAttribute(Rfc2548.VENDOR_MICROSOFT, Rfc2548.MS_MPPE_SEND_KEY).orElseThrow();
        VendorAttribute v = p.vendorAttribute(Rfc2548.VENDOR_MICROSOFT, Rfc2548.MS_MPPE_RECV_KEY).orElseThrow();
        assertFalse(Arrays.equals(Arrays.copyOf(s.value(), 2), Arrays.copyOf(v.value(), 2)), "salts unique in a packet");
        assertArrayEquals(send, MppeKeyEncryption.decrypt(s.value(), SECRET, AUTH));
        assertArrayEquals(recv, MppeKeyEncryption.decrypt(v.value(), SECRET, AUTH));
        assertTrue(s.toString().contains("<hidden>"));
        assertTrue(attrs.get(0).toString().contains("<hidden>"));
    }

    @Test
    void manySaltsAllHaveTheHighBit() {
        SecureRandom r = seeded(5);
        for (int i = 0; i < 2000; i++) {
            byte[] v = MppeKeyEncryption.encrypt(new byte[16], SECRET, AUTH, r);
            assertTrue((v[0] & 0x80) != 0);
        }
    }
}
