#!/usr/bin/env bash
# History and search at scale: loads 1,000,000 synthetic incidents (10,000,000 updates) into a fresh
# PostgreSQL schema, runs Incidex against it, and times the API beside the bare SQL for the same rows.
#
#   bench/history-bench.sh            # build, load, measure, drop the schema
#   KEEP=1 bench/history-bench.sh     # keep the schema (and skip the load next time with SKIP_LOAD=1)
#
# Needs: psql, curl, PostgreSQL on 127.0.0.1:5432 (user postgres, db test, trust auth), a JDK.
# Settings (env): PGHOST PGPORT PGUSER PGDATABASE, RUNS (timed runs per query, default 21), PORT (default 18080).
set -euo pipefail

cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-test}
SCHEMA=incidex_bench
RUNS=${RUNS:-21}
PORT=${PORT:-18080}
APP_DIR=target/bench-app
WORK=$(mktemp -d)
APP_PID=

psql_q() { psql -X -q -v ON_ERROR_STOP=1 -c "set search_path = $SCHEMA" "$@"; }
log() { printf '[%s] %s\n' "$(date +%T)" "$*" >&2; }

cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ "${KEEP:-0}" != 1 ]]; then psql -X -q -c "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

start_app() {
  printf 'vendors: []\n' > "$WORK/catalog.yaml"
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA" \
  QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD= \
  QUARKUS_FLYWAY_SCHEMAS=$SCHEMA QUARKUS_FLYWAY_DEFAULT_SCHEMA=$SCHEMA \
  QUARKUS_HTTP_PORT=$PORT INCIDEX_POLL_ENABLED=false INCIDEX_CATALOG="$WORK/catalog.yaml" \
    java -jar "$APP_DIR/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/vendors"; then return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then cat "$WORK/app.log" >&2; exit 1; fi
    sleep 0.5
  done
  log "the app did not answer"; cat "$WORK/app.log" >&2; exit 1
}

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=; }

# ---- 1. Build for PostgreSQL into its own directory, so target/quarkus-app (H2) stays as it is.
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
log "building the app for PostgreSQL into $APP_DIR"
# The profile names the kind; the system property makes sure it outranks application.properties.
./mvnw -q -B package -DskipTests -Dquarkus.datasource.db-kind=postgresql -Dquarkus.package.output-directory=bench-app
fi

# ---- 2. A fresh schema, migrated by the app itself (Flyway at start-up).
if [[ "${SKIP_LOAD:-0}" != 1 ]]; then
  psql -X -q -v ON_ERROR_STOP=1 -c "drop schema if exists $SCHEMA cascade" -c "create schema $SCHEMA"
  log "migrating $SCHEMA"
  start_app
  stop_app

  # ---- 3. The load: set-based SQL. The big tables are unlogged and their indexes and foreign keys
  # are dropped during the load and rebuilt afterwards (foreign keys come back NOT VALID: the rows
  # are generated consistent, and constraints do not change query plans here).
  log "loading 200 vendors, 1,000,000 incidents, 10,000,000 updates and their search terms"
  load_start=$(date +%s)
  psql_q -f bench/load.sql
  log "load finished in $(( $(date +%s) - load_start ))s"
fi

psql_q -At -c "select 'rows: ' || (select count(*) from incident) || ' incidents, ' || (select count(*) from incident_update)
  || ' updates, ' || (select count(*) from incident_term) || ' search terms, ' || (select count(*) from vendor) || ' vendors'" >&2

