package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.FeedEntries;
import dev.incidex.source.support.JsonDocuments;
import dev.incidex.source.support.StatusWords;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads Algolia's status API from its base URL ({@code https://status.algolia.com}; its {@code /api/v2/*.json}
 * paths answer the page's HTML shell): {@code /1/incidents}, a log of status changes per cluster,
 * {@code {"incidents":{"c23-usw":[{"t":…,"v":{"title":…,"status":"major_outage"}}]}}}. The entries of one
 * title make one incident over the clusters they name; an entry back to {@code operational} ends it there.
 */
@ApplicationScoped
public class AlgoliaAdapter implements SourceAdapter {

    private static final String EXPECTED =
            "expected Algolia status incidents JSON (an object with an \"incidents\" object of clusters)";

    @Override
    public String kind() {
        return "algolia";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(JsonDocuments.under(sourceUrl, "/1/incidents"));
    }

    private record Entry(String cluster, Instant at, String title, String status) {}

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        JsonNode clusters = root.path("incidents");
        if (!clusters.isObject()) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        Map<String, List<Entry>> byTitle = new LinkedHashMap<>();
        try {
            var fields = clusters.fields();
            while (fields.hasNext()) {
                var cluster = fields.next();
                for (JsonNode e : JsonDocuments.array(clusters, cluster.getKey())) {
                    String title = text(e.path("v"), "title");
                    if (title == null) {
                        continue;
                    }
                    Entry entry = new Entry(cluster.getKey(), time(text(e, "t")), title, text(e.path("v"), "status"));
                    byTitle.computeIfAbsent(title, k -> new ArrayList<>()).add(entry);
                }
            }
        } catch (DateTimeParseException e) {
            throw new UnreadableDocumentException(
                    "Algolia status incidents with an unreadable date: " + e.getMessage(), e);
        }
        List<ObservedIncident> result = new ArrayList<>();
        for (List<Entry> entries : byTitle.values()) {
            result.add(incident(entries));
        }
        return result;
    }

    /** Epoch seconds as the log writes them, or an ISO timestamp. */
    private static Instant time(String t) {
        return t != null && t.matches("\\d+(\\.\\d+)?") ? VendorDates.epochSeconds(t) : VendorDates.iso(t);
    }

    private static ObservedIncident incident(List<Entry> entries) {
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<String> clusters = new ArrayList<>();
        Map<String, String> latestByCluster = new LinkedHashMap<>();
        Impact worst = null;
        List<ObservedUpdate> updates = new ArrayList<>();
        for (Entry e : entries) {
            if (!clusters.contains(e.cluster())) {
                clusters.add(e.cluster());
            }
            latestByCluster.put(e.cluster(), e.status());
            Impact impact = impact(e.status());
            worst = impact != null && (worst == null || impact.severity() > worst.severity()) ? impact : worst;
            boolean back = "operational".equalsIgnoreCase(e.status());
            IncidentStatus s = back && latestByCluster.values().stream().allMatch("operational"::equalsIgnoreCase)
                    ? IncidentStatus.RESOLVED
                    : StatusWords.stated(e.title()).filter(x -> !x.isClosed()).orElse(IncidentStatus.INVESTIGATING);
            String word = e.status() == null ? null : e.status().replace('_', ' ');
            updates.add(new ObservedUpdate(
                    null, s, e.status(), e.at(), true, VendorText.ofPlain(e.cluster() + ": " + word)));
        }
        ObservedUpdate newest = updates.get(updates.size() - 1);
        Instant started = entries.get(0).at();
        String title = entries.get(0).title();
        return new ObservedIncident(
                FeedEntries.hash(title, started),
                title,
                worst,
                newest.status(),
                newest.vendorStatus(),
                false,
                started,
                newest.status().isClosed() ? newest.at() : null,
                null,
                null,
                true,
                null,
                clusters,
                updates);
    }

    /** A cluster's status: degraded_performance is minor, partial_outage major, major_outage critical. */
    static Impact impact(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "degraded_performance" -> Impact.MINOR;
            case "partial_outage" -> Impact.MAJOR;
            case "major_outage" -> Impact.CRITICAL;
            default -> null;
        };
    }
}
