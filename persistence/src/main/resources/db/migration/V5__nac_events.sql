-- NAC events (contract: event_nac_client) and the latest state per client (contract: client_nac).
-- Written in batches by the event writer; no foreign keys (high volume).

CREATE TABLE nac_event (
    id              VARCHAR(36)  NOT NULL,
    org_id          VARCHAR(36)  NOT NULL,
    site_id         VARCHAR(36),
    ts              BIGINT       NOT NULL,
    type            VARCHAR(64)  NOT NULL,
    mac             VARCHAR(12),
    username        VARCHAR(253),
    auth_type       VARCHAR(32),
    port_type       VARCHAR(16),
    nas_ip          VARCHAR(45),
    nas_vendor      VARCHAR(64),
    ssid            VARCHAR(128),
    vlan            VARCHAR(64),
    vlan_source     VARCHAR(32),
    role            VARCHAR(128),
    nacrule_id      VARCHAR(64),
    nacrule_name    VARCHAR(255),
    nacrule_matched BOOLEAN,
    -- JSON arrays of strings
    usermac_labels  VARCHAR,
    resp_attrs      VARCHAR,
    reason          VARCHAR(1024),
    -- JSON object: further facts of the decision, returned as top-level fields of the event
    facts           VARCHAR,
    CONSTRAINT pk_nac_event PRIMARY KEY (id)
);

CREATE INDEX ix_nac_event_org_ts ON nac_event (org_id, ts);
CREATE INDEX ix_nac_event_org_mac_ts ON nac_event (org_id, mac, ts);

-- Latest known state of each client (MAC) of an org, upserted by the event writer.
CREATE TABLE nac_client (
    org_id          VARCHAR(36)  NOT NULL,
    mac             VARCHAR(12)  NOT NULL,
    site_id         VARCHAR(36),
    last_type       VARCHAR(64)  NOT NULL,
    status          VARCHAR(16),
    auth_type       VARCHAR(32),
    port_type       VARCHAR(16),
    username        VARCHAR(253),
    vlan            VARCHAR(64),
    role            VARCHAR(128),
    nas_ip          VARCHAR(45),
    nas_vendor      VARCHAR(64),
    ssid            VARCHAR(128),
    nacrule_id      VARCHAR(64),
    nacrule_name    VARCHAR(255),
    nacrule_matched BOOLEAN,
    usermac_labels  VARCHAR,
    first_seen      BIGINT       NOT NULL,
    last_seen       BIGINT       NOT NULL,
    CONSTRAINT pk_nac_client PRIMARY KEY (org_id, mac),
    CONSTRAINT ck_nac_client_status CHECK (status IN ('permitted', 'denied', 'session_started', 'session_ended'))
);

CREATE INDEX ix_nac_client_org_last_seen ON nac_client (org_id, last_seen);
