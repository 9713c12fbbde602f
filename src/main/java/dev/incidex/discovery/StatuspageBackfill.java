package dev.incidex.discovery;

import dev.incidex.fetch.AddressPolicy;
import dev.incidex.fetch.FetchOutcome;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.Fetcher;
import dev.incidex.fetch.Validators;
import dev.incidex.incident.IncidentMerger;
import dev.incidex.incident.MergeResult;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.statuspage.StatuspageHistoryPage;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports a newly added Statuspage's older incidents from its HTML history pages, which reach
 * further back than the API's 50. Bounded in pages, incidents and time; never throws, since a
 * failed backfill must not fail adding the vendor.
 */
@ApplicationScoped
public class StatuspageBackfill {

    static final int MAX_PAGES = 3;
    static final int MAX_INCIDENTS = 200;
    static final Duration BUDGET = Duration.ofSeconds(60);

    @Inject
    Fetcher fetcher;

    @Inject
    AddressPolicy policy;

    @Inject
    IncidentMerger merger;

    @Inject
    InstantSource clock;

    /** Merges what the history pages show into the source's vendor; how many incidents were read. */
    public int backfill(long sourceId, String base, String pageTimeZone) {
        try {
            return run(sourceId, base, zone(pageTimeZone));
        } catch (RuntimeException e) {
            Log.warnf(e, "history backfill of %s stopped", base);
            return 0;
        }
    }

    private int run(long sourceId, String base, ZoneId zone) {
        Instant deadline = clock.instant().plus(BUDGET);
        Set<String> codes = new LinkedHashSet<>();
        Set<String> seenPages = new LinkedHashSet<>();
        Deque<String> pages = new ArrayDeque<>(List.of(base + "/history"));
        while (!pages.isEmpty() && seenPages.size() < MAX_PAGES && codes.size() < MAX_INCIDENTS && clock.instant().isBefore(deadline)) {
            String page = pages.poll();
            if (!seenPages.add(page)) {
                continue;
            }
            String html = get(page);
            if (html == null) {
                continue;
            }
            StatuspageHistoryPage.Listing listing = StatuspageHistoryPage.listing(html, page);
            listing.incidentCodes().stream().limit(MAX_INCIDENTS - codes.size()).forEach(codes::add);
            listing.morePages().stream().filter(p -> !seenPages.contains(p)).forEach(pages::add);
        }
        List<ObservedIncident> observed = new ArrayList<>();
        for (String code : codes) {
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
            String url = base + "/incidents/" + code;
            String html = get(url);
            ObservedIncident incident = html == null ? null : StatuspageHistoryPage.incident(html, url, code, zone);
            if (incident != null) {
                observed.add(incident);
            }
        }
        if (!observed.isEmpty()) {
            MergeResult merged = merger.merge(sourceId, observed);
            Log.infof("history backfill of %s: %d incidents read, %d new", base, observed.size(), merged.created());
        }
        return observed.size();
    }

    private String get(String url) {
        FetchOutcome outcome = fetcher.fetchGuarded(URI.create(url), Validators.NONE, policy).toCompletableFuture().join();
        return outcome instanceof Fetched f ? new String(f.body(), StandardCharsets.UTF_8) : null;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException unknown) {
            return null;
        }
    }
}
