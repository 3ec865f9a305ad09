-- The audit log (contract /orgs/{org_id}/logs): every login and every configuration change, written in the same
-- transaction as the change. `before_doc`/`after_doc` are JSON objects with secrets redacted; `timestamp_ms` is epoch
-- milliseconds. admin_id is the admin's or the API token's id; admin_name its email or token name.
CREATE TABLE audit_log (
    id           VARCHAR(36)   NOT NULL,
    org_id       VARCHAR(36)   NOT NULL,
    site_id      VARCHAR(36),
    admin_id     VARCHAR(36)   NOT NULL,
    admin_name   VARCHAR(320)  NOT NULL,
    message      VARCHAR(1024) NOT NULL,
    before_doc   VARCHAR,
    after_doc    VARCHAR,
    timestamp_ms BIGINT        NOT NULL,
    CONSTRAINT pk_audit_log PRIMARY KEY (id),
    CONSTRAINT fk_audit_log_org FOREIGN KEY (org_id) REFERENCES organisation (id) ON DELETE CASCADE
);

CREATE INDEX ix_audit_log_org_time ON audit_log (org_id, timestamp_ms);
