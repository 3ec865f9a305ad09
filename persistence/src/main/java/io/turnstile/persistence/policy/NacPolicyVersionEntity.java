package io.turnstile.persistence.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code nac_policy_version} (migration V7): the org's policy version, bumped by every change. */
@Entity
@Table(name = "nac_policy_version")
public class NacPolicyVersionEntity {

    @Id
    @Column(name = "org_id", length = 36)
    private String orgId;

    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "modified_time", nullable = false)
    private long modifiedTime;

    protected NacPolicyVersionEntity() {
    }

    public NacPolicyVersionEntity(String orgId, long version, long modifiedTime) {
        this.orgId = orgId;
        this.version = version;
        this.modifiedTime = modifiedTime;
    }

    public String getOrgId() {
        return orgId;
    }

    public long getVersion() {
        return version;
    }

    public void bump(long now) {
        this.version++;
        this.modifiedTime = now;
    }
}
