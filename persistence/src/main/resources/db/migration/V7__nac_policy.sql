-- Auth policy: labels (contract: nactags) and rules (contract: nacrules). Each document is stored whole as JSON
-- (validated by the application before it is written); the columns beside it are what lists and ordering need.
-- org_id is checked by the API layer (no foreign key, as for usermacs).

CREATE TABLE nac_tag (
    id            VARCHAR(36)  NOT NULL,
    org_id        VARCHAR(36)  NOT NULL,
    name          VARCHAR(32)  NOT NULL,
    type          VARCHAR(32)  NOT NULL,
    match_kind    VARCHAR(32),
    body          VARCHAR      NOT NULL,
    created_time  BIGINT       NOT NULL,
    modified_time BIGINT       NOT NULL,
    CONSTRAINT pk_nac_tag PRIMARY KEY (id)
);

CREATE INDEX ix_nac_tag_org_name ON nac_tag (org_id, name);

CREATE TABLE nac_rule (
    id            VARCHAR(36)  NOT NULL,
    org_id        VARCHAR(36)  NOT NULL,
    name          VARCHAR(64)  NOT NULL,
    rule_order    INTEGER      NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    body          VARCHAR      NOT NULL,
    created_time  BIGINT       NOT NULL,
    modified_time BIGINT       NOT NULL,
    CONSTRAINT pk_nac_rule PRIMARY KEY (id)
);

CREATE INDEX ix_nac_rule_org_order ON nac_rule (org_id, rule_order, created_time);

-- One row per org with a policy: bumped in the same transaction as every label or rule change. Nodes compare it with
-- the version of their compiled snapshot every few seconds, so a change made on another node applies without a
-- restart and without reading the policy per request.
CREATE TABLE nac_policy_version (
    org_id        VARCHAR(36)  NOT NULL,
    version       BIGINT       NOT NULL,
    modified_time BIGINT       NOT NULL,
    CONSTRAINT pk_nac_policy_version PRIMARY KEY (org_id)
);

-- Hit counts per rule and time window are counted from the stored events.
CREATE INDEX ix_nac_event_org_rule_ts ON nac_event (org_id, nacrule_id, ts);
