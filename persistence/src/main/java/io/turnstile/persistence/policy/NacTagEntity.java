package io.turnstile.persistence.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code nac_tag} (migration V7): one label, stored whole as validated JSON. */
@Entity
@Table(name = "nac_tag")
public class NacTagEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    @Column(name = "name", nullable = false, length = 32)
    private String name;

    @Column(name = "type", nullable = false, length = 32)
    private String type;

    @Column(name = "match_kind", length = 32)
    private String matchKind;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "created_time", nullable = false, updatable = false)
    private long createdTime;

    @Column(name = "modified_time", nullable = false)
    private long modifiedTime;

    protected NacTagEntity() {
    }

    public NacTagEntity(String id, String orgId, long createdTime) {
        this.id = id;
        this.orgId = orgId;
        this.createdTime = createdTime;
        this.modifiedTime = createdTime;
    }

    public void set(String name, String type, String matchKind, String body, long modifiedTime) {
        this.name = name;
        this.type = type;
        this.matchKind = matchKind;
        this.body = body;
        this.modifiedTime = modifiedTime;
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

    public String getType() {
        return type;
    }

    public String getMatchKind() {
        return matchKind;
    }

    public String getBody() {
        return body;
    }

    public long getCreatedTime() {
        return createdTime;
    }

    public long getModifiedTime() {
        return modifiedTime;
    }
}
