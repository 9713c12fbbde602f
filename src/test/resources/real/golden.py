#!/usr/bin/env python3
"""Reads the real documents by the rules of issue 8, independently of Incidex, and prints expected.tsv.

Usage: python3 golden.py > expected.tsv   (run in src/test/resources/real)

Rules (README.md): an incident starts at the earliest of the stated start and its first displayed
update; a maintenance starts when it went in progress; it is resolved at the first closing update after
the last opening one unless the vendor states a time; a postmortem never moves the resolved time; it
never resolves before it starts. Durations are floored to the minute like the status pages print them.
Feeds print times to the minute, so feed rows are minute-exact.
"""
import html
import json
import re
import sys
from datetime import datetime, timedelta, timezone
from xml.dom import minidom
from zoneinfo import ZoneInfo

UTC = timezone.utc

# kind, file, received (when the archive fetched it, or the document's own date), optional note
DOCUMENTS = [
    # Statuspage single-incident documents: received is the page's own updated_at (listed below, sorted).
    ("atom", "github-history-2023-05-05-first5.atom", "2023-05-05T04:22:16Z"),
    ("atom", "github-history-2024-02-29-first3.atom", "2024-02-29T04:20:53Z"),
    ("atom", "github-history-2024-12-25-first3.atom", "2024-12-25T04:27:16Z"),
    ("atom", "github-history-2025-05-31-first7.atom", "2025-05-31T04:30:47Z"),
    ("atom", "github-history-2025-06-13-first3.atom", "2025-06-13T04:34:17Z"),
    ("atom", "github-history-2025-07-08-first5.atom", "2025-07-08T04:36:24Z"),
    ("atom", "github-history-2025-10-22-first3.atom", "2025-10-22T04:30:45Z"),
    ("rss", "parse-history-2014-01.rss", "2014-01-10T00:00:00Z"),
    ("gcp", "google-cloud-incidents-2022-07-first2.json", "2022-07-03T06:11:35Z"),
    ("aws", "aws-internetconnectivity-us-gov-west-1-2021-12.rss", "2021-12-20T08:05:42Z"),
    # incident.io's Statuspage-compatible summary.json: received is the page's own updated_at.
    ("incidentio", "openai-summary-2026-09-29.json", "2026-09-29T18:29:41Z"),
    # Azure's feed: received is the channel's lastBuildDate.
    ("azure", "azure-status-2026-07-23-westus.rss", "2026-07-23T18:12:58Z"),
    # Instatus summary.json: received is the incident's updatedAt (the summary has no date of its own).
    ("instatus", "perplexity-summary-2026-07-23.json", "2026-07-23T17:50:11Z"),
]


def statuspage_documents():
    import os
    for name in sorted(os.listdir("statuspage")):
        page = json.load(open(f"statuspage/{name}", encoding="utf-8"))["page"]
        yield ("statuspage", name, fmt(iso(page["updated_at"])))

OPEN = {"investigating", "identified", "monitoring", "in progress", "verifying", "scheduled"}
CLOSED = {"resolved", "completed", "postmortem"}


def iso(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).astimezone(UTC)


def fmt(t):
    return "-" if t is None else t.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def duration(start, end):
    if start is None or end is None:
        return "—"
    minutes = int((end - start).total_seconds() // 60)
    if minutes == 0:
        return "<1m"
    d, h, m = minutes // 1440, minutes // 60 % 24, minutes % 60
    if d:
        return f"{d}d {h}h {m}m"
    if h:
        return f"{h}h {m}m"
    return f"{m}m"


def resolved_by_updates(updates):
    """updates: [(time, status word)] oldest first, "update" already replaced by the status it keeps."""
    last_open = max((i for i, (_, s) in enumerate(updates) if s in OPEN), default=-1)
    for t, s in updates[last_open + 1:]:
        if s in CLOSED and s != "postmortem":
            return t
    return None


def row(kind, doc, received, count, key, start, resolved, words):
    if resolved is not None and start is not None and resolved < start:
        resolved = start
    return "\t".join([kind, doc, received, str(count), key, fmt(start), fmt(resolved),
                      duration(start, resolved), str(len(words)), ",".join(words)])


def statuspage_json(kind, doc, received):
    data = json.load(open(f"{kind}/{doc}", encoding="utf-8"))
    incidents = [data["incident"]] if "incident" in data else data["incidents"]
    out = []
    for inc in incidents:
        ups = sorted(inc["incident_updates"], key=lambda u: iso(u["display_at"] or u["created_at"]))
        words = [u["status"].replace("_", " ") for u in ups]
        times = [iso(u["display_at"] or u["created_at"]) for u in ups]
        stated = [iso(inc[f]) for f in ("started_at",) if inc.get(f)]
        start = min(stated + times[:1]) if stated or times else None
        if inc.get("resolved_at"):
            resolved = iso(inc["resolved_at"])
        else:
            resolved = resolved_by_updates(list(zip(times, words)))
        out.append(row(kind, doc, received, len(incidents), inc["id"], start, resolved, words))
    return out


MONTHS = {m: i for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1)}
STAMP = re.compile(r"(?P<mon>[A-Z][a-z]{2})\s+(?P<day>\d{1,2}),\s+(?:(?P<year>\d{4})\s+-\s+)?"
                   r"(?P<h>\d{1,2}):(?P<m>\d{2})\s+(?P<zone>[A-Z]{2,4})")


