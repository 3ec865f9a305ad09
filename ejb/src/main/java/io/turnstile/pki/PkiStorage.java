package io.turnstile.pki;

import io.turnstile.persistence.pki.OrgCaEntity;
import io.turnstile.persistence.pki.OrgServerCertEntity;

import java.util.List;
import java.util.Optional;

/**
 * Where the organisation PKI keeps its rows ({@code org_ca}, {@code org_server_cert}). Reads return detached
 * snapshots; each write commits on its own, and reports a lost race (another node wrote first) as {@code false}
 * instead of failing, so the caller reloads and uses the winner's row.
 */
public interface PkiStorage {

    /** Every organisation id, oldest first. */
    List<String> organisationIds();

    /** The organisation's name; empty if there is no such organisation. */
    Optional<String> organisationName(String orgId);

    Optional<OrgCaEntity> findCa(String orgId);

    /** Adds the CA; {@code false} if the organisation already has one (unique {@code org_id}). */
    boolean insertCa(OrgCaEntity ca);

    Optional<OrgServerCertEntity> findServerCert(String orgId);

    /** Adds the server certificate; {@code false} if the organisation already has one. */
    boolean insertServerCert(OrgServerCertEntity certificate);

    /**
     * Replaces the certificate of row {@code id} with the values of {@code replacement}, if the row is still at
     * {@code expectedVersion}; {@code false} if someone replaced it meanwhile.
     */
    boolean replaceServerCert(String id, long expectedVersion, OrgServerCertEntity replacement);
}
