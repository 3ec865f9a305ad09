-- The admin plane: administrators, their console/API sessions, SSO roles, and what org API tokens gained
-- (contract org_apitoken: src_ips, created_by).

-- An administrator. Local admins have a password hash (Jakarta Security Pbkdf2PasswordHash format) and no sso_id;
-- SSO admins have an sso_id and no password. One email is one account: the unique key makes "one email is never both
-- a local and an SSO account" a database rule. `email` is stored lower-case.
-- `privileges` is the contract's privilege list as JSON text: [{"scope": "org", "org_id": "...", "role": "admin"}].
CREATE TABLE admin (
    id              VARCHAR(36)  NOT NULL,
    email           VARCHAR(320) NOT NULL,
    first_name      VARCHAR(255),
    last_name       VARCHAR(255),
    password_hash   VARCHAR(512),
    sso_id          VARCHAR(36),
    privileges      VARCHAR      NOT NULL,
    failed_logins   INTEGER      NOT NULL DEFAULT 0,
    last_failure    BIGINT,
    created         BIGINT       NOT NULL,
    modified        BIGINT       NOT NULL,
    CONSTRAINT pk_admin PRIMARY KEY (id),
    CONSTRAINT uq_admin_email UNIQUE (email),
    CONSTRAINT ck_admin_kind CHECK ((password_hash IS NULL) <> (sso_id IS NULL))
);

-- A login session. Only the SHA-256 of the session key (the `sessionid` cookie) is stored; the CSRF token is the value
-- the `csrftoken` cookie carries and `X-CSRFToken` must repeat. `expires` is absolute (epoch milliseconds).
CREATE TABLE admin_session (
    key_hash   VARCHAR(64)  NOT NULL,
    admin_id   VARCHAR(36)  NOT NULL,
    csrf_token VARCHAR(64)  NOT NULL,
    created    BIGINT       NOT NULL,
    expires    BIGINT       NOT NULL,
    CONSTRAINT pk_admin_session PRIMARY KEY (key_hash),
    CONSTRAINT fk_admin_session_admin FOREIGN KEY (admin_id) REFERENCES admin (id) ON DELETE CASCADE
);

CREATE INDEX ix_admin_session_admin ON admin_session (admin_id);
CREATE INDEX ix_admin_session_expires ON admin_session (expires);

-- Contract /orgs/{org_id}/ssoroles: a role name an IdP sends, mapped to privileges (JSON text, as admin.privileges).
CREATE TABLE sso_role (
    id         VARCHAR(36)  NOT NULL,
    org_id     VARCHAR(36)  NOT NULL,
    name       VARCHAR(255) NOT NULL,
    privileges VARCHAR      NOT NULL,
    created    BIGINT       NOT NULL,
    modified   BIGINT       NOT NULL,
    CONSTRAINT pk_sso_role PRIMARY KEY (id),
    CONSTRAINT fk_sso_role_org FOREIGN KEY (org_id) REFERENCES organisation (id) ON DELETE CASCADE,
    CONSTRAINT uq_sso_role_org_name UNIQUE (org_id, name)
);

-- Org API tokens (contract org_apitoken): allowed source addresses (JSON array of addresses/prefixes; null = any)
-- and the email of the admin who created the token (null for the bootstrap token or tokens made by tokens).
ALTER TABLE api_token ADD COLUMN src_ips VARCHAR(1024);
ALTER TABLE api_token ADD COLUMN created_by VARCHAR(320);