def zone(word):
    # Statuspage prints the page zone's abbreviation; Parse's page printed "PST" all summer long while the
    # item's own pubDate says -0700, so Pacific words are read with the zone's rules.
    if word in ("PST", "PDT"):
        return ZoneInfo("America/Los_Angeles")
    if word in ("UTC", "GMT"):
        return UTC
    raise ValueError(word)


def stamp(text, latest):
    m = STAMP.search(text)
    if not m:
        raise ValueError(text)
    year = int(m["year"]) if m["year"] else latest.year
    for y in ([year] if m["year"] else [year, year - 1]):
        local = datetime(y, MONTHS[m["mon"]], int(m["day"]), int(m["h"]), int(m["m"]))
        t = local.replace(tzinfo=zone(m["zone"])).astimezone(UTC)
        if m["year"] or t <= latest + timedelta(days=1):
            return t
    raise ValueError(text)


def feed_updates(body, latest):
    body = html.unescape(body) if "&lt;" in body else body
    paras = re.split(r"(?=<p>\s*<small>)", body)
    ups = []
    for p in paras:
        m = re.match(r"<p>\s*<small>(.*?)</small>\s*<br>\s*<strong>(.*?)</strong>", p, re.S)
        if not m:
            continue
        small = re.sub(r"<[^>]+>", "", m[1])
        ups.append((stamp(small, latest), m[2].strip().lower()))
    return list(reversed(ups))


def feed_rows(kind, doc, received):
    d = minidom.parse(f"{kind}/{doc}")
    items = d.getElementsByTagName("entry") or d.getElementsByTagName("item")
    rec = iso(received)
    out = []
    for it in items:
        def text(tag):
            els = it.getElementsByTagName(tag)
            return "".join(n.data for n in els[0].childNodes) if els else None
        link = (it.getElementsByTagName("link")[0].getAttribute("href") or text("link")).strip()
        key = link.rstrip("/").split("/")[-1]
        body = text("content") or text("description")
        ups = feed_updates(body, rec)
        words = [w for _, w in ups]
        # "Update" keeps the status before it; a maintenance starts when it went in progress.
        kept, current = [], None
        for t, w in ups:
            current = current if w == "update" else w
            kept.append((t, current or "investigating"))
        maintenance = any(w in ("scheduled", "in progress", "completed") for w in words)
        if maintenance:
            start = next((t for t, w in kept if w == "in progress"), None)
        elif kept and kept[0][1] in CLOSED:
            start = None  # a lone "Resolved" item: the document does not say when it began
        else:
            start = ups[0][0] if ups else None
        resolved = resolved_by_updates(kept)
        out.append((key, start, resolved, words))
    return [row(kind, doc, received, len(out), k, s, r, w) for k, s, r, w in out]


def aws_rows(kind, doc, received):
    """One item per update; items of one service follow each other until a resolved item (read by hand)."""
    d = minidom.parse(f"{kind}/{doc}")
    items = []
    for it in d.getElementsByTagName("item"):
        def text(tag):
            return "".join(n.data for n in it.getElementsByTagName(tag)[0].childNodes).strip()
        pub = text("pubDate")
        t = datetime.strptime(pub[:-4], "%a, %d %b %Y %H:%M:%S")
        t = t.replace(tzinfo=ZoneInfo("America/Los_Angeles")).astimezone(UTC)
        guid = text("guid").split("#")[-1]
        service, epoch = guid.rsplit("_", 1)
        title = text("title")
        resolved = "[RESOLVED]" in title or title.startswith("Service is operating normally")
        # The word AWS printed for the update is the headline before the colon.
        items.append((t, service, "resolved" if resolved else "open", title.split(":")[0].lower()))
    items.sort()
    # Read by hand: both items are about the one event of 15 Dec 2021 (the second, four hours later, is its
    # summary), and neither opened it, so the start is not in the document.
    events, current = [], None
    for t, service, state, word in items:
        if current is None or current[0] != service or t - current[3] > timedelta(hours=24):
            current = [service, t, [], t]
            events.append(current)
        current[2].append((state, word))
        current[3] = t
    out = []
    for service, first, states, last in events:
        start = None if states[0][0] == "resolved" else first
        resolved = next((t for t, s, st, w in items if s == service and st == "resolved"), None)
        key = f"{service}_{int(first.timestamp())}"
        out.append(row(kind, doc, received, len(events), key, start, resolved, [w for _, w in states]))
    return out


