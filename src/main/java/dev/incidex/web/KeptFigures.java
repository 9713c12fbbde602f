package dev.incidex.web;

import dev.incidex.incident.IncidentQueries;
import dev.incidex.incident.Selection;
import dev.incidex.incident.VendorStats;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vendor page's figures as last computed, reused while the vendor's incidents are unchanged. Each figure is an
 * aggregate over the vendor's whole last year (a vendor with 2,000 incidents cost 1 % of a static file's requests per
 * second computing them per request), while whether anything changed is one aggregate that loads no rows: the stamp
 * {@link IncidentQueries#stamp} that rendered feeds use, which every merge moves. The figures also depend on the
 * reader's zone (their months and days) and on the time (a sliding year, today's date), so a kept set is for one
 * zone and one minute. Each instance keeps its own; the stamp comes from the shared database, so an instance never
 * shows figures another instance has changed.
 */
@ApplicationScoped
public class KeptFigures {

    /** Enough for every vendor of a large catalog read from a few zones; the oldest read go first. */
    static final int MAX_KEPT = 4_000;

    /** What the page shows of a vendor's history as figures, and the component names its filter offers. */
    public record Figures(
            List<VendorStats.Month> months,
            VendorStats.ResolveTimes times,
            List<VendorStats.Day> days,
            List<String> components) {}

    private record Key(String vendorSlug, ZoneId zone, Instant minute) {}

    private record Kept(IncidentQueries.Stamp stamp, Figures figures) {}

    @Inject
    IncidentQueries queries;

    @Inject
    VendorStats stats;

    private final Map<Key, Kept> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
            return size() > MAX_KEPT;
        }
    };

    /** The figures of the vendor as a reader in {@code zone} sees them at {@code now}. */
    public Figures of(String vendorSlug, ZoneId zone, Instant now) {
        // The stamp first: figures computed after a merge it missed are kept under the older stamp and so
        // computed again on the next request, never served stale.
        IncidentQueries.Stamp stamp = queries.stamp(Selection.vendor(vendorSlug));
        Key key = new Key(vendorSlug, zone, now.truncatedTo(ChronoUnit.MINUTES));
        synchronized (kept) {
            Kept k = kept.get(key);
            if (k != null && k.stamp().equals(stamp)) {
                return k.figures();
            }
        }
        Figures figures = new Figures(
                stats.perMonth(vendorSlug, zone, now),
                stats.resolveTimes(vendorSlug, now),
                stats.recentDays(vendorSlug, zone, now),
                stats.components(vendorSlug));
        synchronized (kept) {
            kept.put(key, new Kept(stamp, figures));
        }
        return figures;
    }
}
