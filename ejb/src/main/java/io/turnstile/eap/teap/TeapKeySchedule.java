package io.turnstile.eap.teap;

import org.bouncycastle.tls.MACAlgorithm;
import org.bouncycastle.tls.PRFAlgorithm;
import org.bouncycastle.tls.TlsUtils;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The TEAP key hierarchy on a TLS 1.2 tunnel (RFC 7170 §5 with errata 5128, 5765 and 5767, as hostapd 2.10 and
 * Windows implement it):
 * <pre>
 * S-IMCK[0] = session_key_seed = TLS exporter("EXPORTER: teap session key seed", no context, 40)      §5.1
 * IMSK[j]   = first 32 octets of the inner method's MSK (zero-padded)                                 §5.2
 * IMCK[j]   = TLS-PRF(S-IMCK[j-1], "Inner Methods Compound Keys", IMSK[j], 60)
 * S-IMCK[j] = IMCK[j][0..39], CMK[j] = IMCK[j][40..59]
 * Compound MAC = HMAC(CMK[j], Crypto-Binding TLV with zeroed MACs | EAP type 55 | server Outer TLVs
 *                | peer Outer TLVs), first 20 octets                                               §5.3
 * MSK  = TLS-PRF(S-IMCK[last], "Session Key Generating Function", 64)                                 §5.4
 * EMSK = TLS-PRF(S-IMCK[last], "Extended Session Key Generating Function", 64)
 * </pre>
 * TLS-PRF is the tunnel's TLS 1.2 PRF (P_SHA256, or P_SHA384 for SHA-384 suites); the Compound MAC uses the hash of
 * the suite's MAC (HMAC-SHA1 for the legacy CBC-SHA suites, as hostapd). Only the MSK chain is kept: the inner EAP-TLS
 * EMSK is not exported, so Crypto-Binding carries the MSK Compound MAC only (Flags 2), which every peer accepts.
 * Immutable: {@link #next} returns the schedule one inner method further.
 */
public final class TeapKeySchedule {

    public static final String SESSION_KEY_SEED_LABEL = "EXPORTER: teap session key seed";
    static final int SIMCK_LENGTH = 40;
    static final int CMK_LENGTH = 20;
    static final int IMCK_LENGTH = SIMCK_LENGTH + CMK_LENGTH;
    static final int IMSK_LENGTH = 32;
    static final int MSK_LENGTH = 64;

    private final String prfHmac;
    private final String compoundMacHmac;
    private final byte[] simck;
    private final byte[] cmk;
    private final int index;

    private TeapKeySchedule(String prfHmac, String compoundMacHmac, byte[] simck, byte[] cmk, int index) {
        this.prfHmac = prfHmac;
        this.compoundMacHmac = compoundMacHmac;
        this.simck = simck;
        this.cmk = cmk;
        this.index = index;
    }

    /** S-IMCK[0] from the tunnel's session_key_seed (§5.1); the hashes from the negotiated suite. */
    public static TeapKeySchedule start(byte[] sessionKeySeed, int cipherSuite, int prfAlgorithm) {
        if (sessionKeySeed.length != SIMCK_LENGTH) {
            throw new IllegalArgumentException("session_key_seed must be 40 octets");
        }
        boolean sha384 = prfAlgorithm == PRFAlgorithm.tls_prf_sha384;
        String prf = sha384 ? "HmacSHA384" : "HmacSHA256";
        String mac = TlsUtils.getMACAlgorithm(cipherSuite) == MACAlgorithm.hmac_sha1 ? "HmacSHA1" : prf;
        return new TeapKeySchedule(prf, mac, sessionKeySeed.clone(), null, 0);
    }

    /** For tests: a schedule with explicit HMAC names. */
    static TeapKeySchedule start(byte[] sessionKeySeed, String prfHmac, String compoundMacHmac) {
        return new TeapKeySchedule(prfHmac, compoundMacHmac, sessionKeySeed.clone(), null, 0);
    }

    /** §5.2: the schedule after inner method j with this MSK (null or empty: IMSK of zeros). */
    public TeapKeySchedule next(byte[] innerMsk) {
        byte[] imsk = new byte[IMSK_LENGTH];
        if (innerMsk != null) {
            System.arraycopy(innerMsk, 0, imsk, 0, Math.min(innerMsk.length, IMSK_LENGTH));
        }
        byte[] imck = prf(prfHmac, simck, "Inner Methods Compound Keys", imsk, IMCK_LENGTH);
        Arrays.fill(imsk, (byte) 0);
        TeapKeySchedule out = new TeapKeySchedule(prfHmac, compoundMacHmac, Arrays.copyOf(imck, SIMCK_LENGTH),
                Arrays.copyOfRange(imck, SIMCK_LENGTH, IMCK_LENGTH), index + 1);
        Arrays.fill(imck, (byte) 0);
        return out;
    }

    /** How many inner methods the schedule has taken in (j). */
    public int index() {
        return index;
    }

    /**
     * §5.3: the MSK Compound MAC of a Crypto-Binding with CMK[j]. {@code serverOuterTlvs} are the Outer TLVs of our
     * Start, {@code peerOuterTlvs} those of the peer's first Response (usually none).
     */
    public byte[] compoundMac(CryptoBinding binding, byte[] serverOuterTlvs, byte[] peerOuterTlvs) {
        if (cmk == null) {
            throw new IllegalStateException("no inner method keyed the schedule yet");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        buffer.writeBytes(binding.withoutMacs().toTlv().encode());
        buffer.write(io.turnstile.eap.Rfc3748.TYPE_TEAP);
        buffer.writeBytes(serverOuterTlvs == null ? new byte[0] : serverOuterTlvs);
        buffer.writeBytes(peerOuterTlvs == null ? new byte[0] : peerOuterTlvs);
        return Arrays.copyOf(hmac(compoundMacHmac, cmk, buffer.toByteArray()), CryptoBinding.MAC_LENGTH);
    }

    /** §5.4: MSK from the last S-IMCK. */
    public byte[] msk() {
        return prf(prfHmac, simck, "Session Key Generating Function", new byte[0], MSK_LENGTH);
    }

    /** §5.4: EMSK from the last S-IMCK. */
    public byte[] emsk() {
        return prf(prfHmac, simck, "Extended Session Key Generating Function", new byte[0], MSK_LENGTH);
    }

    byte[] simck() {
        return simck.clone();
    }

    /** RFC 5246 §5: PRF(secret, label, seed) = P_hash(secret, label + seed). */
    static byte[] prf(String hmac, byte[] secret, String label, byte[] seed, int length) {
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        byte[] labelSeed = new byte[labelBytes.length + seed.length];
        System.arraycopy(labelBytes, 0, labelSeed, 0, labelBytes.length);
        System.arraycopy(seed, 0, labelSeed, labelBytes.length, seed.length);
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(secret, hmac));
            byte[] out = new byte[length];
            byte[] a = labelSeed; // A(0)
            int filled = 0;
            while (filled < length) {
                a = mac.doFinal(a); // A(i) = HMAC(secret, A(i-1))
                mac.update(a);
                byte[] block = mac.doFinal(labelSeed);
                int n = Math.min(block.length, length - filled);
                System.arraycopy(block, 0, out, filled, n);
                filled += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS PRF with " + hmac + " unavailable", e);
        }
    }

    static byte[] hmac(String hmac, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(hmac);
            mac.init(new SecretKeySpec(key, hmac));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmac + " unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "TeapKeySchedule[j=" + index + ", prf=" + prfHmac + ", mac=" + compoundMacHmac + "]";
    }
}
