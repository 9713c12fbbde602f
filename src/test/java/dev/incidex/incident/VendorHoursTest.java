package dev.incidex.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.catalog.Source;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The vendor figures read from the kept hours equal the figures counted from the incidents, for vendors whose
 * random incidents the real merge creates, edits, resolves, reopens, re-rates, turns into maintenance and moves,
 * hostile dates included; in zones whose days begin on a UTC hour (read from the hours) and in zones whose days
 * do not (counted: the fallback); at several "now"s. Then V17's fill, run again, makes the very rows the merge kept.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class VendorHoursTest {

    static final List<String> VENDORS = List.of("hoursco-a", "hoursco-b", "hoursco-c");
    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("UTC"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Tokyo"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Lord_Howe"));
    static final Impact[] IMPACTS = {null, Impact.NONE, Impact.MINOR, Impact.MAJOR, Impact.CRITICAL, Impact.MAINTENANCE
    };

    @Inject
    IncidentMerger merger;

    final VendorStats stats = new VendorStats();

    /** What the vendor's document says of one incident now. */
    static final class Told {
        final String key;
        String title;
        Instant startedAt;
        Instant resolvedAt;
        IncidentStatus status = IncidentStatus.INVESTIGATING;
        Impact impact;
        boolean maintenance;
        /** Without an update the stated times stand as stated: a resolution before the start is kept. */
        boolean withUpdate = true;

        Told(String key) {
            this.key = key;
            this.title = "Incident " + key;
        }

        ObservedIncident observed() {
            List<ObservedUpdate> updates = startedAt == null || !withUpdate
                    ? List.of()
                    : List.of(new ObservedUpdate(
                            key + "-u1",
                            IncidentStatus.INVESTIGATING,
                            "investigating",
                            startedAt,
                            true,
                            VendorText.ofPlain("Looking into " + title)));
            return new ObservedIncident(
                    key,
                    title,
                    impact,
                    status,
                    null,
                    maintenance,
                    startedAt,
                    resolvedAt,
                    null,
                    null,
                    true,
                    null,
                    List.of(),
                    updates);
        }
    }

    /**
     * Takes its vendors' incidents down when done: the front page lists the twenty most recently resolved, and the
     * dozens resolved here would push out those of the tests that run after it in the same application.
     */
    @AfterAll
    static void takeDownTheIncidents() {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew()
                .run(() -> Incident.update(
                        "removedAt = ?1, changedAt = ?1 where removedAt is null"
                                + " and vendor.id in (select v.id from Vendor v where v.slug like 'hoursco%')",
                        now));
    }

    @Test
    void figuresFromKeptHoursEqualFiguresCountedFromIncidents() throws Exception {
        Instant now = Instant.now();
        Random random = new Random(17);
        Map<String, Long> sources = new HashMap<>();
        Map<String, List<Told>> told = new HashMap<>();
        for (String vendor : VENDORS) {
            sources.put(
                    vendor,
                    QuarkusTransaction.requiringNew()
                            .call(() ->
                                    Source.<Source>find("vendor.slug", vendor).firstResult().id));
            List<Told> incidents = new ArrayList<>();
            for (int k = 0; k < 14; k++) {
                Told t = new Told(vendor + "-" + k);
                t.startedAt = randomTime(random, now);
                incidents.add(t);
            }
            told.put(vendor, incidents);
        }
        for (int round = 0; round < 12; round++) {
            for (String vendor : VENDORS) {
                List<ObservedIncident> document = new ArrayList<>();
                for (Told t : told.get(vendor)) {
                    if (round > 0 && random.nextInt(3) > 0) {
                        change(t, random, now);
                    }
                    if (round == 0 || random.nextInt(4) > 0) {
                        document.add(t.observed());
                    }
                }
                merger.merge(sources.get(vendor), document);
            }
            if (round % 4 == 3) {
                sameFigures(VENDORS, now, true);
            }
        }
        Map<String, String> kept = rows();
        assertThat(kept).hasSizeGreaterThan(30);
        QuarkusTransaction.requiringNew()
                .run(() -> Incident.getEntityManager().unwrap(Session.class).doWork(VendorHours::rebuild));
        assertThat(rows()).isEqualTo(kept);
    }

    /**
     * Two merges changing one incident at once (two instances, or two sources of one vendor polled together):
     * each counts the change from what it loaded, so the one that commits second must not have overwritten the
     * first one's incident, or the hours would count both changes against one old state.
     */
    @Test
    void concurrentMergesOfOneIncidentKeepTheHoursRight() throws Exception {
        long source = QuarkusTransaction.requiringNew()
                .call(() -> Source.<Source>find("vendor.slug", "hoursco-c").firstResult().id);
        Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int k = 0; k < 20; k++) {
                Told opened = new Told("race-" + k);
                opened.startedAt = start.plusSeconds(k * 7_200L);
                merger.merge(source, List.of(opened.observed()));
                Told resolved = new Told(opened.key);
                resolved.startedAt = opened.startedAt;
                resolved.status = IncidentStatus.RESOLVED;
                resolved.resolvedAt = opened.startedAt.plus(Duration.ofHours(30));
                Told rated = new Told(opened.key);
                rated.startedAt = opened.startedAt;
                rated.impact = Impact.CRITICAL;
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                List<java.util.concurrent.Future<MergeResult>> both = new ArrayList<>();
                for (Told t : List.of(resolved, rated)) {
                    both.add(pool.submit(() -> {
                        together.await();
                        return merger.merge(source, List.of(t.observed()));
                    }));
                }
                for (java.util.concurrent.Future<MergeResult> f : both) {
                    f.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> kept = rows();
        QuarkusTransaction.requiringNew()
                .run(() -> Incident.getEntityManager().unwrap(Session.class).doWork(VendorHours::rebuild));
        assertThat(kept).isEqualTo(rows());
    }

    /** One of the changes a vendor makes to an incident between two polls. */
    private static void change(Told t, Random random, Instant now) {
        switch (random.nextInt(10)) {
            case 0 -> t.title = "Incident " + t.key + " (" + random.nextInt(100) + ")";
            case 1, 2 -> {
                t.status = random.nextInt(4) == 0 ? IncidentStatus.POSTMORTEM : IncidentStatus.RESOLVED;
                Instant from = t.startedAt == null ? now : t.startedAt;
                // Mostly after the start, sometimes (a vendor's slip) before it, sometimes not given at all.
                t.resolvedAt = random.nextInt(6) == 0
                        ? null
                        : from.plusMillis((long) (random.nextDouble() * 20 * 86_400_000L)
                                - (random.nextInt(5) == 0 ? 25 * 86_400_000L : 0));
            }
            case 3 -> {
                t.status = IncidentStatus.IDENTIFIED;
                t.resolvedAt = null;
            }
            case 4 -> t.impact = IMPACTS[random.nextInt(IMPACTS.length)];
            case 5 -> t.maintenance |= random.nextInt(5) == 0;
            case 6 -> t.startedAt = randomTime(random, now);
            case 7 -> {
                // Hostile dates: the year 1, the year 9999 (both refused by the merge), a start weeks ahead.
                t.startedAt = switch (random.nextInt(3)) {
                    case 0 -> Instant.parse("0001-01-01T00:00:00Z");
                    case 1 -> Instant.parse("9999-12-31T23:59:59Z");
                    default -> now.plus(Duration.ofDays(1 + random.nextInt(40)));
                };
                if (random.nextBoolean()) {
                    t.resolvedAt = Instant.parse("9999-01-01T00:00:00Z");
                }
            }
            case 8 -> t.withUpdate = !t.withUpdate;
            default -> {}
        }
    }

    /** Mostly the last year and a half, to the millisecond, some on the hour and some a few weeks ahead. */
    private static Instant randomTime(Random random, Instant now) {
        Instant at = now.minusMillis((long) (random.nextDouble() * 500 * 86_400_000L) - 30 * 86_400_000L);
        return random.nextInt(5) == 0 ? at.truncatedTo(ChronoUnit.HOURS) : at.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Rows stored before the merge refused implausible dates or kept status and resolution together (or written by
     * hand): V17's fill makes hours of them that read as the incidents counted do.
     */
    @Test
    void hoursFilledFromOlderRowsReadAsTheIncidentsCounted() throws Exception {
        Instant now = Instant.now();
        Instant yearOne = Instant.parse("0001-01-01T00:00:00Z");
        Instant year9999 = Instant.parse("9999-12-31T23:59:59.999999Z");
        QuarkusTransaction.requiringNew().run(() -> {
            dev.incidex.catalog.Vendor vendor = new dev.incidex.catalog.Vendor();
            vendor.slug = "hoursco-old";
            vendor.name = "HoursCo Old";
            vendor.origin = dev.incidex.catalog.Vendor.ORIGIN_USER;
            vendor.createdAt = now;
            vendor.persist();
            stored(vendor, "year-one", yearOne, yearOne, null, IncidentStatus.INVESTIGATING, null, false);
            stored(vendor, "one-to-9999", yearOne, yearOne, year9999, IncidentStatus.RESOLVED, Impact.MAJOR, false);
            stored(
                    vendor,
                    "ends-9999",
                    null,
                    now.minus(Duration.ofDays(400)),
                    year9999,
                    IncidentStatus.RESOLVED,
                    Impact.MINOR,
                    false);
            stored(vendor, "starts-9999", year9999, year9999, null, IncidentStatus.IDENTIFIED, Impact.CRITICAL, false);
            Instant tenDaysAgo = now.minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MICROS);
            stored(
                    vendor,
                    "resolved-before-start",
                    tenDaysAgo,
                    tenDaysAgo,
                    tenDaysAgo.minus(Duration.ofDays(20)),
                    IncidentStatus.RESOLVED,
                    Impact.CRITICAL,
                    false);
            stored(
                    vendor,
                    "closed-no-time",
                    null,
                    now.minus(Duration.ofDays(5)),
                    null,
                    IncidentStatus.RESOLVED,
                    Impact.NONE,
                    false);
            stored(
                    vendor,
                    "postmortem-no-time",
                    now.minus(Duration.ofDays(3)),
                    now.minus(Duration.ofDays(3)),
                    null,
                    IncidentStatus.POSTMORTEM,
                    Impact.MAINTENANCE,
                    false);
            stored(
                    vendor,
                    "ahead",
                    now.plus(Duration.ofDays(5)),
                    now.plus(Duration.ofDays(5)),
                    null,
                    IncidentStatus.INVESTIGATING,
                    Impact.MAJOR,
                    false);
            stored(
                    vendor,
                    "maintenance",
                    now.minus(Duration.ofDays(8)),
                    now.minus(Duration.ofDays(8)),
                    now.minus(Duration.ofDays(7)),
                    IncidentStatus.COMPLETED,
                    Impact.MAINTENANCE,
                    true);
            Instant longAgo = now.minus(Duration.ofDays(200)).truncatedTo(ChronoUnit.MICROS);
            stored(
                    vendor,
                    "plain",
                    longAgo,
                    longAgo,
                    longAgo.plusSeconds(7_321).plusNanos(123_000),
                    IncidentStatus.RESOLVED,
                    Impact.MINOR,
                    false);
        });
        QuarkusTransaction.requiringNew()
                .run(() -> Incident.getEntityManager().unwrap(Session.class).doWork(VendorHours::rebuild));
        sameFigures(List.of("hoursco-old"), now, false);
        VendorStats.ResolveTimes times =
                QuarkusTransaction.requiringNew().call(() -> stats.resolveTimes("hoursco-old", now));
        assertThat(times.resolved()).isEqualTo(1);
        assertThat(times.total()).isEqualTo(Duration.ofSeconds(7_321, 123_000));
        List<VendorStats.Day> days =
                QuarkusTransaction.requiringNew().call(() -> stats.recentDays("hoursco-old", ZoneId.of("UTC"), now));
        // Open all along: year-one (open), one-to-9999 and ends-9999 (ended in 9999). The resolution stated before its
        // start counts on its start day; one closed with no time on its own day only.
        assertThat(days.get(VendorStats.DAYS - 1 - 11).incidents()).isEqualTo(3);
        assertThat(days.get(VendorStats.DAYS - 1 - 10).incidents()).isEqualTo(4);
        assertThat(days.get(VendorStats.DAYS - 1 - 10).worst()).isEqualTo(Impact.CRITICAL);
        assertThat(days.get(VendorStats.DAYS - 1 - 5).incidents()).isEqualTo(4);
        assertThat(days.get(VendorStats.DAYS - 1 - 4).incidents()).isEqualTo(3);
    }

    private static void stored(
            dev.incidex.catalog.Vendor vendor,
            String key,
            Instant startedAt,
            Instant sortAt,
            Instant resolvedAt,
            IncidentStatus status,
            Impact impact,
            boolean maintenance) {
        Incident i = new Incident();
        i.vendor = vendor;
        i.vendorKey = key;
        i.title = key;
        i.startedAt = startedAt;
        i.sortAt = sortAt;
        i.resolvedAt = resolvedAt;
        i.status = status;
        i.impact = impact;
        i.maintenance = maintenance;
        i.detectedAt = sortAt;
        i.changedAt = sortAt;
        i.persist();
    }

    private void sameFigures(List<String> vendors, Instant now, boolean manyIncidents) {
        List<Instant> nows = List.of(
                now,
                now.minus(Duration.ofDays(47)).plusSeconds(17 * 60),
                now.plus(Duration.ofDays(29)),
                now.minus(Duration.ofDays(180)).plus(Duration.ofHours(3)).plusMillis(500),
                now.truncatedTo(ChronoUnit.HOURS));
        long monthIncidents = 0;
        long dayIncidents = 0;
        long resolved = 0;
        for (String vendor : vendors) {
            for (Instant at : nows) {
                VendorStats.ResolveTimes times =
                        QuarkusTransaction.requiringNew().call(() -> stats.resolveTimes(vendor, at, true));
                assertThat(times)
                        .as("%s at %s", vendor, at)
                        .isEqualTo(QuarkusTransaction.requiringNew().call(() -> stats.resolveTimes(vendor, at, false)));
                resolved += times.resolved();
                for (ZoneId zone : ZONES) {
                    List<VendorStats.Month> months =
                            QuarkusTransaction.requiringNew().call(() -> stats.perMonth(vendor, zone, at, true));
                    assertThat(months)
                            .as("%s in %s at %s", vendor, zone, at)
                            .isEqualTo(QuarkusTransaction.requiringNew()
                                    .call(() -> stats.perMonth(vendor, zone, at, false)));
                    List<VendorStats.Day> days =
                            QuarkusTransaction.requiringNew().call(() -> stats.recentDays(vendor, zone, at, true));
                    assertThat(days)
                            .as("%s in %s at %s", vendor, zone, at)
                            .isEqualTo(QuarkusTransaction.requiringNew()
                                    .call(() -> stats.recentDays(vendor, zone, at, false)));
                    monthIncidents += months.stream()
                            .mapToLong(VendorStats.Month::incidents)
                            .sum();
                    dayIncidents +=
                            days.stream().mapToLong(VendorStats.Day::incidents).sum();
                }
            }
        }
        if (!manyIncidents) {
            return;
        }
        // Figures that are all zero would prove nothing.
        assertThat(monthIncidents).isGreaterThan(100);
        assertThat(dayIncidents).isGreaterThan(100);
        assertThat(resolved).isGreaterThan(10);
    }

    /** The kept rows with any count, each as its counters. */
    private static Map<String, String> rows() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, String> rows = new TreeMap<>();
            Incident.getEntityManager().unwrap(Session.class).doWork(c -> {
                try (Statement s = c.createStatement();
                        ResultSet r = s.executeQuery("select vendor_id, utc_hour, impact, started, closed_started,"
                                + " closed_ended, resolved, resolve_nanos from vendor_hour")) {
                    while (r.next()) {
                        String counts = r.getLong(4) + " " + r.getLong(5) + " " + r.getLong(6) + " " + r.getLong(7)
                                + " " + r.getBigDecimal(8).toBigInteger();
                        if (!counts.equals("0 0 0 0 0")) {
                            rows.put(
                                    r.getLong(1) + " "
                                            + r.getObject(2, java.time.OffsetDateTime.class)
                                                    .toInstant() + " " + r.getInt(3),
                                    counts);
                        }
                    }
                }
            });
            return rows;
        });
    }
}
