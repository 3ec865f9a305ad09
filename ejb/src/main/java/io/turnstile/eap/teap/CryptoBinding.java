package io.turnstile.eap.teap;

import io.turnstile.eap.MalformedEapException;

import java.util.Arrays;

/**
 * The value of a Crypto-Binding TLV (RFC 7170 §4.2.13): Reserved, Version, Received-Ver, Flags (4 bits) and Sub-Type
 * (4 bits), a 32-octet Nonce, then the EMSK and MSK Compound MACs (20 octets each, §5.3).
 *
 * @param version         TEAP version of the sender (1)
 * @param receivedVersion the version the sender received in the Start (§3.2 downgrade protection)
 * @param flags           1 EMSK Compound MAC present, 2 MSK Compound MAC present, 3 both
 * @param subType         0 Binding Request (server), 1 Binding Response (peer)
 */
public record CryptoBinding(int version, int receivedVersion, int flags, int subType, byte[] nonce, byte[] emskMac,
                            byte[] mskMac) {

    public static final int VALUE_LENGTH = 4 + 32 + 20 + 20;
    public static final int NONCE_LENGTH = 32;
    public static final int MAC_LENGTH = 20;
    public static final int FLAG_EMSK = 1;
    public static final int FLAG_MSK = 2;
    public static final int SUBTYPE_REQUEST = 0;
    public static final int SUBTYPE_RESPONSE = 1;

    public CryptoBinding {
        nonce = Arrays.copyOf(nonce, NONCE_LENGTH);
        emskMac = emskMac == null ? new byte[MAC_LENGTH] : Arrays.copyOf(emskMac, MAC_LENGTH);
        mskMac = mskMac == null ? new byte[MAC_LENGTH] : Arrays.copyOf(mskMac, MAC_LENGTH);
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] emskMac() {
        return emskMac.clone();
    }

    @Override
    public byte[] mskMac() {
        return mskMac.clone();
    }

    public boolean hasMskMac() {
        return (flags & FLAG_MSK) != 0;
    }

    /** The same binding with both Compound MACs zeroed: what the MAC is computed over (§5.3, BUFFER item 1). */
    CryptoBinding withoutMacs() {
        return new CryptoBinding(version, receivedVersion, flags, subType, nonce, null, null);
    }

    CryptoBinding withMskMac(byte[] mac) {
        return new CryptoBinding(version, receivedVersion, flags, subType, nonce, emskMac, mac);
    }

    public TeapTlv toTlv() {
        byte[] v = new byte[VALUE_LENGTH];
        v[1] = (byte) version;
        v[2] = (byte) receivedVersion;
        v[3] = (byte) ((flags & 0x0f) << 4 | (subType & 0x0f));
        System.arraycopy(nonce, 0, v, 4, NONCE_LENGTH);
        System.arraycopy(emskMac, 0, v, 36, MAC_LENGTH);
        System.arraycopy(mskMac, 0, v, 56, MAC_LENGTH);
        return new TeapTlv(true, TeapTlv.CRYPTO_BINDING, v);
    }

    public static CryptoBinding parse(TeapTlv tlv) throws MalformedEapException {
        byte[] v = tlv.value();
        if (tlv.type() != TeapTlv.CRYPTO_BINDING || v.length != VALUE_LENGTH) {
            throw new MalformedEapException("Crypto-Binding TLV of " + v.length + " octets instead of "
                    + VALUE_LENGTH + " (RFC 7170 §4.2.13)");
        }
        return new CryptoBinding(v[1] & 0xff, v[2] & 0xff, (v[3] & 0xf0) >>> 4, v[3] & 0x0f,
                Arrays.copyOfRange(v, 4, 36), Arrays.copyOfRange(v, 36, 56), Arrays.copyOfRange(v, 56, 76));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CryptoBinding c && c.version == version && c.receivedVersion == receivedVersion
                && c.flags == flags && c.subType == subType && Arrays.equals(c.nonce, nonce)
                && Arrays.equals(c.emskMac, emskMac) && Arrays.equals(c.mskMac, mskMac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
        return "CryptoBinding[version=" + version + ", receivedVersion=" + receivedVersion + ", flags=" + flags
                + ", subType=" + subType + "]";
    }
}
