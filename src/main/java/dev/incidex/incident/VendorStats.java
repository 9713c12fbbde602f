package dev.incidex.incident;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A vendor's figures at a glance: incidents per month, time to resolve, and the worst impact of each recent day.
 * Months and days are the reader's (in their time zone). Maintenances are not incidents here. They are read from
 * the hours the merge keeps ({@link VendorHours}), so a vendor with tens of thousands of incidents costs a few rows
 * per hour that had any; a reader whose months or days do not begin on a whole UTC hour (India, Nepal, Lord Howe
 * Island) gets them counted from the incidents, as before the kept hours.
 */
@ApplicationScoped
public class VendorStats {

    public static final int MONTHS = 12;
    public static final int DAYS = 90;

    /** Over the last year: resolved incidents, their mean time to resolve, and their summed durations. */
    public record ResolveTimes(long resolved, Duration mean, Duration total) {}

    /** One calendar month and how many incidents started in it. */
    public record Month(YearMonth month, long incidents) {}

    /**
     * One day and the worst impact of any incident open during it: {@code worst} is empty for a
     * quiet day, else the impact (null when the vendor never said how bad).
     */
    public record Day(LocalDate date, long incidents, boolean any, Impact worst) {}

    /** Incidents that started in each of the last twelve months, the current one last. */
    public List<Month> perMonth(String vendorSlug, ZoneId zone, Instant now) {
        return perMonth(vendorSlug, zone, now, true);
    }

    /** As {@link #perMonth(String, ZoneId, Instant)}; {@code kept} false counts the incidents whatever the zone. */
    List<Month> perMonth(String vendorSlug, ZoneId zone, Instant now, boolean kept) {
        YearMonth last = YearMonth.from(now.atZone(zone));
        Instant[] bounds = new Instant[MONTHS + 1];
        for (int k = 0; k <= MONTHS; k++) {
            bounds[k] =
                    last.minusMonths(MONTHS - 1 - k).atDay(1).atStartOfDay(zone).toInstant();
        }
        long[] counts = kept && onTheHour(bounds) ? keptMonths(vendorSlug, bounds) : countedMonths(vendorSlug, bounds);
        List<Month> months = new ArrayList<>();
        for (int k = 0; k < MONTHS; k++) {
            months.add(new Month(last.minusMonths(MONTHS - 1 - k), counts[k]));
        }
        return months;
    }

    private static long[] keptMonths(String vendorSlug, Instant[] bounds) {
        long[] counts = new long[MONTHS];
        for (Object[] row : hours(vendorSlug, "sum(h.started)", bounds[0], bounds[MONTHS])) {
            counts[slot(bounds, instant(row[0]))] += number(row[1]);
        }
        return counts;
    }

    private static long[] countedMonths(String vendorSlug, Instant[] bounds) {
        StringBuilder select = new StringBuilder("select ");
        for (int k = 0; k < MONTHS; k++) {
            select.append(k == 0 ? "" : ", ")
                    .append("sum(case when i.sortAt >= :b")
                    .append(k)
                    .append(" and i.sortAt < :b")
                    .append(k + 1)
                    .append(" then 1 else 0 end)");
        }
        select.append(" from Incident i where i.vendor.slug = :vendor and i.maintenance = false"
                + " and i.sortAt >= :b0 and i.sortAt < :b" + MONTHS);
        Query query = Panache.getEntityManager().createQuery(select.toString());
        query.setParameter("vendor", vendorSlug);
        for (int k = 0; k <= MONTHS; k++) {
            query.setParameter("b" + k, bounds[k]);
        }
        Object[] row = (Object[]) query.getSingleResult();
        long[] counts = new long[MONTHS];
        for (int k = 0; k < MONTHS; k++) {
            counts[k] = number(row[k]);
        }
        return counts;
    }

    /**
     * Mean and total time to resolve over resolved incidents that started in the 365 days before
     * {@code now}, from the exact instants, not from minutes on a clock.
     */
    public ResolveTimes resolveTimes(String vendorSlug, Instant now) {
        return resolveTimes(vendorSlug, now, true);
    }

