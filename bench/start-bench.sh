#!/usr/bin/env bash
# Start-up benchmark: seconds from `java -jar` to the first 200 of the built Incidex (fresh H2 in a temporary
# directory, its built-in catalog, polling on as shipped) against a trivial Quarkus app with the same extensions
# (the dependencies of pom.xml, one entity, one Flyway migration, one REST resource), generated and built by this
# script under $TRIVIAL (default /tmp/incidex-trivial-app; never committed).
#
# It does not build Incidex: it runs target/quarkus-app as it is (./mvnw -DskipTests package first).
#
#   bench/start-bench.sh            # RUNS=5 starts of each, alternating; prints each and the medians of the
#                                   # seconds and of the CPU seconds (user + system) to the first 200
#
# Settings (environment): APP (target/quarkus-app), RUNS (5), HEAP (empty: the JVM's default), PORT (18290),
# URL path asked of Incidex (/), TRIVIAL (where the trivial app is generated). Figures: docs/bench.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
APP=${APP:-target/quarkus-app}
RUNS=${RUNS:-5}
HEAP=${HEAP:-}
PORT=${PORT:-18290}
PAGE=${URL:-/}
TRIVIAL=${TRIVIAL:-/tmp/incidex-trivial-app}
[[ -f "$APP/quarkus-run.jar" ]] || { echo "no $APP/quarkus-run.jar: run ./mvnw -DskipTests package first" >&2; exit 1; }

# ---- the trivial app: Incidex's pom without its tests, plugins' checks and code ------------------
if [[ ! -f "$TRIVIAL/target/quarkus-app/quarkus-run.jar" ]]; then
  mkdir -p "$TRIVIAL/src/main/java/trivial" "$TRIVIAL/src/main/resources/db/migration"
  python3 - "$ROOT/pom.xml" "$TRIVIAL/pom.xml" <<'PY'
import re, sys
pom = open(sys.argv[1]).read()
pom = pom.replace("<artifactId>incidex</artifactId>", "<artifactId>incidex-trivial</artifactId>", 1)
# test-scoped dependencies and the formatter are not part of the app
pom = re.sub(r"\s*<dependency>(?:(?!</dependency>).)*<scope>test</scope>(?:(?!</dependency>).)*</dependency>", "", pom, flags=re.S)
pom = re.sub(r"\s*<plugin>(?:(?!</plugin>).)*spotless-maven-plugin(?:(?!</plugin>).)*</plugin>", "", pom, flags=re.S)
open(sys.argv[2], "w").write(pom)
PY
  cat >"$TRIVIAL/src/main/java/trivial/Note.java" <<'JAVA'
package trivial;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

@Entity
public class Note extends PanacheEntity {
    public String text;
}
JAVA
  cat >"$TRIVIAL/src/main/java/trivial/Hello.java" <<'JAVA'
package trivial;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/")
public class Hello {
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "notes: " + Note.count();
    }
}
JAVA
  cat >"$TRIVIAL/src/main/resources/db/migration/V1__note.sql" <<'SQL'
create sequence note_seq start with 1 increment by 50;
create table note (id bigint primary key, text varchar(200));
SQL
  cat >"$TRIVIAL/src/main/resources/application.properties" <<'PROPS'
quarkus.datasource.db-kind=h2
quarkus.datasource.jdbc.url=jdbc:h2:file:./data/trivial;DB_CLOSE_ON_EXIT=FALSE
quarkus.hibernate-orm.schema-management.strategy=none
quarkus.flyway.migrate-at-start=true
quarkus.http.host=127.0.0.1
PROPS
  echo "building the trivial app in $TRIVIAL" >&2
  (cd "$TRIVIAL" && "$ROOT/mvnw" -B -q -ntp -o package -DskipTests)
fi

[[ "$RUNS" -gt 0 ]] || exit 0 # RUNS=0: only build the trivial app

# ---- one start: seconds until the first 200 ----------------------------------------------------
start_once() { # jar, url path, extra environment...
  local jar=$1 path=$2; shift 2
  local dir; dir=$(mktemp -d /tmp/incidex-start.XXXXXX)
  local t0 t1 pid
  t0=$(date +%s.%N)
  (cd "$dir" && exec env "$@" QUARKUS_HTTP_PORT=$PORT java $HEAP -jar "$jar" >"$dir/app.log" 2>&1) &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT$path"; do
    kill -0 "$pid" 2>/dev/null || { cat "$dir/app.log" >&2; return 1; }
    sleep 0.02
  done
  t1=$(date +%s.%N)
  # CPU seconds (user + system, every thread) the JVM spent up to the first 200: a shared machine moves it
  # far less than the wall-clock time
  local cpu; cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
  python3 -c "print(f'{$t1 - $t0:.2f} {$cpu:.2f}')"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
incidex=(); trivial=(); incidex_cpu=(); trivial_cpu=()
for r in $(seq 1 "$RUNS"); do
  read -r a ac < <(start_once "$(cd "$APP" && pwd)/quarkus-run.jar" "$PAGE")
  read -r b bc < <(start_once "$TRIVIAL/target/quarkus-app/quarkus-run.jar" /)
  incidex+=("$a"); trivial+=("$b"); incidex_cpu+=("$ac"); trivial_cpu+=("$bc")
  echo "run $r: incidex ${a}s (CPU ${ac}s), trivial ${b}s (CPU ${bc}s)"
done
python3 - "${incidex[*]}" "${trivial[*]}" "${incidex_cpu[*]}" "${trivial_cpu[*]}" <<'PY'
import statistics, sys
a, b, ac, bc = ([float(x) for x in arg.split()] for arg in sys.argv[1:5])
ma, mb = statistics.median(a), statistics.median(b)
mac, mbc = statistics.median(ac), statistics.median(bc)
print(f"median: incidex {ma:.2f}s, trivial {mb:.2f}s, ratio {ma / mb:.2f}x")
print(f"median CPU (user + system): incidex {mac:.2f}s, trivial {mbc:.2f}s, ratio {mac / mbc:.2f}x")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
