-- Keyset pages over history need a non-null time to sort on: the start when a source gave one,
-- else the first update, else when Incidex first saw it. The merge keeps it current.
alter table incident add column sort_at timestamp with time zone;
update incident set sort_at = coalesce(started_at,
    (select min(u.posted_at) from incident_update u where u.incident_id = incident.id), detected_at);
alter table incident alter column sort_at set not null;

drop index incident_vendor_started;
create index incident_vendor_sort on incident (vendor_id, sort_at, id);
create index incident_sort on incident (sort_at, id);
