package io.turnstile.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code audit_log} (migration V13). Written once, never changed. */
@Entity
@Table(name = "audit_log")
public class AuditLogEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "org_id", nullable = false, updatable = false, length = 36)
    private String orgId;

    @Column(name = "site_id", updatable = false, length = 36)
    private String siteId;

    @Column(name = "admin_id", nullable = false, updatable = false, length = 36)
    private String adminId;

    @Column(name = "admin_name", nullable = false, updatable = false, length = 320)
    private String adminName;

    @Column(name = "message", nullable = false, updatable = false, length = 1024)
    private String message;

    @Column(name = "before_doc", updatable = false)
    private String before;

    @Column(name = "after_doc", updatable = false)
    private String after;

    @Column(name = "timestamp_ms", nullable = false, updatable = false)
    private long timestamp;

    protected AuditLogEntity() {
    }

    public AuditLogEntity(String id, String orgId, String siteId, String adminId, String adminName, String message,
                          String before, String after, long timestamp) {
        this.id = id;
        this.orgId = orgId;
        this.siteId = siteId;
        this.adminId = adminId;
        this.adminName = adminName;
        this.message = message;
        this.before = before;
        this.after = after;
        this.timestamp = timestamp;
    }

    public String getId() {
        return id;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getSiteId() {
        return siteId;
    }

    public String getAdminId() {
        return adminId;
    }

    public String getAdminName() {
        return adminName;
    }

    public String getMessage() {
        return message;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public long getTimestamp() {
        return timestamp;
    }
}
