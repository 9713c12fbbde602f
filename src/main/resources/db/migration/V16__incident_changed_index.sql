-- Rendered pages and feeds over every incident read the newest change on each request (their stamp):
-- without an index that is a scan of the whole table per page view.
create index incident_changed on incident (changed_at);
