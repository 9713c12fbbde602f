-- The benchmark's synthetic history, loaded set-based (run by history-bench.sh with search_path set).
-- 200 vendors, 1,000,000 incidents (5,000 per vendor over ten years), 10 updates each, one component
-- each, and each incident's search terms as SearchTerms would index them.
\set ON_ERROR_STOP on
set maintenance_work_mem = '1GB';
set max_parallel_maintenance_workers = 2;
set synchronous_commit = off;

-- Indexes and foreign keys of the big tables go during the load and come back after it.
do $$
declare r record;
begin
  for r in select conrelid::regclass as t, conname from pg_constraint
           where connamespace = current_schema()::regnamespace
             and conrelid::regclass::text in ('incident', 'incident_update', 'incident_component', 'incident_term')
           order by contype = 'p' loop   -- foreign keys first, then primary keys
    execute format('alter table %s drop constraint %I', r.t, r.conname);
  end loop;
  for r in select indexrelid::regclass as i from pg_index x join pg_class c on c.oid = x.indrelid
           where c.relnamespace = current_schema()::regnamespace
             and c.relname in ('incident', 'incident_update', 'incident_component', 'incident_term') loop
    execute format('drop index %s', r.i);
  end loop;
end $$;
alter table incident set unlogged;
alter table incident_update set unlogged;
alter table incident_component set unlogged;
alter table incident_term set unlogged;

insert into vendor (id, slug, name, site, depends_on, origin, in_catalog, created_at)
select v, 'vendor' || lpad(v::text, 3, '0'), 'Vendor ' || v, 'https://vendor' || v || '.example', null, 'catalog', true, now()
from generate_series(1, 200) v;
insert into source (id, vendor_id, kind, url, enabled, error_count)
select v, v, 'statuspage', 'https://status.vendor' || v || '.example', true, 0 from generate_series(1, 200) v;

-- The words: a title is problem + component + region; the ten updates tell one cause's story.
create temp table words as select
  array['Elevated error rates', 'Degraded performance', 'Partial outage', 'Increased latency', 'Delayed notifications',
        'Login failures', 'Webhook delivery delays', 'Database connectivity issues', 'Intermittent timeouts',
        'Service disruption', 'Slow page loads', 'Replication lag'] as problems,
  array['API', 'Dashboard', 'Git Operations', 'Actions', 'Pages', 'Packages', 'Search', 'Billing', 'Webhooks',
        'Email delivery', 'Object storage', 'DNS', 'CDN', 'Payments', 'Authentication', 'Mobile app', 'Reporting',
        'Notifications', 'Integrations', 'Analytics'] as components,
  array['us-east', 'us-west', 'eu-west', 'eu-central', 'ap-southeast', 'ap-northeast', 'sa-east', 'global'] as regions,
  array['a failed database failover', 'replication lag on a primary cluster', 'an expired TLS certificate',
        'a misconfigured load balancer', 'network congestion at an upstream provider', 'a faulty deployment',
        'exhausted connection pools', 'a DNS resolution problem', 'growing queue backlogs', 'a storage node failure',
        'rate limiting by a third party', 'a memory leak in a worker service', 'cache invalidation errors',
        'disk pressure on search nodes', 'a configuration rollout', 'degraded hardware in one zone',
        'a sudden spike in traffic', 'an upstream dependency outage', 'slow queries on the billing database',
        'a certificate rotation'] as causes,
  array['We are investigating %s.', 'We are continuing to investigate %s.', 'We are continuing to investigate %s.',
        'We are continuing to investigate %s.', 'We are continuing to investigate %s.', 'We are continuing to investigate %s.',
        'We are continuing to investigate %s.', 'A fix has been deployed and we are monitoring.',
        'We are monitoring the fix.', 'This incident has been resolved.'] as stages,
  array['INVESTIGATING', 'INVESTIGATING', 'INVESTIGATING', 'INVESTIGATING', 'INVESTIGATING', 'INVESTIGATING',
        'INVESTIGATING', 'MONITORING', 'MONITORING', 'RESOLVED'] as stage_status;

-- Each incident's mix: p(roblem) 12 × m (component) 20 × r(egion) 8 × c(ause) 20 = 38,400 combinations,
-- picked by a multiplicative hash so vendors, times and words do not line up.
create temp table mix as
select g as id, h % 12 as p, (h / 12) % 20 as m, (h / 240) % 8 as r, (h / 1920) % 20 as c, (h / 38400) % 100 as pct
from (select g, (g::bigint * 2654435761) % 4294967296 as h from generate_series(1, 1000000) g) x;

