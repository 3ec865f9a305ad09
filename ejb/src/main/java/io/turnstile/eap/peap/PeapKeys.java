package io.turnstile.eap.peap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The PEAPv0 cryptobinding key hierarchy ([MS-PEAP] §3.1.5.5) for one inner method:
 * <pre>
 *   TK       = first 60 octets of the tunnel key material (TLS 1.2: PRF "client EAP encryption";
 *              TLS 1.3: exporter with Type-Code 25, RFC 9427 §2.1.3)
 *   ISK      = first 32 octets of the inner method's MSK (zero-padded)
 *   IPMK|CMK = PRF+(TK[0..40], "Inner Methods Compound Keys" | ISK, 60)   IPMK 40 octets, CMK 20 octets
 *   CSK      = PRF+(IPMK, "Session Key Generating Function" | 0x00, 128) MSK = CSK[0..64]
 * </pre>
 * PRF+ is MS-PEAP's HMAC-SHA1 expansion (§3.1.5.5): T1 = HMAC-SHA1(K, S | 0x01 | 0x00 | 0x00),
 * Tn = HMAC-SHA1(K, Tn-1 | S | n | 0x00 | 0x00). The CSK label carries a trailing NUL octet and the IPMK label none,
 * as Windows computes them (and wpa_supplicant and hostapd with it).
 */
final class PeapKeys {

    static final int TK_LENGTH = 60;
    static final int ISK_LENGTH = 32;
    static final int IPMK_LENGTH = 40;
    static final int CMK_LENGTH = 20;
    static final int MSK_LENGTH = 64;
    static final int CSK_LENGTH = 128;
    private static final byte[] IPMK_LABEL = "Inner Methods Compound Keys".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CSK_LABEL = "Session Key Generating Function\0".getBytes(StandardCharsets.US_ASCII);

    private final byte[] ipmk;
    private final byte[] cmk;

    private PeapKeys(byte[] ipmk, byte[] cmk) {
        this.ipmk = ipmk;
        this.cmk = cmk;
    }

    /**
     * @param tunnelKeyMaterial the outer key material (at least 60 octets)
     * @param innerMsk          the inner method's MSK, or empty when it has none
     */
    static PeapKeys derive(byte[] tunnelKeyMaterial, byte[] innerMsk) {
        if (tunnelKeyMaterial.length < TK_LENGTH) {
            throw new IllegalArgumentException("PEAP tunnel key needs 60 octets");
        }
        byte[] isk = Arrays.copyOf(innerMsk, ISK_LENGTH);
        byte[] seed = concat(IPMK_LABEL, isk);
        byte[] imck = prfPlus(Arrays.copyOf(tunnelKeyMaterial, IPMK_LENGTH), seed, IPMK_LENGTH + CMK_LENGTH);
        Arrays.fill(isk, (byte) 0);
        PeapKeys keys = new PeapKeys(Arrays.copyOf(imck, IPMK_LENGTH),
                Arrays.copyOfRange(imck, IPMK_LENGTH, IPMK_LENGTH + CMK_LENGTH));
        Arrays.fill(imck, (byte) 0);
        return keys;
    }

    /** The MSK once cryptobinding succeeded: the first 64 octets of the CSK (§3.1.5.5). */
    byte[] msk() {
        byte[] csk = prfPlus(ipmk, CSK_LABEL, CSK_LENGTH);
        byte[] msk = Arrays.copyOf(csk, MSK_LENGTH);
        Arrays.fill(csk, (byte) 0);
        return msk;
    }

    /**
     * §2.2.8.3.1: Compound MAC = HMAC-SHA1-160(CMK, the 60-octet Crypto-Binding TLV with a zero MAC field | EAP Type
     * 25).
     */
    byte[] compoundMac(byte[] tlvWithZeroMac) {
        return hmac(cmk, concat(tlvWithZeroMac, new byte[]{(byte) io.turnstile.eap.Rfc3748.TYPE_PEAP}));
    }

    /** Constant-time comparison of a received Compound MAC (a timing leak would let a forger guess it). */
    boolean verify(byte[] tlvWithZeroMac, byte[] receivedMac) {
        return MessageDigest.isEqual(compoundMac(tlvWithZeroMac), receivedMac);
    }

    /** [MS-PEAP] §3.1.5.5 PRF+ with HMAC-SHA1. */
    static byte[] prfPlus(byte[] key, byte[] seed, int length) {
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        int n = 1;
        for (int at = 0; at < length; n++) {
            previous = hmac(key, concat(previous, seed, new byte[]{(byte) n, 0, 0}));
            int take = Math.min(previous.length, length - at);
            System.arraycopy(previous, 0, out, at, take);
            at += take;
        }
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Override
    public String toString() {
        return "PeapKeys[<redacted>]";
    }
}
