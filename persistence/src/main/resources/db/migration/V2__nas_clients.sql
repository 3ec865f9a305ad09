-- MxClusters (contract: mxcluster) and the RADIUS clients of their `mist_nac.client_ips`.
-- Shared secrets are stored encrypted by SecretBox ("v1:<base64>"), never in clear.

CREATE TABLE mxcluster (
    id               VARCHAR(36)  NOT NULL,
    org_id           VARCHAR(36)  NOT NULL,
    name             VARCHAR(255),
    site_id          VARCHAR(36),
    nac_enabled      BOOLEAN      NOT NULL DEFAULT FALSE,
    nac_secret       VARCHAR(512),
    auth_server_port INTEGER,
    acct_server_port INTEGER,
    -- every other mxcluster field (radsec, tunterm_*, ...), kept as an opaque JSON object
    extra            VARCHAR,
    created          BIGINT       NOT NULL,
    modified         BIGINT       NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_mxcluster PRIMARY KEY (id),
    CONSTRAINT fk_mxcluster_org FOREIGN KEY (org_id) REFERENCES organisation (id) ON DELETE CASCADE
);

CREATE INDEX ix_mxcluster_org ON mxcluster (org_id);

-- One row per key of mist_nac.client_ips. `address` is the normalized IP or CIDR (an exact host is stored without a
-- prefix length); an address may appear in one cluster of an org only.
CREATE TABLE nas_client (
    id                            VARCHAR(36)  NOT NULL,
    org_id                        VARCHAR(36)  NOT NULL,
    mxcluster_id                  VARCHAR(36)  NOT NULL,
    address                       VARCHAR(64)  NOT NULL,
    secret                        VARCHAR(512),
    vendor                        VARCHAR(32),
    site_id                       VARCHAR(36),
    -- NULL = not given = required (Turnstile default, BlastRADIUS CVE-2024-3596)
    require_message_authenticator BOOLEAN,
    CONSTRAINT pk_nas_client PRIMARY KEY (id),
    CONSTRAINT fk_nas_client_mxcluster FOREIGN KEY (mxcluster_id) REFERENCES mxcluster (id) ON DELETE CASCADE,
    CONSTRAINT uq_nas_client_address UNIQUE (org_id, address)
);

CREATE INDEX ix_nas_client_mxcluster ON nas_client (mxcluster_id);
