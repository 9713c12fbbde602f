#!/usr/bin/env python3
"""The fleet of bench/poll-bench.sh: writes N Statuspage vendors for nginx, changes 5 % of them per
cycle, and reads the figures back from nginx's access log, the app's log and jstat samples."""
import json
import os
import random
import re
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

BASE = datetime(2026, 1, 1, tzinfo=timezone.utc)
# What Incidex asks of each Statuspage source, as a real page serves them.
DOCUMENTS = ("incidents.json", "scheduled-maintenances.json", "components.json")


def incidents(i, updates):
    started = BASE + timedelta(minutes=i % 100000)
    ups = []
    for u in range(updates):
        at = started + timedelta(minutes=5 * u)
        ups.append({"id": f"u{i}x{u}", "status": "investigating" if u == 0 else "monitoring",
                    "body": f"Update {u} on the bench outage of vendor {i}.",
                    "created_at": at.isoformat(), "updated_at": at.isoformat(), "display_at": at.isoformat()})
    ups.reverse()
    return {"page": {"id": f"p{i}", "name": f"Vendor {i}", "url": f"https://status.v{i}.example"},
            "incidents": [{"id": f"inc{i}", "name": f"Bench outage {i}", "status": "investigating",
                           "impact": "minor", "created_at": started.isoformat(), "updated_at": started.isoformat(),
                           "started_at": started.isoformat(), "resolved_at": None,
                           "shortlink": f"https://stspg.io/{i}", "incident_updates": ups, "components": []}]}


def write(work, i, updates):
    d = os.path.join(work, "www", f"v{i}", "api", "v2")
    with open(os.path.join(d, "incidents.json"), "w") as f:
        json.dump(incidents(i, updates), f)


def init(work, n, port):
    n = int(n)
    with open(os.path.join(work, "catalog.yaml"), "w") as cat:
        cat.write("vendors:\n")
        for i in range(n):
            d = os.path.join(work, "www", f"v{i}", "api", "v2")
            os.makedirs(d)
            write(work, i, 1)
            with open(os.path.join(d, "scheduled-maintenances.json"), "w") as f:
                json.dump({"page": {"id": f"p{i}"}, "scheduled_maintenances": []}, f)
            with open(os.path.join(d, "components.json"), "w") as f:
                json.dump({"page": {"id": f"p{i}"}, "components": [
                    {"id": f"c{i}", "name": "API", "status": "operational", "position": 1, "group": False,
                     "group_id": None, "updated_at": BASE.isoformat()}]}, f)
            cat.write(f"  - slug: v{i}\n    name: Vendor {i}\n    sources:\n"
                      f"      - kind: statuspage\n        url: http://127.0.0.1:{port}/v{i}\n")


def etags(work, n):
    for i in range(int(n)):
        for doc in DOCUMENTS:
            path = f"/v{i}/api/v2/{doc}"
            st = os.stat(os.path.join(work, "www") + path)
            print(f'{path} "{int(st.st_mtime):x}-{st.st_size:x}"')


LOG_TIME = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3})")


def log_time(line):
    m = LOG_TIME.match(line)
    return datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S,%f").timestamp() if m else None


def rounds(work):
    """(time, sources, timings dict or None) for each 'polled' line of the app's log, and when it started."""
    started, out = None, []
    with open(os.path.join(work, "app.log"), errors="replace") as f:
        for line in f:
            if started is None and "started in" in line:
                started = log_time(line)
            m = re.search(r"polled (\d+) sources", line)
            if m:
                t = re.search(r"claiming (\d+) ms, fetching (\d+) ms, merging (\d+) ms, bookkeeping (\d+) ms", line)
                out.append((log_time(line), int(m.group(1)), [int(x) for x in t.groups()] if t else None))
    return started, out


def wait_first(work, n, start, timeout):
    n, deadline = int(n), float(start) + float(timeout)
    seen, last = set(), None
    with open(os.path.join(work, "access.log")) as log:
        while time.time() < deadline:
            started, rs = rounds(work)
            total = 0
            for t, k, _ in rs:
                total += k
                if total >= n:
                    print(t)
                    return
            # A round ends when a claim finds fewer sources due than it asked for: with enough sources one never
            # does, and its log line never comes (100 000 sources here). Then the first cycle ends when nginx
            # answered the last source's first request, if two minutes later no round line has covered them all.
            while True:  # read on from where the last look ended
                at = log.tell()
                line = log.readline()
                if not line.endswith("\n"):  # nothing more, or the part of a line nginx has written so far
                    log.seek(at)
                    break
                c = line.split()
                if len(c) == 3 and c[1].endswith("incidents.json") and c[1] not in seen:
                    seen.add(c[1])
                    last = float(c[0])
            if len(seen) >= n and time.time() > last + 120:
                print(f"{last} access")
                return
            time.sleep(0.5)
    print("never")
    sys.exit(1)


def churn(work, n, interval, cycles, quiet="0"):
    """5 % of the vendors change at the start of each of `cycles` intervals; then `quiet` intervals change nothing."""
    n, rnd = int(n), random.Random(13)
    for c in range(int(cycles) + int(quiet)):
        t = time.time()
        if c < int(cycles):
            for i in rnd.sample(range(n), max(1, n // 20)):
                write(work, i, 2 + c)
        time.sleep(max(0.0, float(interval) - (time.time() - t)))


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))]


