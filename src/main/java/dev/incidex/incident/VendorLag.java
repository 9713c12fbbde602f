package dev.incidex.incident;

import dev.incidex.catalog.Vendor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How long a vendor takes to admit an outage: the median, over its latest incidents whose impact start
 * it stated, of the time from that start to its first post. A median, so one incident posted days late
 * does not speak for the rest.
 */
@ApplicationScoped
public class VendorLag {

    public static final int LAST_INCIDENTS = 20;

    /** The median and how many incidents it is over (zero: none stated an impact start). */
    public record Median(Optional<Duration> median, int incidents) {}

    public Median admission(Vendor vendor) {
        List<Incident> recent = Incident.<Incident>find(
                        "select i from Incident i"
                                + " where i.vendor = ?1 and i.maintenance = false and i.statedStart is not null order by i.sortAt desc",
                        vendor)
                .page(0, LAST_INCIDENTS)
                .list();
        List<Duration> lags = recent.stream()
                .map(i -> LagBreakdown.of(i).toFirstPost())
                .flatMap(Optional::stream)
                .sorted()
                .toList();
        if (lags.isEmpty()) {
            return new Median(Optional.empty(), 0);
        }
        int n = lags.size();
        Duration median = n % 2 == 1
                ? lags.get(n / 2)
                : lags.get(n / 2 - 1).plus(lags.get(n / 2)).dividedBy(2);
        return new Median(Optional.of(median), n);
    }
}
