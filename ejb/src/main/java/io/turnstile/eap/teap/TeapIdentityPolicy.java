package io.turnstile.eap.teap;

import java.util.Locale;

/**
 * Which identities TEAP Phase 2 asks for (Identity-Type TLV, RFC 7170 §4.2.3) and which it accepts, in the manner of
 * hostapd's {@code eap_teap_id}. Configured with {@code turnstile.eap.teap.identity}
 * ({@code TURNSTILE_EAP_TEAP_IDENTITY}).
 *
 * <p>TEAP gives a peer no way to say up front which credentials it holds. {@link #MACHINE_AND_USER} asks for both and
 * accepts the ways known peers decline the user request when they have no user (Windows with nobody signed in: an
 * empty EAP-Response/Identity; wpa_supplicant: only its Identity-Type TLV) as "machine only". A peer that has a user
 * identity but no usable user credentials starts the user's inner method and fails it, and that fails the chain; to
 * accept such machines, or to never ask for the user, choose {@link #MACHINE_OR_USER}.
 */
public enum TeapIdentityPolicy {

    /**
     * EAP chaining (§3.3.1), the default: the machine, then the user, each with its own Crypto-Binding. A peer without
     * machine credentials answers the machine request as the user (user only); a peer that answers the user request
     * without a user identity after its machine succeeded ends with the machine alone (machine only). hostapd has no
     * equivalent (its {@code eap_teap_id=5} requires both).
     */
    MACHINE_AND_USER("machine-and-user"),
    /**
     * One inner method (hostapd {@code eap_teap_id=4}): the machine is asked for, a peer may answer as the user, and
     * the first inner method's Crypto-Binding goes with the final Result. The user is never asked for: a peer that has
     * both credentials authenticates its machine only.
     */
    MACHINE_OR_USER("machine-or-user");

    private final String setting;

    TeapIdentityPolicy(String setting) {
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** "machine-and-user" or "machine-or-user", case-insensitive. */
    public static TeapIdentityPolicy parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (TeapIdentityPolicy p : values()) {
            if (p.setting.equals(v)) {
                return p;
            }
        }
        throw new IllegalArgumentException("TEAP identity must be machine-and-user or machine-or-user, not " + value);
    }
}