def bursts(window):
    """Seconds during which requests came, a gap over 1 s ending a burst."""
    busy, a, b = 0.0, None, None
    for t in window:
        if a is None:
            a = b = t
        elif t - b > 1.0:
            busy += b - a
            a = b = t
        else:
            b = t
    return busy + (b - a if a is not None else 0.0)


def report(work, n, interval, bare, rps, ticks="100", quiet="0"):
    n, interval, bare = int(n), float(interval), float(bare)
    started, rs = rounds(work)
    first_line, _, how = open(os.path.join(work, "first.txt")).read().strip().partition(" ")
    first = "never" if first_line in ("", "never") or started is None else f"{float(first_line) - (started + 1.0):.1f} s"
    # claiming / fetching / merging: the app's own sums over the rounds of the first cycle
    claim = fetch = merge = "—"
    if how == "access" and first != "never":
        first += " (nginx's log: no round ended)"
    elif rs and rs[0][2] is not None and first != "never":
        done = float(first_line)
        parts = [r[2] for r in rs if r[0] <= done]
        claim = f"{sum(p[0] for p in parts) / 1000:.1f} s"
        fetch = f"{sum(p[1] for p in parts) / 1000 / 32:.1f} s"
        merge = f"{sum(p[2] + p[3] for p in parts) / 1000 / 2:.1f} s"
    steady_from = float(first_line) if first != "never" else float("inf")
    times, per_uri, requests = [], {}, {}
    with open(os.path.join(work, "access.log")) as f:
        for line in f:
            t, uri, status = line.split()
            times.append(float(t))
            requests.setdefault(uri, []).append((float(t), status))
            if uri.endswith("incidents.json"):
                per_uri.setdefault(uri, []).append(float(t))
    # Periods once the first cycle is over: between two fetches of one source that both came after it.
    periods = [b - a for ts in per_uri.values() for a, b in zip(ts, ts[1:]) if a >= steady_from]
    period = f"median {statistics.median(periods):.0f} s, p90 {pct(periods, 0.9):.0f} s" if periods else "none"
    # A steady cycle is every document's last request ("last": the unchanged cycle when the run ended with a quiet
    # interval), or every document's request before that ("before": the 5 %-changed one). Cycles are told apart by
    # each document's own polls, not by clock windows: polls wait for the poller's next tick, so a source changed at
    # the start of an interval may be polled in the next one.
    ratio, spans = {}, {}
    for name, back in (("last", 1), ("before", 2)):
        cycle = [rs[-back] for rs in requests.values() if len(rs) > back and rs[-back][0] >= steady_from]
        if cycle and first != "never":
            window = sorted(t for t, _ in cycle)
            changed = sum(1 for _, st in cycle if st == "200")
            busy = bursts(window)
            spans[name] = (window[0], window[-1])
            ratio[name] = (f"{busy / (bare * len(window) / (len(DOCUMENTS) * n)):.1f}× ({busy:.1f} s for"
                           f" {len(window)} requests, {changed} of them 200)")
    heap = 0.0
    with open(os.path.join(work, "heap.log")) as f:
        for line in f:
            c = line.split()
            try:
                heap = max(heap, (float(c[2]) + float(c[3]) + float(c[5]) + float(c[7])) / 1024)
            except (ValueError, IndexError):
                pass
    # The app's CPU seconds over the minute each cycle ended, and the load average meanwhile.
    cpu = {}
    samples = []
    with open(os.path.join(work, "cpu.log")) as f:
        for line in f:
            c = line.split()
            if len(c) >= 3:
                db = float(c[3]) / float(ticks) if len(c) > 3 else 0.0
                samples.append((float(c[0]), float(c[1]) / float(ticks), float(c[2]), db))
    # Over the interval in which each cycle's requests came (it ends with the cycle's last request).
    for name, (lo, hi) in spans.items():
        inside = [s for s in samples if hi - interval <= s[0] <= hi + 1.0]
        if len(inside) > 1:
            loads = [s[2] for s in inside]
            db = inside[-1][3] - inside[0][3]
            cpu[name] = (f"{inside[-1][1] - inside[0][1]:.1f} CPU s in {inside[-1][0] - inside[0][0]:.0f} s"
                         + (f", database server {db:.1f} CPU s" if db > 0 else "")
                         + f" (load {min(loads):.1f}–{max(loads):.1f})")
    fetched = sum(len(ts) for ts in per_uri.values())
    if first == "never":
        first = f"not done: {len(per_uri)} of {n} sources fetched"
    # With a quiet interval at the end the last one is the all-304 cycle and the one before had 5 % changed;
    # without, the last one had 5 % changed.
    unchanged, changed = (ratio.get("last", "—"), ratio.get("before", "—")) if int(quiet) else ("—", ratio.get("last", "—"))
    print(f"| {n:,} | {first} | {claim} | {fetch} | {merge} | {unchanged} | {changed} | {period} | {heap:.0f} MB |")
    for name, label in (("last", "last"), ("before", "second-to-last")):
        print(f"app CPU over the minute that ended the {label} cycle: {cpu.get(name, '—')}", file=sys.stderr)
    print(f"bare 304 pass over {len(DOCUMENTS) * n} URLs: {bare:.2f} s ({rps} req/s); incidents.json fetched {fetched} times"
          f" by {len(per_uri)} of {n} sources", file=sys.stderr)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    {"init": init, "etags": etags, "wait-first": wait_first, "churn": churn, "report": report}[cmd](*args)
