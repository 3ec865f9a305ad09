-- The certificate of a client's latest decision (contract client_nac: last_cert_cn, last_cert_subject,
-- last_cert_issuer, last_cert_serial, last_cert_expiry), as one JSON object: it is shown, never filtered on.
ALTER TABLE nac_client ADD COLUMN last_cert VARCHAR;
