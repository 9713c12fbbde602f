#!/usr/bin/env bash
# Builds Incidex for PostgreSQL, runs the offline demo against a fresh schema of a local
# PostgreSQL (127.0.0.1:5432, db test, user postgres; override with PGURL/PGUSER) and requests every
# kind of page, feed and API answer. The test suite runs the app on H2; this checks the same
# queries on PostgreSQL. Exits non-zero on the first answer that is not the expected status.
set -euo pipefail
cd "$(dirname "$0")/.."
PGURL=${PGURL:-jdbc:postgresql://127.0.0.1:5432/test}
PGUSER=${PGUSER:-postgres}
SCHEMA=incidex_smoke_$$
psql_() { psql -h 127.0.0.1 -U "$PGUSER" -d test -qtAc "$1"; }

./mvnw -q -B -ntp -DskipTests package -Dquarkus.datasource.db-kind=postgresql -Dquarkus.package.output-directory=pg-app
psql_ "create schema $SCHEMA"
log=$(mktemp)
QUARKUS_PROFILE=demo QUARKUS_DATASOURCE_JDBC_URL="$PGURL?currentSchema=$SCHEMA" QUARKUS_DATASOURCE_USERNAME="$PGUSER" \
  QUARKUS_FLYWAY_SCHEMAS="$SCHEMA" java -jar target/pg-app/quarkus-run.jar >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; psql_ "drop schema if exists $SCHEMA cascade" >/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 60); do grep -q "polled" "$log" && break; sleep 1; done
grep -q "polled 8 sources (0 failing)" "$log" || { echo "the demo's first poll did not succeed:"; cat "$log"; exit 1; }

check() {
  local want=$1 path=$2 got
  got=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:8080$path")
  printf '%s %s\n' "$got" "$path"
  [ "$got" = "$want" ] || { echo "expected $want"; exit 1; }
}
check 200 /
check 200 /vendors
check 200 /vendors/inky
check 200 '/vendors/slack?impact=major&from=2023-01-01&to=2023-12-31&q=threads'
check 200 /vendors/inky/incidents/1
check 200 '/search?q=latency'
check 200 /feeds/incidents.rss
check 200 /vendors/inky/feed.atom
check 200 /vendors/inky/incidents/1/feed.rss
check 200 '/api/vendors/slack/incidents?impact=major'
check 200 '/api/search?q=storage'
check 200 /api/vendors/inky/incidents.csv
check 200 /watchlists/new
check 200 /q/openapi
check 400 '/api/vendors/inky/incidents?from=bad'
echo "PostgreSQL smoke test passed: $(psql_ "select count(*) from $SCHEMA.incident") incidents stored"
