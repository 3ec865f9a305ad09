package io.turnstile.eap.tls;

import java.util.List;

/**
 * The inner (Phase 2) exchange of a tunnelled method: it sees the peer's decrypted application data once the TLS
 * handshake is complete and answers with data to encrypt, or with the end of the authentication. One instance per
 * conversation; not thread-safe.
 */
public interface TunnelInner {

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
     * Called once when the outer handshake completed, before {@link #begin()} or the first {@link #receive}: the
     * methods that key their inner exchange on the tunnel (TEAP, RFC 7170 §5.1) take what they need here.
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
     * @param msk         the method's own MSK when it is not the tunnel's key material (TEAP, RFC 7170 §5.4), or
     *                    null to use the tunnel's
     * @param chain       each inner authentication of a chained method (TEAP machine and user), in order; never null
     */
    record Done(boolean success, String reason, String identity, List<String> groups,
                io.turnstile.pki.CertificateValidation certificate, byte[] msk,
                List<io.turnstile.eap.InnerAuthentication> chain) implements Step {
        public Done {
            groups = groups == null ? List.of() : List.copyOf(groups);
            msk = msk == null ? null : msk.clone();
            chain = chain == null ? List.of() : List.copyOf(chain);
        }

        public Done(boolean success, String reason, String identity, List<String> groups,
                    io.turnstile.pki.CertificateValidation certificate) {
            this(success, reason, identity, groups, certificate, null, null);
        }

        public Done(boolean success, String reason, String identity, List<String> groups) {
            this(success, reason, identity, groups, null);
        }

        @Override
        public byte[] msk() {
            return msk == null ? null : msk.clone();
        }

        @Override
        public String toString() {
            return "Done[success=" + success + ", reason=" + reason + ", identity=" + identity + ", chain=" + chain
                    + "]";
        }
    }
}
