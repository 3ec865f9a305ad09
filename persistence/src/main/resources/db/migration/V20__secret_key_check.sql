-- One value sealed with the secret key (TURNSTILE_SECRET_KEY, or the key file in the data directory) by the first node
-- that starts on this database. Every later start must open it, so a node with another key (a cluster node given a
-- key of its own, a lost key file) refuses to start instead of running without the secrets it cannot open (RADIUS
-- client secrets, the org CA's private key) or sealing new ones that the other nodes cannot open.
CREATE TABLE secret_key_check (
    id      INT          NOT NULL,
    sealed  VARCHAR(512) NOT NULL,
    created BIGINT       NOT NULL,
    CONSTRAINT pk_secret_key_check PRIMARY KEY (id)
);
