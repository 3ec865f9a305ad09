package io.turnstile.eap.tls;

import io.turnstile.eap.Rfc3748;
import io.turnstile.policy.AuthType;

/**
 * What differs between the TLS-based EAP methods that share the EAP-TLS framing (RFC 5216 §3.1 flags, fragments and
 * ACKs): their type, whether the peer must present a certificate, their key-derivation label and whether TLS 1.3 is
 * offered.
 *
 * @param type                      EAP method type
 * @param authType                  what a success reports
 * @param requireClientCertificate  EAP-TLS: always; tunnelled methods authenticate the user inside instead
 * @param tls12KeyLabel             TLS 1.2 PRF label of the key material (RFC 5216 §2.3, RFC 5281 §8)
 * @param tls13                     offer TLS 1.3; the tunnelled methods stay on TLS 1.2 (see {@link #TTLS})
 * @param tunnelExport              keying material the inner exchange needs from the tunnel (TEAP's
 *                                  session_key_seed), or null; exported when the handshake completes, the only time
 *                                  Bouncy Castle allows it
 */
public record TlsProfile(int type, AuthType authType, boolean requireClientCertificate, String tls12KeyLabel,
                         boolean tls13, TunnelExport tunnelExport) {

    /** An RFC 5705 export without context: its label and length. */
    public record TunnelExport(String label, int length) {
    }

    public TlsProfile(int type, AuthType authType, boolean requireClientCertificate, String tls12KeyLabel,
                      boolean tls13) {
        this(type, authType, requireClientCertificate, tls12KeyLabel, tls13, null);
    }

    public static final TlsProfile EAP_TLS = new TlsProfile(Rfc3748.TYPE_TLS, AuthType.EAP_TLS, true,
            "client EAP encryption", true);

    /**
     * RFC 5281 §8: keying material = PRF(master secret, "ttls keying material", client.random + server.random),
     * MSK the first 64 octets. TLS 1.3 (RFC 9427 §2.1, exporter "EXPORTER_EAP_TLS_Key_Material" with Type-Code 21)
     * is not offered: wpa_supplicant 2.10 disables TLS 1.3 for TTLS unless told otherwise, and RFC 9427's
     * tunnelled-method rules (no Phase 2 before the handshake's end, session tickets) are not implemented here.
     */
    public static final TlsProfile TTLS = new TlsProfile(Rfc3748.TYPE_TTLS, AuthType.EAP_TTLS, false,
            "ttls keying material", false);

    /**
     * PEAPv0 ([MS-PEAP], draft-kamath-pppext-peapv0): without cryptobinding the MSK is the EAP-TLS key material of
     * the outer tunnel ("client EAP encryption", MS-PEAP §3.1.5.7 / wpa_supplicant peaplabel=0). TLS 1.2 only, as TTLS.
     */
    public static final TlsProfile PEAP = new TlsProfile(Rfc3748.TYPE_PEAP, AuthType.EAP_PEAP, false,
            "client EAP encryption", false);

    /**
     * TEAP version 1 (RFC 7170): the outer tunnel on TLS 1.2 without a client certificate in Phase 1 (the machine and
     * user certificates are checked by the inner EAP-TLS methods). The MSK is not the tunnel's key material but comes
     * from the last S-IMCK (§5.4), so the label here is never used for keys; TLS 1.3 (RFC 9427) is not offered.
     */
    public static final TlsProfile TEAP = new TlsProfile(Rfc3748.TYPE_TEAP, AuthType.EAP_TEAP, false,
            "client EAP encryption", false, new TunnelExport("EXPORTER: teap session key seed", 40)); // RFC 7170 §5.1
}