    /** As {@link #resolveTimes(String, Instant)}; {@code kept} false counts every incident of the year. */
    ResolveTimes resolveTimes(String vendorSlug, Instant now, boolean kept) {
        Instant from = now.minus(Duration.ofDays(365));
        if (!kept) {
            return resolved(vendorSlug, from, now, now, now);
        }
        // The window is the same in every zone: the kept hours wholly inside it, and the incidents themselves
        // in the part hours at its two ends, so the figures stay exact to the nanosecond.
        Instant firstHour = ceilHour(from);
        Instant lastHour = now.truncatedTo(ChronoUnit.HOURS);
        Object[] row = (Object[]) Panache.getEntityManager()
                .createNativeQuery("select sum(h.resolved), sum(h.resolve_nanos) from vendor_hour h"
                        + " where h.vendor_id = (select v.id from vendor v where v.slug = ?1) and h.utc_hour >= ?2"
                        + " and h.utc_hour < ?3")
                .setParameter(1, vendorSlug)
                .setParameter(2, firstHour)
                .setParameter(3, lastHour)
                .getSingleResult();
        long count = number(row[0]);
        Duration total = nanos(row[1]);
        ResolveTimes ends = resolved(vendorSlug, from, firstHour, lastHour, now);
        count += ends.resolved();
        total = total.plus(ends.total());
        return new ResolveTimes(count, count == 0 ? null : total.dividedBy(count), total);
    }

    /** Resolved incidents that started in [{@code from}, {@code a}) or in [{@code b}, {@code to}). */
    private static ResolveTimes resolved(String vendorSlug, Instant from, Instant a, Instant b, Instant to) {
        Object[] row = (Object[]) Panache.getEntityManager()
                .createQuery("select count(i), sum((i.resolvedAt - i.startedAt) by nanosecond) from Incident i"
                        + " where i.vendor.slug = :vendor and i.maintenance = false"
                        + " and ((i.startedAt >= :from and i.startedAt < :a) or (i.startedAt >= :b and i.startedAt < :to))"
                        + " and i.resolvedAt is not null and i.resolvedAt >= i.startedAt")
                .setParameter("vendor", vendorSlug)
                .setParameter("from", from)
                .setParameter("a", a)
                .setParameter("b", b)
                .setParameter("to", to)
                .getSingleResult();
        long count = number(row[0]);
        Duration total = nanos(row[1]);
        return new ResolveTimes(count, count == 0 ? null : total.dividedBy(count), total);
    }

    /**
     * The last ninety days, today last. An incident counts on every day from its start until it ended
     * ({@link VendorHours#until}: an open one until now; one closed without a resolved time on its first day).
     */
    public List<Day> recentDays(String vendorSlug, ZoneId zone, Instant now) {
        return recentDays(vendorSlug, zone, now, true);
    }

