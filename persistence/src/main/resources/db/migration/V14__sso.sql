-- Identity providers and SSO configurations of an org (contract: sso, /orgs/{org_id}/ssos), every idp_type.
-- `document` is the entry's JSON object without the server-owned fields; its secrets (ldap_bind_password,
-- ldap_client_key, oauth_*_secret, scim_secret_token, mxedge_proxy server secrets) are SecretBox text ("v1:...").
CREATE TABLE sso (
    id        VARCHAR(36)  NOT NULL,
    org_id    VARCHAR(36)  NOT NULL,
    name      VARCHAR(255) NOT NULL,
    idp_type  VARCHAR(32)  NOT NULL,
    domain    VARCHAR(32)  NOT NULL,
    document  VARCHAR      NOT NULL,
    created   BIGINT       NOT NULL,
    modified  BIGINT       NOT NULL,
    version   BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_sso PRIMARY KEY (id),
    CONSTRAINT uq_sso_domain UNIQUE (domain),
    CONSTRAINT fk_sso_org FOREIGN KEY (org_id) REFERENCES organisation (id) ON DELETE CASCADE
);

CREATE INDEX ix_sso_org ON sso (org_id);
