package dev.incidex.source.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.FeedEntries;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads Azure's status feed: it lists only open incidents, so an empty channel means healthy. An
 * incident that leaves the feed is not closed here (the merge never deletes): Azure's resolution is
 * only seen when an item's title says so in its final clause.
 */
@ApplicationScoped
public class AzureAdapter implements SourceAdapter {

    // "Resolved in North Europe. Impact continues in West Europe": only the last sentence tells the state.
    private static final Pattern CLAUSES = Pattern.compile("(?<=[.;])\\s+");
    private static final Pattern CLOSING = Pattern.compile(
            "^(?:resolved|mitigated|recovered)\\b|\\b(?:resolved|mitigated)\\W*$|\\b(?:has been|have been|is now|are now) (?:resolved|mitigated)\\b",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String kind() {
        return "azure";
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        SyndFeed feed = FeedEntries.parse(document);
        List<ObservedIncident> result = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            result.add(incident(entry));
        }
        return result;
    }

    private static ObservedIncident incident(SyndEntry entry) {
        String title = entry.getTitle() == null ? "" : entry.getTitle().trim();
        VendorText text = VendorText.ofHtml(FeedEntries.body(entry));
        Instant at =
                VendorDates.of(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
        IncidentStatus status = resolved(title) ? IncidentStatus.RESOLVED : IncidentStatus.INVESTIGATING;
        String link = FeedEntries.link(entry);
        // Keyed on what Azure wrote, never on the fetch time; the title's state clause changes, so it is left out when
        // there is a guid.
        String key = entry.getUri() != null && !entry.getUri().isBlank()
                ? entry.getUri().trim()
                : link != null && !isFeedRoot(link) ? link : FeedEntries.hash(firstClause(title), null);
        // No date at all: no start and no dated update, so the merge keeps the time it first saw the incident.
        List<ObservedUpdate> updates =
                at == null ? List.of() : List.of(new ObservedUpdate(null, status, null, at, true, text));
        return new ObservedIncident(
                key,
                title,
                Impact.MINOR,
                status,
                null,
                false,
                at,
                status.isClosed() ? at : null,
                null,
                null,
                false,
                link,
                List.of(),
                updates);
    }

    /** True when the title's final clause declares the incident over. */
    static boolean resolved(String title) {
        String[] clauses = CLAUSES.split(title.trim());
        String last = clauses[clauses.length - 1];
        return CLOSING.matcher(last).find();
    }

    private static String firstClause(String title) {
        return CLAUSES.split(title.trim())[0];
    }

    private static boolean isFeedRoot(String link) {
        return link.replaceFirst("/+$", "").endsWith("/status") || link.contains("/status/feed");
    }
}
