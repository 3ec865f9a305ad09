package io.turnstile.eap.peap;

import java.util.Locale;

/**
 * Whether PEAPv0 sends the Crypto-Binding TLV ([MS-PEAP] §2.2.8.3.1) and what it does with the peer's answer.
 * Configured with {@code turnstile.eap.peap.crypto-binding}; the default is {@link #OPTIONAL}, hostapd's default and what
 * Windows (which answers cryptobinding whenever the server sends it) and wpa_supplicant ({@code crypto_binding} 0, 1 or
 * 2) all interoperate with.
 */
public enum CryptoBindingPolicy {

    /** Never sent: the MSK is the tunnel's (older supplicants that break on an unknown TLV). */
    OFF,
    /**
     * Always sent; a peer that answers without it is accepted with the tunnel's MSK, a peer that answers with it must
     * prove the binding (a wrong Compound MAC fails) and the MSK comes from the IPMK.
     */
    OPTIONAL,
    /** Always sent and required: a peer that does not answer it fails ([MS-PEAP] §3.2.5.5, NPS "require"). */
    REQUIRED;

    /** "off", "optional" or "required", case-insensitive. */
    public static CryptoBindingPolicy parse(String setting) {
        try {
            return valueOf(setting.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "PEAP crypto binding must be off, optional or required, not " + setting, e);
        }
    }
}
