-- Issue 8. How precise the source was that set an incident's title and impact (model/Precision), so a
-- less precise source polled later cannot overwrite them. Null on older rows: read from exact_times.
alter table incident add column title_precision varchar(16);
alter table incident add column impact_precision varchar(16);

-- When the incident vanished from the vendor's current document while older ones were still listed
-- (the vendor removed it); null while listed or never checked.
alter table incident add column removed_at timestamp with time zone;

-- The newest time the vendor gave for it (its newest update, else its start): an open incident the
-- vendor has not spoken about for a while (incidex.incidents.stale-after) is stale.
alter table incident add column last_spoke_at timestamp with time zone;
update incident set last_spoke_at = coalesce(
    (select max(u.posted_at) from incident_update u where u.incident_id = incident.id), started_at, sort_at);
create index incident_last_spoke on incident (last_spoke_at);
