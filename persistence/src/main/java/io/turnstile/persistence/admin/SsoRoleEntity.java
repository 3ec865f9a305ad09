package io.turnstile.persistence.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code sso_role} (migration V12): contract {@code sso_role_org}. */
@Entity
@Table(name = "sso_role")
public class SsoRoleEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    @Column(name = "name", nullable = false)
    private String name;

    /** JSON text: the contract's privilege list. */
    @Column(name = "privileges", nullable = false)
    private String privileges;

    @Column(name = "created", nullable = false, updatable = false)
    private long created;

    @Column(name = "modified", nullable = false)
    private long modified;

    protected SsoRoleEntity() {
    }

    public SsoRoleEntity(String id, String orgId, String name, String privileges, long created) {
        this.id = id;
        this.orgId = orgId;
        this.name = name;
        this.privileges = privileges;
        this.created = created;
        this.modified = created;
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

    public void setName(String name) {
        this.name = name;
    }

    public String getPrivileges() {
        return privileges;
    }

    public void setPrivileges(String privileges) {
        this.privileges = privileges;
    }

    public long getCreated() {
        return created;
    }

    public long getModified() {
        return modified;
    }

    public void setModified(long modified) {
        this.modified = modified;
    }
}
