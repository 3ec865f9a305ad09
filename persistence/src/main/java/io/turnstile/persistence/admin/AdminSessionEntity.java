package io.turnstile.persistence.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code admin_session} (migration V12): a login session, by the SHA-256 of its cookie key. */
@Entity
@Table(name = "admin_session")
public class AdminSessionEntity {

    @Id
    @Column(name = "key_hash", length = 64)
    private String keyHash;

    @Column(name = "admin_id", nullable = false, updatable = false, length = 36)
    private String adminId;

    @Column(name = "csrf_token", nullable = false, updatable = false, length = 64)
    private String csrfToken;

    @Column(name = "created", nullable = false, updatable = false)
    private long created;

    @Column(name = "expires", nullable = false, updatable = false)
    private long expires;

    protected AdminSessionEntity() {
    }

    public AdminSessionEntity(String keyHash, String adminId, String csrfToken, long created, long expires) {
        this.keyHash = keyHash;
        this.adminId = adminId;
        this.csrfToken = csrfToken;
        this.created = created;
        this.expires = expires;
    }

    public String getKeyHash() {
        return keyHash;
    }

    public String getAdminId() {
        return adminId;
    }

    public String getCsrfToken() {
        return csrfToken;
    }

    public long getCreated() {
        return created;
    }

    public long getExpires() {
        return expires;
    }

    @Override
    public String toString() {
        return "AdminSessionEntity[admin=" + adminId + ", expires=" + expires + "]";
    }
}
