package io.turnstile.eap.tls;

import io.turnstile.eap.Rfc3748;
import io.turnstile.policy.AuthType;

/**
 * What differs between the TLS-based EAP methods that share the EAP-TLS framing (RFC 5216 §3.1 flags, fragments and
 * ACKs): their type, whether the peer must present a certificate, and their TLS 1.2 key-derivation label. With TLS 1.3
 * all of them derive the key material with the exporter (RFC 9190 §2.3, RFC 9427 §2.1):
 * {@code TLS-Exporter("EXPORTER_EAP_TLS_Key_Material", Type-Code, 128)}, MSK the first 64 octets, EMSK the next 64.
 *
 * @param type                      EAP method type, also the exporter context with TLS 1.3
 * @param authType                  what a success reports
 * @param requireClientCertificate  EAP-TLS: always; tunnelled methods authenticate the user inside instead
 * @param tls12KeyLabel             TLS 1.2 PRF label of the key material (RFC 5216 §2.3, RFC 5281 §8)
 * @param tls13                     whether TLS 1.3 may be negotiated (within the configured range); TEAP stays on 1.2
 * @param tunnelExport              keying material the inner exchange needs from the tunnel (TEAP's
 *                                  session_key_seed), or null; exported when the handshake completes, the only time
 *                                  Bouncy Castle allows it
 */
public record TlsProfile(int type, AuthType authType, boolean requireClientCertificate, String tls12KeyLabel,
                         boolean tls13, TunnelExport tunnelExport) {

    /** An RFC 5705 export without context: its label and length. */
    public record TunnelExport(String label, int length) {
    }

    /** A method that may use TLS 1.3 and needs no export of its own. */
    public TlsProfile(int type, AuthType authType, boolean requireClientCertificate, String tls12KeyLabel) {
        this(type, authType, requireClientCertificate, tls12KeyLabel, true, null);
    }

    public static final TlsProfile EAP_TLS = new TlsProfile(Rfc3748.TYPE_TLS, AuthType.EAP_TLS, true,
            "client EAP encryption");

    /**
     * RFC 5281 §8: with TLS 1.2, keying material = PRF(master secret, "ttls keying material", client.random +
     * server.random), MSK the first 64 octets; the EMSK (not defined by RFC 5281) is the next 64, as hostapd and
     * wpa_supplicant derive it. TLS 1.3 per RFC 9427 §2.1 (Type-Code 21).
     */
    public static final TlsProfile TTLS = new TlsProfile(Rfc3748.TYPE_TTLS, AuthType.EAP_TTLS, false,
            "ttls keying material");

    /**
     * PEAPv0 ([MS-PEAP], draft-kamath-pppext-peapv0): the tunnel key material is the EAP-TLS one ("client EAP
     * encryption", MS-PEAP §3.1.5.7 / wpa_supplicant peaplabel=0), with TLS 1.3 the exporter with Type-Code 25
     * (RFC 9427 §2.1.3). Without cryptobinding it is also the MSK; with it, the MSK comes from the IPMK
     * (io.turnstile.eap.peap.PeapKeys).
     */
    public static final TlsProfile PEAP = new TlsProfile(Rfc3748.TYPE_PEAP, AuthType.EAP_PEAP, false,
            "client EAP encryption");

    /**
     * TEAP version 1 (RFC 7170): the outer tunnel on TLS 1.2 without a client certificate in Phase 1 (the machine and
     * user certificates are checked by the inner EAP-TLS methods). The MSK is not the tunnel's key material but comes
     * from the last S-IMCK (§5.4), so the label here is never used for keys; TLS 1.3 (RFC 9427) is not offered.
     */
    public static final TlsProfile TEAP = new TlsProfile(Rfc3748.TYPE_TEAP, AuthType.EAP_TEAP, false,
            "client EAP encryption", false, new TunnelExport("EXPORTER: teap session key seed", 40)); // RFC 7170 §5.1
}
