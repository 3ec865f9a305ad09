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
     */
    record Done(boolean success, String reason, String identity, List<String> groups,
                io.turnstile.pki.CertificateValidation certificate) implements Step {
        public Done {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        public Done(boolean success, String reason, String identity, List<String> groups) {
            this(success, reason, identity, groups, null);
        }
    }
}
