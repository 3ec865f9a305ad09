package io.turnstile.eap.tls;

/**
 * What the inner exchange of a tunnelled method may use of the established outer TLS tunnel: TEAP derives its
 * session_key_seed with the RFC 5705 exporter and picks its PRF and Compound MAC hash from the cipher suite
 * (RFC 7170 §5.1, §5.3).
 */
public interface TlsTunnel {

    /** RFC 5705 keying material exporter of the tunnel; {@code context} null means "no context". */
    byte[] exportKeyingMaterial(String label, byte[] context, int length);

    /** The negotiated cipher suite (IANA value). */
    int cipherSuite();

    /** Bouncy Castle's {@code PRFAlgorithm} of the tunnel (TLS 1.2: tls_prf_sha256 or tls_prf_sha384). */
    int prfAlgorithm();
}
