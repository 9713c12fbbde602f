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
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A vendor's figures at a glance, each computed by one aggregate query so a vendor with tens of
 * thousands of incidents costs no more memory than one with ten: incidents per month, time to
 * resolve, and the worst impact of each recent day. Months and days are the reader's (in their
 * time zone). Maintenances are not incidents here.
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
        YearMonth last = YearMonth.from(now.atZone(zone));
        List<Instant> bounds = new ArrayList<>();
        for (int k = 0; k <= MONTHS; k++) {
            bounds.add(
                    last.minusMonths(MONTHS - 1 - k).atDay(1).atStartOfDay(zone).toInstant());
        }
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
            query.setParameter("b" + k, bounds.get(k));
        }
        Object[] row = (Object[]) query.getSingleResult();
        List<Month> months = new ArrayList<>();
        for (int k = 0; k < MONTHS; k++) {
            months.add(new Month(last.minusMonths(MONTHS - 1 - k), number(row[k])));
        }
        return months;
    }

    /**
     * Mean and total time to resolve over resolved incidents that started in the 365 days before
     * {@code now}, from the exact instants, not from minutes on a clock.
     */
    public ResolveTimes resolveTimes(String vendorSlug, Instant now) {
        Object[] row = (Object[]) Panache.getEntityManager()
                .createQuery("select count(i), sum((i.resolvedAt - i.startedAt) by nanosecond) from Incident i"
                        + " where i.vendor.slug = :vendor and i.maintenance = false and i.startedAt >= :from"
                        + " and i.startedAt < :now and i.resolvedAt is not null and i.resolvedAt >= i.startedAt")
                .setParameter("vendor", vendorSlug)
                .setParameter("from", now.minus(Duration.ofDays(365)))
                .setParameter("now", now)
                .getSingleResult();
        long count = number(row[0]);
        Duration total = nanos(row[1]);
        return new ResolveTimes(count, count == 0 ? null : total.dividedBy(count), total);
    }

    /**
     * The last ninety days, today last. An incident counts on every day from its start until it was
     * resolved (an open one until now; one closed without a resolved time only on its first day).
     * The incidents of the window are few (their times and impact only), so the days are counted here:
     * one aggregate per day in the query made it a 180-expression statement translated anew per request.
     */
    public List<Day> recentDays(String vendorSlug, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant[] bounds = new Instant[DAYS + 1];
        for (int d = 0; d <= DAYS; d++) {
            bounds[d] = today.minusDays(DAYS - 1 - d).atStartOfDay(zone).toInstant();
        }
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery(
                        "select i.sortAt, i.resolvedAt, i.status, i.impact from Incident i"
                                + " where i.vendor.slug = :vendor and i.maintenance = false and i.sortAt < :end"
                                + " and (i.resolvedAt >= :start or (i.resolvedAt is null"
                                + " and (i.status not in :closed or i.sortAt >= :start)))",
                        Object[].class)
                .setParameter("vendor", vendorSlug)
                .setParameter("closed", IncidentStatus.CLOSED)
                .setParameter("start", bounds[0])
                .setParameter("end", bounds[DAYS])
                .getResultList();
        long[] counts = new long[DAYS];
        int[] worst = new int[DAYS];
        for (Object[] row : rows) {
            Instant sortAt = (Instant) row[0];
            Instant resolvedAt = (Instant) row[1];
            IncidentStatus status = (IncidentStatus) row[2];
            Instant until = resolvedAt != null ? resolvedAt : status != null && status.isClosed() ? sortAt : now;
            int severity = severity((Impact) row[3]);
            for (int d = 0; d < DAYS; d++) {
                if (sortAt.isBefore(bounds[d + 1]) && !until.isBefore(bounds[d])) {
                    counts[d]++;
                    worst[d] = Math.max(worst[d], severity);
                }
            }
        }
        Impact[] bySeverity = {null, null, Impact.NONE, Impact.MINOR, Impact.MAJOR, Impact.CRITICAL};
        List<Day> days = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            days.add(new Day(today.minusDays(DAYS - 1 - d), counts[d], worst[d] > 0, bySeverity[worst[d]]));
        }
        return days;
    }

    /** A day's rank by {@link Impact#severity()}: 0 quiet, 1 "impact unknown" (still a day with an incident), 2 notice, up to 5 critical. */
    private static int severity(Impact impact) {
        return impact == null ? 1 : 2 + Math.max(impact.severity() - 1, 0);
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
