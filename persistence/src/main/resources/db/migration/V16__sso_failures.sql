-- SAML SSO login log (contract: response_sso_failure_search_item): every refused login with its reason and the
-- response received; with an SSO's diagnostic switch on, successful ones too, kept until expires_at (at most an hour).
CREATE TABLE sso_failure (
    id          VARCHAR(36)  NOT NULL,
    org_id      VARCHAR(36)  NOT NULL,
    sso_id      VARCHAR(36)  NOT NULL,
    ts          BIGINT       NOT NULL,
    success     BOOLEAN      NOT NULL,
    reason      VARCHAR(64)  NOT NULL,
    detail      VARCHAR(2000) NOT NULL,
    saml_xml    VARCHAR      NOT NULL,
    -- successes (diagnostic) only: when the row is deleted
    expires_at  BIGINT,
    CONSTRAINT pk_sso_failure PRIMARY KEY (id)
);
CREATE INDEX ix_sso_failure_sso_ts ON sso_failure (org_id, sso_id, ts);
