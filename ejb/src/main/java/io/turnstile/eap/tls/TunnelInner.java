package io.turnstile.eap.tls;

import java.util.List;

/**
 * The inner (Phase 2) exchange of a tunnelled method: it sees the peer's decrypted application data once the TLS
 * handshake is complete and answers with data to encrypt, or with the end of the authentication. One instance per
 * conversation; not thread-safe.
 */
public interface TunnelInner {

    /**
     * The outer TLS handshake completed; called once, before {@link #begin()} or {@link #receive(byte[])}.
     *
     * @param keyMaterial the tunnel's 128 octets of key material (MSK | EMSK of the outer method: RFC 5216 §2.3 /
     *                    RFC 5281 §8 labels with TLS 1.2, the RFC 9427 §2.1 exporter with TLS 1.3)
     */
    default void established(byte[] keyMaterial) {
    }

    /** The next step after application data from the peer (already decrypted). */
    Step receive(byte[] plaintext);

    /**
     * The first step when the peer acknowledged the server's final handshake flight without data, i.e. when the
     * server speaks first inside the tunnel (PEAP's tunnelled Identity Request); null if the peer must speak first.
     */
    default Step begin() {
        return null;
    }

    /**
     * Called once when the outer handshake completed, right after {@link #established(byte[])} and before
     * {@link #begin()} or the first {@link #receive}: the methods that key their inner exchange on the tunnel's
     * exporter (TEAP, RFC 7170 §5.1) take what they need here.
     */
    default void established(TlsTunnel tunnel) {
    }

    /** What the inner exchange does next. */
    sealed interface Step {
    }

    /** Send this (encrypted) to the peer and wait for its answer. */
    record Reply(byte[] plaintext) implements Step {
        public Reply {
            plaintext = plaintext.clone();
        }

        @Override
        public byte[] plaintext() {
            return plaintext.clone();
        }
    }

    /**
     * The inner authentication ended.
     *
     * @param identity the inner identity (never the outer one), or null if none was learnt
     * @param groups      directory groups of the identity (policy's {@code idp_role}); never null
     * @param certificate the inner client certificate check (PEAP-TLS), or null
     * @param keys        the method's keys when the inner exchange replaces the tunnel's (PEAP cryptobinding,
     *                    [MS-PEAP] §3.1.5.5; TEAP's S-IMCK, RFC 7170 §5.4), or null to use the tunnel's MSK and EMSK
     * @param chain       each inner authentication of a chained method (TEAP machine and user), in order; never null
     */
    record Done(boolean success, String reason, String identity, List<String> groups,
                io.turnstile.pki.CertificateValidation certificate, Keys keys,
                List<io.turnstile.eap.InnerAuthentication> chain) implements Step {
        public Done {
            groups = groups == null ? List.of() : List.copyOf(groups);
            chain = chain == null ? List.of() : List.copyOf(chain);
        }

        public Done(boolean success, String reason, String identity, List<String> groups,
                    io.turnstile.pki.CertificateValidation certificate, Keys keys) {
            this(success, reason, identity, groups, certificate, keys, null);
        }

        public Done(boolean success, String reason, String identity, List<String> groups,
                    io.turnstile.pki.CertificateValidation certificate) {
            this(success, reason, identity, groups, certificate, null, null);
        }

        public Done(boolean success, String reason, String identity, List<String> groups) {
            this(success, reason, identity, groups, null, null, null);
        }

        @Override
        public String toString() {
            return "Done[success=" + success + ", reason=" + reason + ", identity=" + identity + ", chain=" + chain
                    + "]";
        }
    }

    /**
     * Session keys derived by the inner exchange.
     *
     * @param msk  64 octets
     * @param emsk 64 octets, or null when the method defines none ([MS-PEAP] defines no EMSK with cryptobinding)
     */
    record Keys(byte[] msk, byte[] emsk) {
        public Keys {
            msk = msk.clone();
            emsk = emsk == null ? null : emsk.clone();
        }

        @Override
        public byte[] msk() {
            return msk.clone();
        }

        @Override
        public byte[] emsk() {
            return emsk == null ? null : emsk.clone();
        }

        @Override
        public String toString() {
            return "Keys[<redacted>]";
        }
    }
}
