package io.turnstile.persistence.pki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A row of {@code org_server_cert} (migration V6): the server certificate an organisation's CA issued (RadSec, later
 * EAP), replaced in place on renewal. {@code keySealed} is the PKCS#8 (DER) private key sealed by SecretBox;
 * {@link #toString()} leaves it out. {@code version} makes two nodes renewing at once keep one certificate.
 */
@Entity
@Table(name = "org_server_cert")
public class OrgServerCertEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    @Column(name = "ca_id", nullable = false, length = 36)
    private String caId;

    /** The DNS name in the subjectAltName (config {@code turnstile.server.name}). */
    @Column(name = "server_name", nullable = false, length = 253)
    private String serverName;

    /** Lower-case hex. */
    @Column(name = "serial", nullable = false, length = 64)
    private String serial;

    @Column(name = "cert_pem", nullable = false)
    private String certPem;

    /** Server certificate then CA certificate, PEM. */
    @Column(name = "chain_pem", nullable = false)
    private String chainPem;

    @Column(name = "key_sealed", nullable = false)
    private String keySealed;

    /** Epoch milliseconds. */
    @Column(name = "not_before", nullable = false)
    private long notBefore;

    /** Epoch milliseconds. */
    @Column(name = "not_after", nullable = false)
    private long notAfter;

    /** Epoch milliseconds. */
    @Column(name = "created", nullable = false, updatable = false)
    private long created;

    /** Epoch milliseconds. */
    @Column(name = "modified", nullable = false)
    private long modified;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected OrgServerCertEntity() {
    }

    public OrgServerCertEntity(String id, String orgId, long created) {
        this.id = id;
        this.orgId = orgId;
        this.created = created;
        this.modified = created;
    }

    /** Sets (or, on renewal, replaces) the certificate, its chain and its sealed key. */
    public void install(String caId, String serverName, String serial, String certPem, String chainPem,
                        String keySealed, long notBefore, long notAfter, long modified) {
        this.caId = caId;
        this.serverName = serverName;
        this.serial = serial;
        this.certPem = certPem;
        this.chainPem = chainPem;
        this.keySealed = keySealed;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.modified = modified;
    }

    public String getId() {
        return id;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getCaId() {
        return caId;
    }

    public String getServerName() {
        return serverName;
    }

    public String getSerial() {
        return serial;
    }

    public String getCertPem() {
        return certPem;
    }

    public String getChainPem() {
        return chainPem;
    }

    public String getKeySealed() {
        return keySealed;
    }

    public long getNotBefore() {
        return notBefore;
    }

    public long getNotAfter() {
        return notAfter;
    }

    public long getCreated() {
        return created;
    }

    public long getModified() {
        return modified;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "OrgServerCertEntity[id=" + id + ", orgId=" + orgId + ", serverName=" + serverName + ", serial=" + serial
                + ", notAfter=" + notAfter + ", key=<sealed>]";
    }
}
