#!/usr/bin/env bash
# Polling benchmark: a local fleet of N Statuspage vendors served by nginx with ETags, 5 % of them
# changed every interval, polled by a built Incidex; side by side with a bare wrk pass over the same
# URLs answering 304. Needs Debian's nginx and wrk (apt-get install nginx wrk), python3 and a JDK.
#
#   ./mvnw -DskipTests package                 # builds target/quarkus-app (the H2 default)
#   bench/poll-bench.sh 1000                   # N sources; prints one table row
#   DB=postgresql bench/poll-bench.sh 1000     # the same against PostgreSQL on 127.0.0.1:5432 (db test, user
#                                              # postgres, trust auth): builds target/bench-app for it when missing,
#                                              # polls into a fresh schema incidex_pollbench, dropped at the end
#
# Settings (environment): APP (default target/quarkus-app), INTERVAL (60), CYCLES after the first
# (2), QUIET intervals that change nothing after those (1: the all-304 cycle), DB (h2 or postgresql), H2_OPTIONS
# appended to the H2 URL (e.g. ";WRITE_DELAY=2000"), HEAP (-Xmx512m), JAVA_OPTS (more JVM options, e.g. a flight recording), PORT for nginx (18080), TIMEOUT for the first cycle in seconds (1800). Figures and how each is measured: docs/bench.md.
set -euo pipefail
N=${1:?usage: poll-bench.sh N}
cd "$(dirname "$0")/.."
DB=${DB:-h2}
case "$DB" in
  h2) APP=${APP:-target/quarkus-app} ;;
  postgresql)
    APP=${APP:-target/bench-app}
    export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-test}
    SCHEMA=incidex_pollbench
    if [ ! -f "$APP/quarkus-run.jar" ]; then
      ./mvnw -q -B package -DskipTests -Dquarkus.datasource.db-kind=postgresql -Dquarkus.package.output-directory=bench-app
    fi
    ;;
  *) echo "DB is h2 or postgresql, not $DB" >&2; exit 2 ;;
esac
INTERVAL=${INTERVAL:-60}
CYCLES=${CYCLES:-2}
QUIET=${QUIET:-1}
HEAP=${HEAP:--Xmx512m}
PORT=${PORT:-18080}
WORK=$(mktemp -d /tmp/incidex-poll-bench.XXXXXX)
chmod 755 "$WORK"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  if [ "$DB" = postgresql ] && [ -z "${KEEP:-}" ]; then
    psql -X -q -c "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1 || true
  fi
  [ -n "${KEEP:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

# ---- the fleet: N vendors, each with incidents.json, scheduled-maintenances.json, components.json
python3 bench/poll-fleet.py init "$WORK" "$N" "$PORT"

cat >"$WORK/nginx.conf" <<EOF
worker_processes 2;
worker_rlimit_nofile $(ulimit -Hn);
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 4096; }
http {
  log_format t '\$msec \$uri \$status';
  access_log $WORK/access.log t buffer=256k flush=1s;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  # One descriptor per cached document: within this machine's open-file limit (20 000 here).
  open_file_cache max=$(( $(ulimit -Hn) / 4 )) inactive=300s;
  default_type application/json;
  server { listen 127.0.0.1:$PORT; root $WORK/www; etag on; }
}
EOF
nginx -c "$WORK/nginx.conf" -p "$WORK"

# ---- the bare pass: wrk asking every URL with its current ETag (all 304) ---------------------
cat >"$WORK/pass.lua" <<'EOF'
local paths = {}
for line in io.lines(os.getenv("URLS")) do
  local p, e = line:match("(%S+) (.+)")
  paths[#paths + 1] = {p, e}
end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i][1], {["If-None-Match"] = paths[i][2]})
end
EOF
python3 bench/poll-fleet.py etags "$WORK" "$N" >"$WORK/urls.txt"
rps=$(URLS="$WORK/urls.txt" wrk -t2 -c32 -d10s -s "$WORK/pass.lua" "http://127.0.0.1:$PORT" | awk '/Requests\/sec/ {print $2}')
bare=$(python3 -c "print(f'{3 * $N / $rps:.2f}')") # three documents per source
sleep 1.5 # nginx writes its buffered log of the pass within a second
: >"$WORK/access.log"

# ---- Incidex against the fleet ---------------------------------------------------------------
if [ "$DB" = postgresql ]; then
  psql -X -q -v ON_ERROR_STOP=1 -c "drop schema if exists $SCHEMA cascade" -c "create schema $SCHEMA"
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE?currentSchema=$SCHEMA"
  export QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=
else
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:h2:file:$WORK/db/incidex;DB_CLOSE_ON_EXIT=FALSE${H2_OPTIONS:-}"
fi
start=$(date +%s.%N)
INCIDEX_CATALOG="$WORK/catalog.yaml" INCIDEX_POLL_INTERVAL=${INTERVAL}s QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=120S \
  QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT=3600S \
QUARKUS_HTTP_PORT=$((PORT + 10)) \
  java $HEAP ${JAVA_OPTS:-} -jar "$APP/quarkus-run.jar" >"$WORK/app.log" 2>&1 &
app=$!
pids+=("$app")
(while kill -0 "$app" 2>/dev/null; do jstat -gc "$app" 2>/dev/null | tail -1; sleep 1; done) >"$WORK/heap.log" &
pids+=("$!")
# The app's CPU time (user + system, clock ticks) and the load average, every second: CPU per cycle depends far
# less on what else the machine runs than wall time does. With PostgreSQL, its server's processes' CPU as well
# (the work H2 does inside the app).
(while kill -0 "$app" 2>/dev/null; do
  db=0
  if [ "$DB" = postgresql ]; then
    db=$(for p in $(pgrep -x postgres); do cat "/proc/$p/stat"; done 2>/dev/null | awk '{s += $14 + $15} END {print s + 0}')
  fi
  echo "$(date +%s.%N) $(awk '{print $14 + $15}' "/proc/$app/stat" 2>/dev/null) $(cut -d' ' -f1 /proc/loadavg) $db"
  sleep 1
done) >"$WORK/cpu.log" &
pids+=("$!")

# The first cycle ends when every source has been polled once.
python3 bench/poll-fleet.py wait-first "$WORK" "$N" "$start" "${TIMEOUT:-1800}" >"$WORK/first.txt" || true
# Then 5 % of the vendors change every interval, for CYCLES intervals, then QUIET intervals change nothing.
python3 bench/poll-fleet.py churn "$WORK" "$N" "$INTERVAL" "$CYCLES" "$QUIET"
# A poll waits for the poller's next tick (10 s): a source polled late in the last interval is polled again by then.
sleep 12
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
sleep 1.5 # nginx flushes its log every second

python3 bench/poll-fleet.py report "$WORK" "$N" "$INTERVAL" "$bare" "$rps" "$(getconf CLK_TCK)" "$QUIET"
