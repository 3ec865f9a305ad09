package io.turnstile.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of {@code sso} (migration V14): the entry's fields as a JSON object with its secrets sealed. */
@Entity
@Table(name = "sso")
public class SsoEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "idp_type", nullable = false, length = 32)
    private String idpType;

    /** Random, used in SAML URLs (contract: sso.domain). */
    @Column(name = "domain", nullable = false, updatable = false, length = 32)
    private String domain;

    /** JSON object text; secrets are SecretBox text. */
    @Column(name = "document", nullable = false)
    private String document;

    /** Epoch milliseconds. */
    @Column(name = "created", nullable = false, updatable = false)
    private long created;

    /** Epoch milliseconds. */
    @Column(name = "modified", nullable = false)
    private long modified;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected SsoEntity() {
    }

    public SsoEntity(String id, String orgId, String domain, long created) {
        this.id = id;
        this.orgId = orgId;
        this.domain = domain;
        this.created = created;
        this.modified = created;
    }

    public void update(String name, String idpType, String document, long modified) {
        this.name = name;
        this.idpType = idpType;
        this.document = document;
        this.modified = modified;
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

    public String getIdpType() {
        return idpType;
    }

    public String getDomain() {
        return domain;
    }

    public String getDocument() {
        return document;
    }

    public long getCreated() {
        return created;
    }

    public long getModified() {
        return modified;
    }

    @Override
    public String toString() {
        return "SsoEntity[id=" + id + ", orgId=" + orgId + ", name=" + name + ", idpType=" + idpType + "]";
    }
}
