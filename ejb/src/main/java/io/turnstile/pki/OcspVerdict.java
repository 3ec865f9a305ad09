package io.turnstile.pki;

import java.time.Instant;

/** What an OCSP check (RFC 6960) found out about one certificate. */
public sealed interface OcspVerdict {

    /** The responder vouches for the certificate ({@code good}) until {@code nextUpdate} (null: no promise). */
    record Good(Instant thisUpdate, Instant nextUpdate) implements OcspVerdict {
    }

    /** The responder says the certificate is revoked (RFC 6960 §2.2). */
    record Revoked(Instant revokedAt, Instant nextUpdate) implements OcspVerdict {
    }

    /**
     * No usable status: the responder does not know the certificate, is unreachable, answered an error, or its answer
     * fails verification (bad signature, stale, nonce mismatch). The org's {@code fail_open} decides.
     */
    record NoStatus(String reason) implements OcspVerdict {
    }
}
