-- SAML SP state shared by every cluster node, so that the ACS may land on any node:
-- assertion ids already accepted, each kept until its assertion expires (SAML profiles §4.1.4.5: a bearer assertion
-- is used once). The primary key is the replay check: a second insert of the same id inserts nothing.
CREATE TABLE saml_assertion_used (
    assertion_id VARCHAR(256) NOT NULL,
    expires_at   BIGINT       NOT NULL,
    CONSTRAINT pk_saml_assertion_used PRIMARY KEY (assertion_id)
);
CREATE INDEX ix_saml_assertion_used_expires ON saml_assertion_used (expires_at);

-- AuthnRequests this SP sent and not yet answered (SAML profiles §4.1.4.3: InResponseTo of an SP-initiated
-- response), per SSO domain; a row is deleted when its response arrives or when it expires.
CREATE TABLE saml_authn_request (
    request_id VARCHAR(64) NOT NULL,
    domain     VARCHAR(32) NOT NULL,
    expires_at BIGINT      NOT NULL,
    CONSTRAINT pk_saml_authn_request PRIMARY KEY (request_id)
);
CREATE INDEX ix_saml_authn_request_expires ON saml_authn_request (expires_at);
