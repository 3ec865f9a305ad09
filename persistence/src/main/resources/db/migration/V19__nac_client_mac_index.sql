-- The event writer locks the nac_client rows of a batch with "org_id = ? AND mac IN (...)". H2 uses an IN list only
-- on the first column of an index, so with the primary key (org_id, mac) alone it read every client of the org for
-- each batch (a full scan of 20,000 rows per batch in the MAB benchmark, most of the MDB's CPU). With mac first, both
-- H2 and PostgreSQL seek each MAC.
CREATE INDEX ix_nac_client_mac_org ON nac_client (mac, org_id);
