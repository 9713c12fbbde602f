#!/usr/bin/env bash
# Runs the image deploy/build-image.sh made (target/incidex-image.tar, by Jib or from Dockerfile.jvm) in a
# container and checks it as the deploy files use it: as user 185, on port 8080, with a 1 GiB memory limit,
# against PostgreSQL, its health paths and pages answering. The offline demo (QUARKUS_PROFILE=demo) gives it
# vendors to poll without a network.
# Exits non-zero on the first check that fails.
#
# Prerequisites (Debian 12, as root): apt-get install podman runc; PostgreSQL on 127.0.0.1:5432 (user postgres,
# trust auth); port 8080 free (the container shares the host's network, to reach that PostgreSQL).
# Settings (environment): PGDATABASE (default incidex_image; dropped and created afresh), IMAGE_WORK as in
# build-image.sh (podman's storage goes there, not to /var/lib/containers).
#
# Why the podman options below, on this kind of machine (a sandbox on cgroup v1 + v2 "hybrid"):
#  - crun (podman's default runtime on Debian 12) refuses to start anything there ("cgroups in hybrid mode not
#    supported"), even with --cgroups=disabled; runc starts it with cgroup v1 and applies --memory;
#  - podman asks for RLIMIT_NOFILE 1048576 and RLIMIT_NPROC 32768, above the hard limits of this sandbox, so
#    setrlimit fails ("Operation not permitted"); smaller ones are given.
# On a machine with Docker: docker load -i target/incidex-image.tar && docker run -p 8080:8080 -e … incidex:latest
set -euo pipefail
cd "$(dirname "$0")/.."

WORK=$(realpath -m "${IMAGE_WORK:-target/image}")
DB=${PGDATABASE:-incidex_image}
NAME=incidex-check
podman_() { podman --root "$WORK/containers" --runroot "$WORK/run" --storage-driver vfs --runtime runc \
    --cgroup-manager cgroupfs "$@"; }

[ -f target/incidex-image.tar ] || { echo "no target/incidex-image.tar: run deploy/build-image.sh first" >&2; exit 1; }
if curl -s -o /dev/null http://127.0.0.1:8080/; then echo "port 8080 is taken" >&2; exit 1; fi
podman_ load -q -i target/incidex-image.tar
podman_ rm -f "$NAME" > /dev/null 2>&1 || true
dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"

started=$(date +%s.%N)
podman_ run -d --name "$NAME" --network host --memory 1g --ulimit nofile=16384:16384 --ulimit nproc=4096:4096 \
    -e QUARKUS_PROFILE=demo \
    -e QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" -e QUARKUS_DATASOURCE_USERNAME=postgres \
    incidex:latest > /dev/null
# vfs storage copies every layer in full (about 2 GB for this image): given back when the check ends
# (this storage is the check's own, under $WORK).
trap 'podman_ logs "$NAME" > "$WORK/check.log" 2>&1; podman_ rm -f -t 10 "$NAME" > /dev/null; podman_ rmi --all --force > /dev/null' EXIT

ready=
for _ in $(seq 1 240); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/q/health/ready)" = 200 ]; then
        ready=$(date +%s.%N)
        break
    fi
    sleep 0.5
done
[ -n "$ready" ] || { echo "not ready after 120 s:"; podman_ logs "$NAME" | tail -30; exit 1; }
echo "ready $(awk "BEGIN { printf \"%.1f\", $ready - $started }") s after podman run;" \
    "Quarkus says: $(podman_ logs "$NAME" 2>&1 | grep -o 'started in [0-9.]*s' | head -1)"

check() {
    local want=$1 path=$2 got
    got=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code}' "http://127.0.0.1:8080$path") || true
    printf '%s %s\n' "$got" "$path"
    [ "$got" = "$want" ] || { echo "expected $want"; exit 1; }
}
check 200 /q/health/live
check 200 /q/health/ready
check 200 /
check 200 /vendors
check 200 /q/metrics
check 200 /feeds/incidents.rss

for _ in $(seq 1 60); do podman_ logs "$NAME" 2>&1 | grep -q "polled" && break; sleep 1; done
podman_ logs "$NAME" 2>&1 | grep -q "polled 8 sources (0 failing)" \
    || { echo "the demo's first poll did not succeed:"; podman_ logs "$NAME" 2>&1 | tail -20; exit 1; }
echo "the demo's first poll: $(podman_ logs "$NAME" 2>&1 | grep -o 'polled 8 sources ([0-9]* failing)' | head -1)"
check 200 /vendors/inky

user=$(podman_ exec "$NAME" id -u)
echo "runs as uid $user"
[ "$user" = 185 ] || { echo "expected uid 185"; exit 1; }
# The entrypoint as it runs, either build's: java itself is PID 1 (so the container's SIGTERM reaches it, not a
# shell that ignores it), with the heap cap and the host the image promises.
cmdline=$(podman_ exec "$NAME" cat /proc/1/cmdline | tr '\0' ' ')
echo "PID 1: $cmdline"
case "$cmdline" in
    "java "*-XX:MaxRAMPercentage=70*-Dquarkus.http.host=0.0.0.0*-jar*quarkus-run.jar*) ;;
    *) echo "expected: java -XX:MaxRAMPercentage=70 -Dquarkus.http.host=0.0.0.0 … -jar …quarkus-run.jar"
       exit 1 ;;
esac
# The heap the entrypoint's -XX:MaxRAMPercentage=70 gives in this container's 1 GiB: ≈ 717 MiB.
heap=$(podman_ exec "$NAME" java -XX:MaxRAMPercentage=70 -XX:+PrintFlagsFinal -version 2> /dev/null \
    | awk '$2 == "MaxHeapSize" { print int($4 / 1048576) }')
echo "max heap in the container: $heap MiB"
[ "$heap" -gt 600 ] && [ "$heap" -lt 750 ] || { echo "expected about 717 MiB"; exit 1; }
echo "image checked: incidex:latest on PostgreSQL database $DB"
