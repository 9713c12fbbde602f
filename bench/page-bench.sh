#!/usr/bin/env bash
# Page benchmark: the built app on H2 in a temporary directory, polling off and an empty catalog,
# loaded with 1,000 vendors and one vendor (vendor0001) with 2,000 incidents by set-based SQL into
# the app's own schema (bench/page-load.sql, run through H2's RunScript while the app is up: the
# database is opened with AUTO_SERVER so a second process can write to it). Then, in one run, wrk
# measures each page and the static /style.css, and prints req/s, p99 and the share of /style.css.
#
# It builds nothing: it runs target/quarkus-app as it is (./mvnw -DskipTests package first).
#
#   bench/page-bench.sh
#
# Settings (environment): APP (default target/quarkus-app), PORT (18190), HEAP (-Xmx512m),
# DURATION per URL (10s), KEEP=1 keeps the temporary directory. Figures: docs/bench.md.
set -euo pipefail
cd "$(dirname "$0")/.."
APP=${APP:-target/quarkus-app}
PORT=${PORT:-18190}
HEAP=${HEAP:--Xmx512m}
export HEAP
DURATION=${DURATION:-10s}
WORK=$(mktemp -d /tmp/incidex-page-bench.XXXXXX)
APP_PID=
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  [[ -n "${KEEP:-}" ]] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT
[[ -f "$APP/quarkus-run.jar" ]] || { echo "no $APP/quarkus-run.jar: run ./mvnw -DskipTests package first" >&2; exit 1; }
H2=$(ls "$APP"/lib/main/com.h2database.h2-*.jar | head -1)
URL="jdbc:h2:file:$WORK/db/incidex;AUTO_SERVER=TRUE"

printf 'vendors: []\n' >"$WORK/catalog.yaml"
QUARKUS_DATASOURCE_JDBC_URL="$URL" QUARKUS_HTTP_PORT=$PORT INCIDEX_POLL_ENABLED=false \
  INCIDEX_CATALOG="$WORK/catalog.yaml" java $HEAP -jar "$APP/quarkus-run.jar" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/style.css" && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
  sleep 0.5
done

java -cp "$H2" org.h2.tools.RunScript -url "$URL" -user incidex -script bench/page-load.sql
echo "loaded: $(java -cp "$H2" org.h2.tools.Shell -url "$URL" -user incidex \
  -sql "select count(*) || ' vendors' from vendor union all select count(*) || ' incidents of vendor0001' from incident where vendor_id = 1" | grep -Eo "^[0-9]+ (vendors|incidents of vendor0001)" | paste -sd, -)"

BASE="http://127.0.0.1:$PORT"
# An incident of vendor0001 from the middle of its history.
PAGES=(
  "static /style.css"
  "incident /vendors/vendor0001/incidents/1000"
  "vendor-2000 /vendors/vendor0001"
  "front /"
  "api-vendors /api/vendors"
  "vendor-rss /vendors/vendor0001/feed.rss"
)
for p in "${PAGES[@]}"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$BASE${p#* }")
  [[ $code == 200 ]] || { echo "${p#* } answered $code" >&2; tail -50 "$WORK/app.log" >&2; exit 1; }
done
jstat -gc "$APP_PID" 1000 >"$WORK/heap.log" 2>/dev/null &
JSTAT=$!
# Warm-up: the JIT and the caches, a few seconds over every URL.
for p in "${PAGES[@]}"; do wrk -t2 -c32 -d3s "$BASE${p#* }" >/dev/null; done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# The app's own CPU time per request (user + system, from /proc) beside req/s: on a shared machine it
# moves much less with the other processes' load than req/s does.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
TCK=$(getconf CLK_TCK)
printf '%-12s %-40s %10s %10s %8s %12s\n' page path req/s p99 static% 'CPU ms/req'
static=
for p in "${PAGES[@]}"; do
  name=${p%% *}; path=${p#* }
  c0=$(cpu_ticks)
  out=$(wrk -t2 -c32 -d"$DURATION" --latency "$BASE$path")
  c1=$(cpu_ticks)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  n=$(awk '/requests in/ {print $1}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errs=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  [[ -z $static ]] && static=$rps
  pct=$(python3 -c "print(f'{100 * $rps / $static:.1f}')")
  cpu=$(python3 -c "print(f'{1000 * ($c1 - $c0) / $TCK / max($n, 1):.2f}')")
  printf '%-12s %-40s %10s %10s %7s%% %12s%s\n' "$name" "$path" "$rps" "$p99" "$pct" "$cpu" "${errs:+ (non-2xx: $errs)}"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$JSTAT" 2>/dev/null || true
# jstat -gc: S0U S1U EU OU are columns 3, 4, 6, 8 (KB).
awk 'NR > 1 && $3 ~ /^[0-9.]+$/ {u = $3 + $4 + $6 + $8; if (u > m) m = u} END {printf "heap peak (young + old used, jstat every second): %.0f MB of %s\n", m / 1024, ENVIRON["HEAP"]}' "$WORK/heap.log"
