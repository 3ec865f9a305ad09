package io.turnstile.persistence.pki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code org_ca} (migration V6): an organisation's private CA. At most one per organisation (unique
 * {@code org_id}). {@code keySealed} is the PKCS#8 (DER) private key sealed by SecretBox; {@link #toString()} leaves
 * it out.
 */
@Entity
@Table(name = "org_ca")
public class OrgCaEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    /** RFC 2253 subject of the CA certificate. */
    @Column(name = "subject", nullable = false, updatable = false, length = 1024)
    private String subject;

    /** Lower-case hex. */
    @Column(name = "serial", nullable = false, updatable = false, length = 64)
    private String serial;

    @Column(name = "cert_pem", nullable = false, updatable = false)
    private String certPem;

    @Column(name = "key_sealed", nullable = false, updatable = false)
    private String keySealed;

    /** Epoch milliseconds. */
    @Column(name = "not_before", nullable = false, updatable = false)
    private long notBefore;

    /** Epoch milliseconds. */
    @Column(name = "not_after", nullable = false, updatable = false)
    private long notAfter;

    /** Epoch milliseconds. */
    @Column(name = "created", nullable = false, updatable = false)
    private long created;

    protected OrgCaEntity() {
    }

    public OrgCaEntity(String id, String orgId, String subject, String serial, String certPem, String keySealed,
                       long notBefore, long notAfter, long created) {
        this.id = id;
        this.orgId = orgId;
        this.subject = subject;
        this.serial = serial;
        this.certPem = certPem;
        this.keySealed = keySealed;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.created = created;
    }

    public String getId() {
        return id;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getSubject() {
        return subject;
    }

    public String getSerial() {
        return serial;
    }

    public String getCertPem() {
        return certPem;
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

    @Override
    public String toString() {
        return "OrgCaEntity[id=" + id + ", orgId=" + orgId + ", subject=" + subject + ", serial=" + serial
                + ", notAfter=" + notAfter + ", key=<sealed>]";
    }
}
