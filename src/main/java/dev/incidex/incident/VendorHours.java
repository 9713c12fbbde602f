package dev.incidex.incident;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A vendor's figures kept per UTC hour (table {@code vendor_hour}), so a vendor page sums a few rows instead of
 * counting the vendor's incidents: the one owner of what an incident adds to them. The merge keeps them
 * ({@link Changes}), V17 fills them ({@link #rebuild}), {@link VendorStats} reads them. Each incident adds to two
 * or three rows however long it lasted: the hour it started (sorted) in, the hour it ended in, the hour of its
 * exact start. Maintenances add nothing, as they are not incidents in the figures.
 */
public final class VendorHours {

    private VendorHours() {}

    /** One row: a vendor, a UTC hour and the {@link #rank} of an impact. */
    record Key(long vendorId, Instant hour, int impact) {

        static final Comparator<Key> ORDER =
                Comparator.comparingLong(Key::vendorId).thenComparing(Key::hour).thenComparingInt(Key::impact);
    }

    /** A row's counters (or a change to them); see V17 for what each counts. */
    static final class Counts {
        long started;
        long closedStarted;
        long closedEnded;
        long resolved;
        BigInteger resolveNanos = BigInteger.ZERO;

        boolean isZero() {
            return started == 0
                    && closedStarted == 0
                    && closedEnded == 0
                    && resolved == 0
                    && resolveNanos.signum() == 0;
        }
    }

    /**
     * Until when an incident counts as open, for the days it is counted on: its resolution, else (closed without
     * a resolved time) its start, else {@code now}; never before its start, so a resolution stated before the
     * start counts on the day it started.
     */
    static Instant until(Instant sortAt, Instant resolvedAt, IncidentStatus status, Instant now) {
        Instant until = resolvedAt != null ? resolvedAt : closed(resolvedAt, status) ? sortAt : now;
        return until.isBefore(sortAt) ? sortAt : until;
    }

    /** Over for the figures: resolved, or in a status that says it is over. */
    static boolean closed(Instant resolvedAt, IncidentStatus status) {
        return resolvedAt != null || (status != null && status.isClosed());
    }

    /** A day's rank of an impact: 1 "impact unknown" (still an incident), 2 notice, up to 5 critical; 0 is a quiet day. */
    static int rank(Impact impact) {
        return impact == null ? 1 : 2 + Math.max(impact.severity() - 1, 0);
    }

    /** The values of one incident its figures depend on, taken before the merge changes it and after. */
    record Facts(
            long vendorId,
            boolean maintenance,
            Instant sortAt,
            Instant startedAt,
            Instant resolvedAt,
            IncidentStatus status,
            Impact impact) {

        static Facts of(Incident i) {
            return new Facts(i.vendor.id, i.maintenance, i.sortAt, i.startedAt, i.resolvedAt, i.status, i.impact);
        }

        /** Adds (sign 1) or takes away (sign -1) what this incident counts for. */
        void addTo(Map<Key, Counts> rows, int sign) {
            if (maintenance || sortAt == null) {
                return;
            }
            int impact = rank(this.impact);
            row(rows, sortAt, impact).started += sign;
            if (closed(resolvedAt, status)) {
                row(rows, sortAt, impact).closedStarted += sign;
                row(rows, until(sortAt, resolvedAt, status, null), impact).closedEnded += sign;
            }
            if (startedAt != null && resolvedAt != null && !resolvedAt.isBefore(startedAt)) {
                Counts at = row(rows, startedAt, impact);
                at.resolved += sign;
                Duration d = Duration.between(startedAt, resolvedAt);
                BigInteger nanos = BigInteger.valueOf(d.getSeconds())
                        .multiply(BigInteger.valueOf(1_000_000_000L))
                        .add(BigInteger.valueOf(d.getNano()));
                at.resolveNanos = at.resolveNanos.add(sign > 0 ? nanos : nanos.negate());
            }
        }

        private Counts row(Map<Key, Counts> rows, Instant at, int impact) {
            return rows.computeIfAbsent(new Key(vendorId, at.truncatedTo(ChronoUnit.HOURS), impact), k -> new Counts());
        }
    }

    /** What one transaction's merges changed, written once at its end in key order (so two writers never deadlock). */
    static final class Changes {
        private final Map<Key, Counts> rows = new TreeMap<>(Key.ORDER);

        /** An incident went from {@code before} (null: it is new) to {@code after}. */
        void change(Facts before, Facts after) {
            if (Objects.equals(before, after)) {
                return;
            }
            if (before != null) {
                before.addTo(rows, -1);
            }
            after.addTo(rows, 1);
        }

        boolean isEmpty() {
            return rows.values().stream().allMatch(Counts::isZero);
        }

        /** Adds the changes to the stored rows: one batch, nothing when no figure changed. */
        void write(Connection connection) throws SQLException {
            if (isEmpty()) {
                return;
            }
            try (PreparedStatement add = connection.prepareStatement(upsert(connection))) {
                for (Map.Entry<Key, Counts> e : rows.entrySet()) {
                    if (!e.getValue().isZero()) {
                        bind(add, e.getKey(), e.getValue());
                        add.addBatch();
                    }
                }
                add.executeBatch();
            }
            rows.clear();
        }
    }

    private static final String COLUMNS =
            "vendor_id, utc_hour, impact, started, closed_started, closed_ended, resolved," + " resolve_nanos";

    /** An insert that adds to the row when it exists, safe when two instances add to one row at once. */
    private static String upsert(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
            return "insert into vendor_hour (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict (vendor_id, utc_hour, impact) do update set started = vendor_hour.started + excluded.started,"
                    + " closed_started = vendor_hour.closed_started + excluded.closed_started,"
                    + " closed_ended = vendor_hour.closed_ended + excluded.closed_ended,"
                    + " resolved = vendor_hour.resolved + excluded.resolved,"
                    + " resolve_nanos = vendor_hour.resolve_nanos + excluded.resolve_nanos";
        }
        // H2 knows no "on conflict ... do update"; its MERGE takes the row's lock the same way.
        return "merge into vendor_hour t using (values (cast(? as bigint), cast(? as timestamp with time zone),"
                + " cast(? as smallint), cast(? as bigint), cast(? as bigint), cast(? as bigint), cast(? as bigint),"
                + " cast(? as numeric(38)))) s (" + COLUMNS + ")"
                + " on t.vendor_id = s.vendor_id and t.utc_hour = s.utc_hour and t.impact = s.impact"
                + " when matched then update set started = t.started + s.started,"
                + " closed_started = t.closed_started + s.closed_started, closed_ended = t.closed_ended + s.closed_ended,"
                + " resolved = t.resolved + s.resolved, resolve_nanos = t.resolve_nanos + s.resolve_nanos"
                + " when not matched then insert (" + COLUMNS
                + ") values (s.vendor_id, s.utc_hour, s.impact, s.started,"
                + " s.closed_started, s.closed_ended, s.resolved, s.resolve_nanos)";
    }

    private static void bind(PreparedStatement s, Key key, Counts c) throws SQLException {
        s.setLong(1, key.vendorId());
        s.setObject(2, OffsetDateTime.ofInstant(key.hour(), ZoneOffset.UTC));
        s.setInt(3, key.impact());
        s.setLong(4, c.started);
        s.setLong(5, c.closedStarted);
        s.setLong(6, c.closedEnded);
        s.setLong(7, c.resolved);
        s.setBigDecimal(8, new BigDecimal(c.resolveNanos));
    }

    /**
     * Makes every vendor's rows anew from the stored incidents, with the rule the merge keeps them by (V17 runs
     * it once; it runs in its caller's transaction, so a failed run leaves the rows as they were).
     */
    public static void rebuild(Connection connection) throws SQLException {
        Map<Key, Counts> rows = new TreeMap<>(Key.ORDER);
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("select vendor_id, maintenance, sort_at, started_at, resolved_at, status,"
                        + " impact from incident where maintenance = false")) {
            r.setFetchSize(1_000);
            while (r.next()) {
                new Facts(
                                r.getLong(1),
                                r.getBoolean(2),
                                instant(r, 3),
                                instant(r, 4),
                                instant(r, 5),
                                r.getString(6) == null ? null : IncidentStatus.valueOf(r.getString(6)),
                                r.getString(7) == null ? null : Impact.valueOf(r.getString(7)))
                        .addTo(rows, 1);
            }
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("delete from vendor_hour");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into vendor_hour (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batched = 0;
            for (Map.Entry<Key, Counts> e : rows.entrySet()) {
                bind(insert, e.getKey(), e.getValue());
                insert.addBatch();
                if (++batched % 1_000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime at = r.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