\echo incidents
insert into incident (id, vendor_id, source_id, vendor_key, title, impact, status, vendor_status, maintenance, started_at,
                      resolved_at, exact_times, vendor_url, detected_at, changed_at, sort_at)
select x.id, 1 + x.id % 200, 1 + x.id % 200, 'k' || x.id,
       w.problems[x.p + 1] || ' for ' || w.components[x.m + 1] || ' in ' || w.regions[x.r + 1],
       case when x.pct < 20 then 'NONE' when x.pct < 60 then 'MINOR' when x.pct < 85 then 'MAJOR'
            when x.pct < 95 then 'CRITICAL' else 'MAINTENANCE' end,
       case when x.pct >= 95 then 'COMPLETED' when x.id > 999000 then 'INVESTIGATING' else 'RESOLVED' end,
       null, x.pct >= 95, t.start,
       case when x.id > 999000 then null else t.start + (15 + x.pct * 3) * interval '1 minute' end,
       true, 'https://status.vendor' || (1 + x.id % 200) || '.example/incidents/k' || x.id, t.start, t.start, t.start
from mix x cross join words w
cross join lateral (select timestamptz '2015-01-01 00:00:00Z' + (x.id * 315 + x.pct * 3) * interval '1 second' as start) t;

\echo components
insert into incident_component (incident_id, name)
select x.id, w.components[x.m + 1] from mix x cross join words w;

\echo updates
insert into incident_update (id, incident_id, source_id, vendor_key, status, vendor_status, posted_at, exact_time,
                             body_html, body_text, first_seen_at)
select (x.id - 1) * 10 + k + 1, x.id, 1 + x.id % 200, 'u' || k, w.stage_status[k + 1], null,
       i.started_at + k * interval '10 minutes', true,
       '<p>' || format(w.stages[k + 1], w.causes[x.c + 1]) || '</p>', format(w.stages[k + 1], w.causes[x.c + 1]),
       i.started_at + k * interval '10 minutes'
from mix x join incident i on i.id = x.id cross join words w cross join generate_series(0, 9) k;

\echo search terms
-- The same words SearchTerms keeps: lower case, split on non-letters/digits, two characters or
-- more, stop words out (the synthetic text is plain ASCII, so folding accents changes nothing).
create temp table combo_terms as
select distinct p, m, r, c, term
from (select p, m, r, c, regexp_split_to_table(lower(
        w.problems[p + 1] || ' for ' || w.components[m + 1] || ' in ' || w.regions[r + 1] || ' '
        || (select string_agg(format(s, w.causes[c + 1]), ' ') from unnest(w.stages) s)), '[^a-z0-9]+') as term
      from words w, generate_series(0, 11) p, generate_series(0, 19) m, generate_series(0, 7) r, generate_series(0, 19) c) t
where length(term) >= 2 and term not in ('an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'in',
  'is', 'it', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'was', 'we', 'were', 'will', 'with');
create index on combo_terms (p, m, r, c);
analyze combo_terms;

insert into incident_term (incident_id, term)
select x.id, t.term from mix x join combo_terms t using (p, m, r, c);

\echo indexes
-- The migrations' indexes, as V1, V2 and V4 create them.
alter table incident add primary key (id);
alter table incident add constraint incident_vendor_key_unique unique (vendor_id, vendor_key);
create index incident_resolved on incident (resolved_at);
create index incident_vendor_sort on incident (vendor_id, sort_at, id);
create index incident_sort on incident (sort_at, id);
alter table incident_update add primary key (id);
create index incident_update_timeline on incident_update (incident_id, posted_at);
alter table incident_component add primary key (incident_id, name);
alter table incident_term add constraint incident_term_pk primary key (incident_id, term);
create index incident_term_lookup on incident_term (term, incident_id);
alter table incident_update add foreign key (incident_id) references incident (id) not valid;
alter table incident_component add foreign key (incident_id) references incident (id) not valid;
alter table incident_term add constraint incident_term_incident_fk foreign key (incident_id) references incident (id) not valid;

select setval(pg_get_serial_sequence('incident', 'id'), 1000000);
select setval(pg_get_serial_sequence('incident_update', 'id'), 10000000);

\echo analyze
analyze vendor; analyze source; analyze incident; analyze incident_component; analyze incident_update; analyze incident_term;
