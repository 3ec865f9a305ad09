package io.turnstile.persistence.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code nac_rule} (migration V7): one rule, stored whole as validated JSON. */
@Entity
@Table(name = "nac_rule")
public class NacRuleEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    @Column(name = "name", nullable = false, length = 64)
    private String name;

    @Column(name = "rule_order", nullable = false)
    private int ruleOrder;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "created_time", nullable = false, updatable = false)
    private long createdTime;

    @Column(name = "modified_time", nullable = false)
    private long modifiedTime;

    protected NacRuleEntity() {
    }

    public NacRuleEntity(String id, String orgId, long createdTime) {
        this.id = id;
        this.orgId = orgId;
        this.createdTime = createdTime;
        this.modifiedTime = createdTime;
    }

    public void set(String name, int ruleOrder, boolean enabled, String body, long modifiedTime) {
        this.name = name;
        this.ruleOrder = ruleOrder;
        this.enabled = enabled;
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

    public int getRuleOrder() {
        return ruleOrder;
    }

    public boolean isEnabled() {
        return enabled;
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
