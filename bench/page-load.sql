-- The page benchmark's data, loaded set-based into the app's own H2 schema (run by page-bench.sh
-- after the app's Flyway migrations made the tables): 1,000 vendors with one Statuspage source each,
-- vendor0001 with 2,000 incidents over the last two years (three updates and one component each),
-- and one open incident at each of 20 other vendors so the front page has ongoing incidents.
insert into vendor (id, slug, name, site, depends_on, origin, in_catalog, created_at)
select x, 'vendor' || lpad(x, 4, '0'), 'Vendor ' || x, 'https://vendor' || x || '.example', null, 'catalog', true,
       dateadd('DAY', -800, current_timestamp)
from system_range(1, 1000);
alter table vendor alter column id restart with 1001;

insert into source (id, vendor_id, kind, url, enabled, error_count, last_polled_at, last_success_at, next_poll_at)
select x, x, 'statuspage', 'https://status.vendor' || x || '.example', true, case when mod(x, 50) = 0 then 3 else 0 end,
       current_timestamp, dateadd('DAY', -799, current_timestamp), dateadd('DAY', 1, current_timestamp)
from system_range(1, 1000);
alter table source alter column id restart with 1001;

-- vendor0001: 2,000 incidents, one every ~8.7 hours back from now, each lasting 20 to 200 minutes.
insert into incident (id, vendor_id, source_id, vendor_key, title, impact, status, vendor_status, maintenance,
                      started_at, resolved_at, exact_times, vendor_url, detected_at, changed_at, sort_at, last_spoke_at)
select x, 1, 1, 'k' || x,
       case mod(x, 4) when 0 then 'Elevated error rates for API' when 1 then 'Degraded performance of Dashboard'
                      when 2 then 'Partial outage of Webhooks' else 'Increased latency in eu-west' end,
       case mod(x, 10) when 0 then 'CRITICAL' when 1 then 'MAJOR' when 2 then 'MAJOR' when 3 then 'NONE' else 'MINOR' end,
       'RESOLVED', 'resolved', false,
       dateadd('MINUTE', -x * 523, current_timestamp),
       dateadd('MINUTE', -x * 523 + 20 + mod(x * 37, 180), current_timestamp),
       true, 'https://status.vendor1.example/incidents/k' || x,
       dateadd('MINUTE', -x * 523, current_timestamp), dateadd('MINUTE', -x * 523 + 20 + mod(x * 37, 180), current_timestamp),
       dateadd('MINUTE', -x * 523, current_timestamp), dateadd('MINUTE', -x * 523 + 20 + mod(x * 37, 180), current_timestamp)
from system_range(1, 2000);

-- Twenty other vendors each with one incident still open (started 1 to 20 hours ago).
insert into incident (id, vendor_id, source_id, vendor_key, title, impact, status, vendor_status, maintenance,
                      started_at, resolved_at, exact_times, vendor_url, detected_at, changed_at, sort_at, last_spoke_at)
select 2000 + x, 1 + x * 7, 1 + x * 7, 'open' || x, 'Login failures in us-east', 'MAJOR', 'INVESTIGATING', 'investigating',
       false, dateadd('HOUR', -x, current_timestamp), null, true, 'https://status.example/incidents/open' || x,
       dateadd('HOUR', -x, current_timestamp), dateadd('HOUR', -x, current_timestamp),
       dateadd('HOUR', -x, current_timestamp), dateadd('HOUR', -x, current_timestamp)
from system_range(1, 20);
alter table incident alter column id restart with 3001;

insert into incident_component (incident_id, name)
select id, case mod(id, 3) when 0 then 'API' when 1 then 'Dashboard' else 'Webhooks' end from incident;

-- Three updates each: investigating, monitoring, resolved (the open ones only the first).
insert into incident_update (id, incident_id, source_id, vendor_key, status, vendor_status, posted_at, exact_time,
                             body_html, body_text, first_seen_at, created_at)
select i.id * 3 + s.x, i.id, i.source_id, 'u' || i.id || '-' || s.x,
       case s.x when 0 then 'INVESTIGATING' when 1 then 'MONITORING' else 'RESOLVED' end,
       case s.x when 0 then 'investigating' when 1 then 'monitoring' else 'resolved' end,
       dateadd('MINUTE', s.x * 10, i.started_at), true,
       '<p>' || case s.x when 0 then 'We are investigating elevated error rates.' when 1 then 'A fix has been deployed and we are monitoring.'
                          else 'This incident has been resolved.' end || '</p>',
       case s.x when 0 then 'We are investigating elevated error rates.' when 1 then 'A fix has been deployed and we are monitoring.'
                else 'This incident has been resolved.' end,
       dateadd('MINUTE', s.x * 10, i.started_at), dateadd('MINUTE', s.x * 10, i.started_at)
from incident i cross join system_range(0, 2) s
where i.resolved_at is not null or s.x = 0;
alter table incident_update alter column id restart with 100000;
