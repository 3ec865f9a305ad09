-- The console's events page (and GET nac_clients/events/search) reads "the newest events of one org in a time
-- window", 25 at a time, ordered ts DESC, id. An index in exactly that order lets the database read the first page
-- straight off the index instead of sorting the whole window: H2 does not scan an ascending index backwards for
-- ORDER BY ... DESC, and with 1,000,000 events in the window the sort took seconds. It replaces ix_nac_event_org_ts,
-- whose range scans (counts, hit counts) it serves as well.
CREATE INDEX ix_nac_event_org_ts_id ON nac_event (org_id, ts DESC, id);
DROP INDEX ix_nac_event_org_ts;
-- The page's user-name filter (the MAC filter has ix_nac_event_org_mac_ts).
CREATE INDEX ix_nac_event_org_user_ts ON nac_event (org_id, username, ts DESC);
