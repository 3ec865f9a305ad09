package io.turnstile.persistence.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code api_token} (migration V1): an org API token. Only the SHA-256 of the key is kept ({@code keyHash},
 * 64 lower-case hex digits); the key itself is shown once, when the token is created.
 */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "key_hash", nullable = false, updatable = false, length = 64)
    private String keyHash;

    /** admin, write, read, helpdesk or installer (contract: admin_privilege_role). */
    @Column(name = "role", nullable = false, length = 16)
    private String role;

    /** Epoch milliseconds. */
    @Column(name = "created", nullable = false, updatable = false)
    private long created;

    /** Epoch milliseconds, updated at most once a minute; null if never used. */
    @Column(name = "last_used")
    private Long lastUsed;

    /** JSON array of allowed source addresses or prefixes; null = from anywhere. */
    @Column(name = "src_ips", length = 1024, updatable = false)
    private String srcIps;

    /** Email of the admin who created the token; null if made by a token or at bootstrap. */
    @Column(name = "created_by", length = 320, updatable = false)
    private String createdBy;

    protected ApiTokenEntity() {
    }

    public ApiTokenEntity(String id, String orgId, String name, String keyHash, String role, long created) {
        this.id = id;
        this.orgId = orgId;
        this.name = name;
        this.keyHash = keyHash;
        this.role = role;
        this.created = created;
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

    public String getKeyHash() {
        return keyHash;
    }

    public String getRole() {
        return role;
    }

    public long getCreated() {
        return created;
    }

    public Long getLastUsed() {
        return lastUsed;
    }

    public void setName(String name) {
        this.name = name;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getSrcIps() {
        return srcIps;
    }

    public void setSrcIps(String srcIps) {
        this.srcIps = srcIps;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    @Override
    public String toString() {
        return "ApiTokenEntity[id=" + id + ", orgId=" + orgId + ", name=" + name + ", role=" + role + "]";
    }
}
