-- RADIUS accounting (RFC 2866). High-volume tables: no foreign keys, so an insert costs no extra lookup.

-- One row per session, keyed by (org_id, nas_ip, acct_session_id) and kept up to date by Start, Interim-Update and
-- Stop. Counters are Acct-*-Octets plus 2^32 x Acct-*-Gigawords (RFC 2869 §5.1, §5.2) and never move backwards.
CREATE TABLE acct_session (
    id                VARCHAR(36)  NOT NULL,
    org_id            VARCHAR(36)  NOT NULL,
    nas_ip            VARCHAR(45)  NOT NULL,
    acct_session_id   VARCHAR(253) NOT NULL,
    multi_session_id  VARCHAR(253),
    nas_identifier    VARCHAR(253),
    mac               VARCHAR(12),
    username          VARCHAR(253),
    framed_ip         VARCHAR(45),
    nas_port          BIGINT,
    called_station_id VARCHAR(253),
    status            VARCHAR(8)   NOT NULL,
    start_time        BIGINT,
    stop_time         BIGINT,
    last_update       BIGINT       NOT NULL,
    session_time      BIGINT,
    input_octets      BIGINT,
    output_octets     BIGINT,
    input_packets     BIGINT,
    output_packets    BIGINT,
    terminate_cause   INTEGER,
    CONSTRAINT pk_acct_session PRIMARY KEY (id),
    CONSTRAINT uq_acct_session_key UNIQUE (org_id, nas_ip, acct_session_id),
    CONSTRAINT ck_acct_session_status CHECK (status IN ('active', 'stopped'))
);

CREATE INDEX ix_acct_session_org_update ON acct_session (org_id, last_update);
CREATE INDEX ix_acct_session_org_mac ON acct_session (org_id, mac, last_update);
CREATE INDEX ix_acct_session_org_user ON acct_session (org_id, username, last_update);
CREATE INDEX ix_acct_session_nas_status ON acct_session (org_id, nas_ip, status);

-- Every Accounting-Request as received, for audit. Append-only.
CREATE TABLE acct_record (
    id                VARCHAR(36)  NOT NULL,
    org_id            VARCHAR(36)  NOT NULL,
    received_at       BIGINT       NOT NULL,
    event_time        BIGINT       NOT NULL,
    status_type       INTEGER      NOT NULL,
    nas_ip            VARCHAR(45),
    nas_identifier    VARCHAR(253),
    acct_session_id   VARCHAR(253),
    multi_session_id  VARCHAR(253),
    mac               VARCHAR(12),
    username          VARCHAR(253),
    framed_ip         VARCHAR(45),
    nas_port          BIGINT,
    called_station_id VARCHAR(253),
    session_time      BIGINT,
    input_octets      BIGINT,
    output_octets     BIGINT,
    input_packets     BIGINT,
    output_packets    BIGINT,
    terminate_cause   INTEGER,
    CONSTRAINT pk_acct_record PRIMARY KEY (id)
);

CREATE INDEX ix_acct_record_org_time ON acct_record (org_id, event_time);
