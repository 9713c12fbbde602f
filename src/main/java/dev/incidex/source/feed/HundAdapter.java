package dev.incidex.source.feed;

import com.rometools.rome.feed.synd.SyndEntry;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Hund.io status page's public Atom feed, {@code /state_feed/feed} under the page's base URL (Hund's
 * REST API needs a key). One entry per issue in its latest state: the title starts with the state in brackets,
 * in the page's language ({@code [Investigating] Login failures}, {@code [Gelöst] Störung Webhosting}).
 */
@ApplicationScoped
public class HundAdapter implements SourceAdapter {

    private static final Pattern PREFIX = Pattern.compile("^\\s*\\[([^\\]]{2,30})]\\s*");

    @Override
    public String kind() {
        return "hund";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(
                sourceUrl.getPath() != null && sourceUrl.getPath().contains("state_feed")
                        ? sourceUrl
                        : JsonDocuments.under(sourceUrl, "/state_feed/feed"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        List<ObservedIncident> result = new ArrayList<>();
        for (SyndEntry entry : FeedEntries.parse(document).getEntries()) {
            result.add(issue(entry));
        }
        return result;
    }

    private static ObservedIncident issue(SyndEntry entry) {
        String raw = entry.getTitle() == null ? "" : entry.getTitle().trim();
        Matcher m = PREFIX.matcher(raw);
        String label = m.lookingAt() ? m.group(1).trim() : null;
        String title = m.lookingAt() ? raw.substring(m.end()).trim() : raw;
        VendorText text = VendorText.ofHtml(FeedEntries.body(entry));
        State state = state(label, title + "\n" + text.plain());
        Instant published = VendorDates.of(entry.getPublishedDate());
        Instant updated = VendorDates.of(entry.getUpdatedDate());
        Instant latest = updated != null ? updated : published;
        String link = FeedEntries.link(entry);
        String key = link != null
                ? lastSegment(link)
                : entry.getUri() != null ? lastSegment(entry.getUri()) : FeedEntries.hash(title, published);
        ObservedUpdate update = new ObservedUpdate(null, state.status(), label, latest, true, text);
        return new ObservedIncident(
                key,
                title,
                state.maintenance() ? Impact.MAINTENANCE : null,
                state.status(),
                label,
                state.maintenance(),
                published,
                state.status().isClosed() ? latest : null,
                null,
                null,
                true,
                link,
                List.of(),
                List.of(update));
    }

    private record State(IncidentStatus status, boolean maintenance) {}

    /**
     * Hund's own labels (and its German ones) first; a Statuspage-style word ({@code Investigating}) through
     * {@link IncidentStatus#fromWord}; anything else ({@code [Information]}) from the words.
     */
    static State state(String label, String words) {
        String l = label == null ? "" : label.toLowerCase(Locale.ROOT);
        State own = switch (l) {
            case "fixed", "gelöst", "behoben" -> new State(IncidentStatus.RESOLVED, false);
            case "ended", "beendet" -> new State(IncidentStatus.COMPLETED, true);
            case "geplant" -> new State(IncidentStatus.SCHEDULED, true);
            case "started", "gestartet" -> new State(IncidentStatus.IN_PROGRESS, true);
            default -> null;
        };
        if (own != null) {
            return own;
        }
        IncidentStatus declared = IncidentStatus.fromWord(label);
        return declared != null
                ? new State(declared, declared.isMaintenance())
                : new State(StatusWords.infer(words), false);
    }

    private static String lastSegment(String s) {
        String path = s.replaceFirst("[#?].*$", "");
        String[] parts = path.split("[/:]+");
        return parts.length == 0 ? s : parts[parts.length - 1];
    }
}
