package io.turnstile.pki;

import java.time.Instant;

/** An uploaded CRL as the contract's {@code nac_crl_file} shows it. */
public record NacCrl(String id, String orgId, String name, String issuer, Instant thisUpdate, Instant nextUpdate,
                     Instant created, Instant modified) {
}
