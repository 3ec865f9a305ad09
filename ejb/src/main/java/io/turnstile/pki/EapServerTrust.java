package io.turnstile.pki;

import java.util.Optional;

/** EAP-TLS server credentials and client trust per organisation, backed by the organisation PKI and settings. */
public interface EapServerTrust {

    /** Empty if the organisation's PKI cannot be loaded (logged); EAP-TLS is then refused for it. */
    Optional<EapTlsCredentials> credentials(String orgId);
}