# ---- 4. The queries: the API beside the bare SQL that returns the same rows.
start_app
VENDOR=vendor042
VID=$(psql_q -At -c "select id from vendor where slug = '$VENDOR'")
# A cursor 50 rows before the end of the vendor's history: the page that following `next` ~100 times reaches.
read -r DEEP_SEC DEEP_NANO DEEP_ID DEEP_TS < <(psql_q -At -F ' ' -c "select extract(epoch from date_trunc('second', sort_at))::bigint,
  (extract(microseconds from sort_at)::bigint % 1000000) * 1000, id, sort_at from incident where vendor_id = $VID
  order by sort_at, id offset 50 limit 1")
CURSOR=$(printf '%s.%s.%s' "$DEEP_SEC" "$DEEP_NANO" "$DEEP_ID" | base64 -w0 | tr '+/' '-_' | tr -d '=')
SEARCH_Q="replication lag"
UPPER="lah"

declare -A URL SQL
NAMES=(first filtered deep search)
URL[first]="/api/vendors/$VENDOR/incidents"
SQL[first]="select i.* from incident i where i.vendor_id = $VID order by i.sort_at desc, i.id desc limit 50"
URL[filtered]="/api/vendors/$VENDOR/incidents?impact=major,critical&from=2019-01-01&to=2021-01-01"
SQL[filtered]="select i.* from incident i where i.vendor_id = $VID and i.impact in ('MAJOR','CRITICAL')
  and i.sort_at >= '2019-01-01Z' and i.sort_at < '2021-01-01Z' order by i.sort_at desc, i.id desc limit 50"
URL[deep]="/api/vendors/$VENDOR/incidents?cursor=$CURSOR"
SQL[deep]="select i.* from incident i where i.vendor_id = $VID and (i.sort_at < '$DEEP_TS' or (i.sort_at = '$DEEP_TS' and i.id < $DEEP_ID))
  order by i.sort_at desc, i.id desc limit 50"
URL[search]="/api/search?q=${SEARCH_Q// /+}"
SQL[search]="select i.* from incident i where exists (select 1 from incident_term t where t.incident_id = i.id and t.term = 'replication')
  and exists (select 1 from incident_term t where t.incident_id = i.id and t.term >= 'lag' and t.term < '$UPPER')
  order by i.sort_at desc, i.id desc limit 50"

# median and p95 (nearest rank) of numbers on stdin, in ms with one decimal
stats() { sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.95+0.999)]; printf "%.1f %.1f\n", m, p}'; }

time_api() {
  local url="http://127.0.0.1:$PORT$1"
  for _ in $(seq 1 10); do curl -fs -o /dev/null "$url"; done   # warm-up (JIT, caches)
  for _ in $(seq 1 "$RUNS"); do curl -fs -o /dev/null -w '%{time_total}\n' "$url"; done | awk '{print $1 * 1000}' | stats
}

time_sql() {
  local script="$WORK/q.sql"
  { echo "set search_path = $SCHEMA;"; for _ in 1 2 3; do echo "$1;"; done; echo '\timing on'
    for _ in $(seq 1 "$RUNS"); do echo "$1;"; done; } > "$script"
  psql -X -q -o /dev/null -f "$script" | awk '/^Time:/ {print $2}' | stats
}

rows_api() { curl -fs "http://127.0.0.1:$PORT$1" | grep -o '"id":[0-9]*' | head -50 | cut -d: -f2 | paste -sd, -; }
rows_sql() { psql_q -At -c "select string_agg(id::text, ',') from (${1/select i.\*/select i.id}) q"; }

printf '\n%-9s %-46s %18s %18s %s\n' query "API request" "API median/p95 ms" "SQL median/p95 ms" "same rows"
for name in "${NAMES[@]}"; do
  same=no
  [[ "$(rows_api "${URL[$name]}")" == "$(rows_sql "${SQL[$name]}")" ]] && same=yes
  read -r am ap < <(time_api "${URL[$name]}")
  read -r sm sp < <(time_sql "${SQL[$name]}")
  printf '%-9s %-46.46s %8s / %-7s %8s / %-7s %s\n' "$name" "${URL[$name]}" "$am" "$ap" "$sm" "$sp" "$same"
done
printf '\nruns per query: %s; load average at the end: %s\n' "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "search plan (EXPLAIN ANALYZE of the query the app runs for q='$SEARCH_Q'):"
psql_q -At -c "explain (analyze, costs off) select i.id from incident i where exists (select 1 from incident_term t where t.incident_id = i.id and t.term = 'replication')
  and exists (select 1 from incident_term t where t.incident_id = i.id and t.term >= 'lag' and t.term < '$UPPER') order by i.sort_at desc, i.id desc limit 51"
