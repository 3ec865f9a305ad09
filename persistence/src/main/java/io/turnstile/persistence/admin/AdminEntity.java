package io.turnstile.persistence.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code admin} (migration V12): a local admin (password hash) or an SSO admin (sso id). */
@Entity
@Table(name = "admin")
public class AdminEntity {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    /** Lower case; unique over local and SSO admins. */
    @Column(name = "email", nullable = false, updatable = false, length = 320)
    private String email;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    /** Jakarta Security Pbkdf2PasswordHash text; null for an SSO admin. */
    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(name = "sso_id", length = 36)
    private String ssoId;

    /** JSON text: [{"scope": "org", "org_id": "...", "role": "..."}]. */
    @Column(name = "privileges", nullable = false)
    private String privileges;

    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    @Column(name = "last_failure")
    private Long lastFailure;

    @Column(name = "created", nullable = false, updatable = false)
    private long created;

    @Column(name = "modified", nullable = false)
    private long modified;

    protected AdminEntity() {
    }

    public AdminEntity(String id, String email, String passwordHash, String ssoId, String privileges, long created) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.ssoId = ssoId;
        this.privileges = privileges;
        this.created = created;
        this.modified = created;
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public String getSsoId() {
        return ssoId;
    }

    public String getPrivileges() {
        return privileges;
    }

    public void setPrivileges(String privileges) {
        this.privileges = privileges;
    }

    public int getFailedLogins() {
        return failedLogins;
    }

    public Long getLastFailure() {
        return lastFailure;
    }

    public void setFailures(int failedLogins, Long lastFailure) {
        this.failedLogins = failedLogins;
        this.lastFailure = lastFailure;
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

    @Override
    public String toString() {
        return "AdminEntity[id=" + id + ", email=" + email + ", sso=" + ssoId + "]";
    }
}
