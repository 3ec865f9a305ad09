-- Organisation PKI: each organisation's private CA and the server certificate that CA issued (RadSec now, EAP later).
-- PEM text in TEXT columns (H2 2.3 treats TEXT as CHARACTER VARYING, not CLOB; PostgreSQL as unlimited text).
-- Private keys are stored as PKCS#8 (DER) sealed by SecretBox ("v1:<base64>"), never in clear.
-- Times are epoch milliseconds; serials are lower-case hex without leading zeros.

-- One CA per organisation. The unique org_id is what stops two nodes starting at once from creating two CAs: the
-- loser of the race gets a unique violation and reloads the winner's row.
CREATE TABLE org_ca (
    id          VARCHAR(36)   NOT NULL,
    org_id      VARCHAR(36)   NOT NULL,
    subject     VARCHAR(1024) NOT NULL,
    serial      VARCHAR(64)   NOT NULL,
    cert_pem    TEXT          NOT NULL,
    key_sealed  TEXT          NOT NULL,
    not_before  BIGINT        NOT NULL,
    not_after   BIGINT        NOT NULL,
    created     BIGINT        NOT NULL,
    CONSTRAINT pk_org_ca PRIMARY KEY (id),
    CONSTRAINT uq_org_ca_org UNIQUE (org_id),
    CONSTRAINT fk_org_ca_org FOREIGN KEY (org_id) REFERENCES organisation (id) ON DELETE CASCADE
);

-- The organisation's server certificate (serverAuth, issued by its org_ca row), replaced in place when it is renewed
-- (version: optimistic lock, so two nodes renewing at once keep one certificate).
CREATE TABLE org_server_cert (
    id           VARCHAR(36)  NOT NULL,
    org_id       VARCHAR(36)  NOT NULL,
    ca_id        VARCHAR(36)  NOT NULL,
    server_name  VARCHAR(253) NOT NULL,
    serial       VARCHAR(64)  NOT NULL,
    cert_pem     TEXT         NOT NULL,
    -- the server certificate then the CA certificate, PEM blocks one after the other
    chain_pem    TEXT         NOT NULL,
    key_sealed   TEXT         NOT NULL,
    not_before   BIGINT       NOT NULL,
    not_after    BIGINT       NOT NULL,
    created      BIGINT       NOT NULL,
    modified     BIGINT       NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT pk_org_server_cert PRIMARY KEY (id),
    CONSTRAINT uq_org_server_cert_org UNIQUE (org_id),
    CONSTRAINT fk_org_server_cert_org FOREIGN KEY (org_id) REFERENCES organisation (id) ON DELETE CASCADE,
    CONSTRAINT fk_org_server_cert_ca FOREIGN KEY (ca_id) REFERENCES org_ca (id) ON DELETE CASCADE
);
