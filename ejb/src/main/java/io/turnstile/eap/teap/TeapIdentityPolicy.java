package io.turnstile.eap.teap;

import java.util.Locale;

/**
 * Which identities TEAP Phase 2 asks for (Identity-Type TLV, RFC 7170 §4.2.3) and which it accepts, in the manner of
 * hostapd's {@code eap_teap_id}. Configured with {@code turnstile.eap.teap.identity}
 * ({@code TURNSTILE_EAP_TEAP_IDENTITY}).
 *
 * <p>The server has to choose before it knows the peer: TEAP gives a peer no way to say up front which credentials it
 * holds, and the peers differ in how they decline a user request they cannot serve. Windows with nobody signed in
 * answers it with an empty EAP-Response/Identity, which {@link #MACHINE_AND_USER} accepts as "machine only";
 * wpa_supplicant without user credentials ends the method with a Result TLV failure, after which no server can succeed
 * (its method state is DONE/FAIL), so such peers need {@link #MACHINE_OR_USER}.
 */
public enum TeapIdentityPolicy {

    /**
     * EAP chaining (§3.3.1), the default: the machine, then the user, each with its own Crypto-Binding. A peer without
     * machine credentials answers the machine request as the user (user only); a peer that answers the user request
     * with an empty identity after its machine succeeded ends with the machine alone (machine only). hostapd has no
     * equivalent (its {@code eap_teap_id=5} requires both).
     */
    MACHINE_AND_USER("machine-and-user"),
    /**
     * One inner method (hostapd {@code eap_teap_id=4}): the machine is asked for, a peer may answer as the user, and
     * the first inner method's Crypto-Binding goes with the final Result. Machine-only peers of every kind succeed; a
     * peer that has both credentials authenticates its machine only.
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
