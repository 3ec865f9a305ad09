-- Certificate revocation lists an organisation uploaded (contract: /orgs/{org_id}/setting/mist_nac_crls), checked
-- when EAP clients present certificates. The CRL is kept as PEM text (TEXT: CHARACTER VARYING on H2 2.3, unlimited
-- text on PostgreSQL, so the same SQL runs on both). Times are epoch milliseconds.
CREATE TABLE nac_crl (
    id           VARCHAR(36)   NOT NULL,
    org_id       VARCHAR(36)   NOT NULL,
    name         VARCHAR(255),
    issuer       VARCHAR(1024) NOT NULL,
    crl_pem      TEXT          NOT NULL,
    this_update  BIGINT        NOT NULL,
    next_update  BIGINT,
    created      BIGINT        NOT NULL,
    modified     BIGINT        NOT NULL,
    CONSTRAINT pk_nac_crl PRIMARY KEY (id),
    CONSTRAINT fk_nac_crl_org FOREIGN KEY (org_id) REFERENCES organisation (id) ON DELETE CASCADE
);

CREATE INDEX ix_nac_crl_org ON nac_crl (org_id);