    /** As {@link #recentDays(String, ZoneId, Instant)}; {@code kept} false counts the incidents whatever the zone. */
    List<Day> recentDays(String vendorSlug, ZoneId zone, Instant now, boolean kept) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant[] bounds = new Instant[DAYS + 1];
        for (int d = 0; d <= DAYS; d++) {
            bounds[d] = today.minusDays(DAYS - 1 - d).atStartOfDay(zone).toInstant();
        }
        // counts[d][rank]: incidents open during day d by the rank of their impact (VendorHours.rank).
        long[][] counts = new long[DAYS][6];
        if (kept && onTheHour(bounds)) {
            keptDays(vendorSlug, bounds, counts);
        }
        // The kept hours hold the closed incidents; the open ones, few, are counted here up to now.
        boolean closedToo = !(kept && onTheHour(bounds));
        Query query = Panache.getEntityManager()
                .createQuery("select i.sortAt, i.resolvedAt, i.status, i.impact from Incident i"
                        + " where i.vendor.slug = :vendor and i.maintenance = false and i.sortAt < :end"
                        + (closedToo
                                ? " and (i.sortAt >= :start or i.resolvedAt >= :start"
                                        + " or (i.resolvedAt is null and i.status not in :closed))"
                                : " and i.resolvedAt is null and i.status not in :closed"))
                .setParameter("vendor", vendorSlug)
                .setParameter("closed", IncidentStatus.CLOSED)
                .setParameter("end", bounds[DAYS]);
        if (closedToo) {
            query.setParameter("start", bounds[0]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            Instant sortAt = (Instant) row[0];
            Instant until = VendorHours.until(sortAt, (Instant) row[1], (IncidentStatus) row[2], now);
            int rank = VendorHours.rank((Impact) row[3]);
            for (int d = 0; d < DAYS; d++) {
                if (sortAt.isBefore(bounds[d + 1]) && !until.isBefore(bounds[d])) {
                    counts[d][rank]++;
                }
            }
        }
        Impact[] byRank = {null, null, Impact.NONE, Impact.MINOR, Impact.MAJOR, Impact.CRITICAL};
        List<Day> days = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            int worst = 0;
            for (int r = 1; r < counts[d].length; r++) {
                worst = counts[d][r] > 0 ? r : worst;
            }
            days.add(new Day(
                    today.minusDays(DAYS - 1 - d), Arrays.stream(counts[d]).sum(), worst > 0, byRank[worst]));
        }
        return days;
    }

    /**
     * The closed incidents of each day from the kept hours: those open during [b, b') are the ones sorted before
     * b' less the ones that ended before b (an incident never ends before it starts, {@link VendorHours#until}).
     */
    @SuppressWarnings("unchecked")
    private static void keptDays(String vendorSlug, Instant[] bounds, long[][] counts) {
        long[] started = new long[counts[0].length];
        long[] ended = new long[counts[0].length];
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery(
                        "select null, h.impact, sum(h.closed_started), sum(h.closed_ended) from vendor_hour h"
                                + " where h.vendor_id = (select v.id from vendor v where v.slug = ?1) and h.utc_hour < ?2"
                                + " group by h.impact union all select h.utc_hour, h.impact, h.closed_started, h.closed_ended"
                                + " from vendor_hour h where h.vendor_id = (select v.id from vendor v where v.slug = ?1)"
                                + " and h.utc_hour >= ?2 and h.utc_hour < ?3 order by 1 nulls first")
                .setParameter(1, vendorSlug)
                .setParameter(2, bounds[0])
                .setParameter(3, bounds[DAYS])
                .getResultList();
        int next = 0;
        for (int d = 0; d < DAYS; d++) {
            // Everything sorted before the day's end; what ended before its start, counted before moving on.
            long[] endedBefore = ended.clone();
            while (next < rows.size()
                    && (rows.get(next)[0] == null || instant(rows.get(next)[0]).isBefore(bounds[d + 1]))) {
                Object[] row = rows.get(next++);
                int rank = ((Number) row[1]).intValue();
                started[rank] += number(row[2]);
                ended[rank] += number(row[3]);
                if (row[0] == null || instant(row[0]).isBefore(bounds[d])) {
                    endedBefore[rank] += number(row[3]);
                }
            }
            for (int r = 0; r < started.length; r++) {
                counts[d][r] += started[r] - endedBefore[r];
            }
        }
    }

    /** A vendor's kept hours in [{@code from}, {@code to}), summed over impacts: the hour, then {@code sums}. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> hours(String vendorSlug, String sums, Instant from, Instant to) {
        return Panache.getEntityManager()
                .createNativeQuery("select h.utc_hour, " + sums + " from vendor_hour h"
                        + " where h.vendor_id = (select v.id from vendor v where v.slug = ?1) and h.utc_hour >= ?2"
                        + " and h.utc_hour < ?3 group by h.utc_hour")
                .setParameter(1, vendorSlug)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList();
    }

    /** Whether every bound begins a UTC hour, so whole kept hours add up to the reader's months or days. */
    private static boolean onTheHour(Instant[] bounds) {
        return Arrays.stream(bounds).allMatch(b -> b.getNano() == 0 && Math.floorMod(b.getEpochSecond(), 3600) == 0);
    }

    private static Instant ceilHour(Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        return hour.equals(at) ? at : hour.plus(1, ChronoUnit.HOURS);
    }

    /** The index k of the slot [bounds[k], bounds[k+1]) holding {@code at}. */
    private static int slot(Instant[] bounds, Instant at) {
        int k = Arrays.binarySearch(bounds, at);
        return k >= 0 ? k : -k - 2;
    }

    /** The names of the components a vendor's incidents have affected, for the filter's choices. */
    public List<String> components(String vendorSlug) {
        return Panache.getEntityManager()
                .createQuery(
                        "select distinct n from Incident i join i.components n where i.vendor.slug = :vendor order by n",
                        String.class)
                .setParameter("vendor", vendorSlug)
                .setMaxResults(500)
                .getResultList();
    }

    /** A timestamp as a native query answers it (the drivers differ). */
    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("not a time: " + value);
    }

    /** A sum of nanoseconds; PostgreSQL answers a numeric that may exceed a long, so it is split into seconds first. */
    private static Duration nanos(Object value) {
        if (value == null) {
            return Duration.ZERO;
        }
        BigDecimal[] parts = new BigDecimal(value.toString()).divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
        return Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValue());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
