-- An incident Incidex did not see happen: imported by a history back-fill, or first seen already
-- resolved (a new source's past incidents). Its detected_at is when it was imported, and pages say so.
alter table incident add column imported boolean default false not null;

-- Incidents stored before: those first seen after they had ended.
update incident set imported = true where resolved_at is not null and resolved_at < detected_at;
