package io.turnstile.persistence.pki;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One uploaded CRL of an organisation ({@code nac_crl}). */
@Entity
@Table(name = "nac_crl")
public class NacCrlEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", length = 36, nullable = false)
    private String orgId;

    @Column(name = "name", length = 255)
    private String name;

    @Column(name = "issuer", length = 1024, nullable = false)
    private String issuer;

    @Column(name = "crl_pem", nullable = false)
    private String crlPem;

    @Column(name = "this_update", nullable = false)
    private long thisUpdate;

    @Column(name = "next_update")
    private Long nextUpdate;

    @Column(name = "created", nullable = false)
    private long created;

    @Column(name = "modified", nullable = false)
    private long modified;

    protected NacCrlEntity() {
    }

    public NacCrlEntity(String id, String orgId, String name, String issuer, String crlPem, long thisUpdate,
                        Long nextUpdate, long now) {
        this.id = id;
        this.orgId = orgId;
        this.name = name;
        this.issuer = issuer;
        this.crlPem = crlPem;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.created = now;
        this.modified = now;
    }

    public String getId() {
        return id;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getName() {
        return name;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getCrlPem() {
        return crlPem;
    }

    public long getThisUpdate() {
        return thisUpdate;
    }

    public Long getNextUpdate() {
        return nextUpdate;
    }

    public long getCreated() {
        return created;
    }

    public long getModified() {
        return modified;
    }
}
