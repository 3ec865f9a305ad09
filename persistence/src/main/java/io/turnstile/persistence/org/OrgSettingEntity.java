package io.turnstile.persistence.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A row of {@code org_setting} (migration V1): the org setting document as JSON text. */
@Entity
@Table(name = "org_setting")
public class OrgSettingEntity {

    @Id
    @Column(name = "org_id", length = 36)
    private String orgId;

    /** A JSON object (contract: org_setting plus Turnstile extensions), without id/org_id/times. */
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

    protected OrgSettingEntity() {
    }

    public OrgSettingEntity(String orgId, String document, long created) {
        this.orgId = orgId;
        this.document = document;
        this.created = created;
        this.modified = created;
    }

    public String getOrgId() {
        return orgId;
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

    public void update(String document, long modified) {
        this.document = document;
        this.modified = modified;
    }
}
