package io.turnstile.persistence.endpoints;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code usermac} (migration V3): one endpoint of the endpoints database. Its labels are rows of
 * {@code usermac_label} ({@link UsermacLabelEntity}), read and written through {@link UsermacRepository}.
 */
@Entity
@Table(name = "usermac")
public class UsermacEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    /** 12 lower-case hex digits. */
    @Column(name = "mac", nullable = false, length = 12)
    private String mac;

    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "vlan", length = 32)
    private String vlan;

    @Column(name = "role", length = 64)
    private String role;

    @Column(name = "radius_group", length = 64)
    private String radiusGroup;

    @Column(name = "notes", length = 256)
    private String notes;

    /** Epoch milliseconds. */
    @Column(name = "created_time", nullable = false, updatable = false)
    private long createdTime;

    /** Epoch milliseconds. */
    @Column(name = "modified_time", nullable = false)
    private long modifiedTime;

    protected UsermacEntity() {
    }

    public UsermacEntity(String id, String orgId, String mac, long createdTime) {
        this.id = id;
        this.orgId = orgId;
        this.mac = mac;
        this.createdTime = createdTime;
        this.modifiedTime = createdTime;
    }

    public String getId() {
        return id;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getMac() {
        return mac;
    }

    public void setMac(String mac) {
        this.mac = mac;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getVlan() {
        return vlan;
    }

    public void setVlan(String vlan) {
        this.vlan = vlan;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getRadiusGroup() {
        return radiusGroup;
    }

    public void setRadiusGroup(String radiusGroup) {
        this.radiusGroup = radiusGroup;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public long getCreatedTime() {
        return createdTime;
    }

    public long getModifiedTime() {
        return modifiedTime;
    }

    public void setModifiedTime(long modifiedTime) {
        this.modifiedTime = modifiedTime;
    }
}