def gcp_rows(kind, doc, received):
    incidents = json.load(open(f"{kind}/{doc}", encoding="utf-8"))
    out = []
    for inc in incidents:
        ups = sorted(inc["updates"], key=lambda u: iso(u["when"]))
        times = [iso(u["when"]) for u in ups]
        start = min([iso(inc["begin"])] + times[:1])
        resolved = iso(inc["end"]) if inc.get("end") else None
        words = [u["status"].lower().replace("_", " ") for u in ups]
        out.append(row(kind, doc, received, len(incidents), inc["id"], start, resolved, words))
    return out


AZURE_START = re.compile(r"Starting at (?:approximately )?(\d{1,2}):(\d{2}) UTC on (\d{1,2}) (\w+) (\d{4})")


def azure_rows(kind, doc, received):
    """Azure lists only open incidents, one item each, and prints no status word: an item is open
    ("investigating") unless its title's final clause says it was resolved or mitigated. Its text states when
    the impact began ("Starting at approximately 14:44 UTC on 23 July 2026"); that is the stated start."""
    d = minidom.parse(f"{kind}/{doc}")
    items = d.getElementsByTagName("item")
    out = []
    for it in items:
        def text(tag):
            return "".join(n.data for n in it.getElementsByTagName(tag)[0].childNodes).strip()
        pub = text("pubDate")  # "Thu, 23 Jul 2026 16:29:09 Z"
        at = datetime.strptime(pub[:-2], "%a, %d %b %Y %H:%M:%S").replace(tzinfo=UTC)
        title = text("title")
        last = re.split(r"(?<=[.;])\s+", title)[-1]
        closed = re.search(r"^(resolved|mitigated)|(resolved|mitigated)\W*$", last, re.I)
        body = html.unescape(re.sub(r"<[^>]+>", " ", html.unescape(text("description"))))
        m = AZURE_START.search(body)
        stated = [datetime.strptime(f"{m[3]} {m[4]} {m[5]} {m[1]}:{m[2]}", "%d %B %Y %H:%M").replace(tzinfo=UTC)] if m else []
        start = min(stated + [at])
        resolved = at if closed else None
        word = "resolved" if closed else "investigating"
        out.append(row(kind, doc, received, len(items), text("guid"), start, resolved, [word]))
    return out


def instatus_rows(kind, doc, received):
    """The summary lists open incidents with their stated start and current status; it carries no updates."""
    data = json.load(open(f"{kind}/{doc}", encoding="utf-8"))
    incidents = data.get("activeIncidents", [])
    out = []
    for inc in incidents:
        start = iso(inc["started"])
        closed = inc["status"].lower() in CLOSED
        resolved = iso(inc["updatedAt"]) if closed else None
        out.append(row(kind, doc, received, len(incidents), inc["id"], start, resolved, []))
    return out


def main():
    print("# kind\tdocument\treceived\tincidents\tvendor key\tstart\tresolved\tduration\tupdates"
          "\tupdate statuses (oldest first)")
    for kind, doc, received in list(statuspage_documents()) + DOCUMENTS:
        if kind in ("statuspage", "incidentio"):
            rows = statuspage_json(kind, doc, received)
        elif kind in ("atom", "rss"):
            rows = feed_rows(kind, doc, received)
        elif kind == "aws":
            rows = aws_rows(kind, doc, received)
        elif kind == "gcp":
            rows = gcp_rows(kind, doc, received)
        elif kind == "azure":
            rows = azure_rows(kind, doc, received)
        elif kind == "instatus":
            rows = instatus_rows(kind, doc, received)
        else:
            raise ValueError(kind)
        for r in rows:
            print(r)


if __name__ == "__main__":
    main()
