-- What the merge looks up on every poll, and foreign keys that no other index leads with.
-- Valid on H2 2.x and PostgreSQL.

-- The merge finds a post's incident by the id of the post it replies to, within one vendor.
create index incident_update_vendor_key on incident_update (vendor_key, incident_id);
-- The merge finds a source's open incident by its recent updates (posts without a thread or id).
create index incident_update_source_posted on incident_update (source_id, posted_at);
-- Foreign keys: deleting or checking a source or an incident must not scan these tables.
create index incident_source on incident (source_id);
create index watchlist_incident_incident on watchlist_incident (incident_id);

-- One vendor update is stored once per incident: a second row with the same vendor id is a bug in
-- the merge, so the database refuses it. Updates without a vendor id (NULL) are not constrained.
alter table incident_update add constraint incident_update_vendor_key_unique unique (incident_id, vendor_key);
