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
import dev.incidex.source.support.StatusWords;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Better Stack status page's {@code /feed.rss}: one item per update ({@code [Resolved] Title},
 * guid {@code …/incidents/<id>#update-<id>}), grouped here by incident link into one incident with
 * its timeline. The catalog URL is the feed.
 */
@ApplicationScoped
public class BetterStackAdapter implements SourceAdapter {

    private static final Pattern PREFIX = Pattern.compile("^\\s*\\[([^\\]]{2,30})]\\s*");
    private static final Pattern MAINTENANCE_WORDS =
            Pattern.compile("\\b(?:maintenance|scheduled|planned)\\b", Pattern.CASE_INSENSITIVE);

    @Override
    public String kind() {
        return "betterstack";
    }

    private record Item(
            String incident, String link, String updateKey, String label, String title, Instant at, VendorText text) {}

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        SyndFeed feed = FeedEntries.parse(document);
        Map<String, List<Item>> byIncident = new LinkedHashMap<>();
        for (SyndEntry entry : feed.getEntries()) {
            Item item = item(entry);
            byIncident.computeIfAbsent(item.incident(), k -> new ArrayList<>()).add(item);
        }
        List<ObservedIncident> result = new ArrayList<>();
        for (List<Item> items : byIncident.values()) {
            result.add(incident(items));
        }
        return result;
    }

    private static Item item(SyndEntry entry) {
        String raw = entry.getTitle() == null ? "" : entry.getTitle().trim();
        Matcher m = PREFIX.matcher(raw);
        String label = m.lookingAt() ? m.group(1).trim() : null;
        String title = m.lookingAt() ? raw.substring(m.end()).trim() : raw;
        String guid = entry.getUri();
        String link = FeedEntries.link(entry);
        String page = link != null ? link : guid;
        String incident = page == null ? FeedEntries.hash(title, null) : lastSegment(page);
        String updateKey = guid != null && guid.contains("#") ? guid.substring(guid.indexOf('#') + 1) : guid;
        Instant at =
                VendorDates.of(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
        return new Item(
                incident,
                page == null ? null : page.replaceFirst("#.*$", ""),
                updateKey,
                label,
                title,
                at,
                VendorText.ofHtml(FeedEntries.body(entry)));
    }

    private static ObservedIncident incident(List<Item> items) {
        items.sort(Comparator.comparing(Item::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        boolean maintenance = items.stream()
                .anyMatch(i -> (i.label() != null
                                && MAINTENANCE_WORDS.matcher(i.label()).find())
                        || MAINTENANCE_WORDS.matcher(i.title()).find());
        List<ObservedUpdate> updates = new ArrayList<>();
        IncidentStatus current = maintenance ? IncidentStatus.SCHEDULED : IncidentStatus.INVESTIGATING;
        for (Item i : items) {
            current = status(i, maintenance, current);
            if (i.at() != null) {
                updates.add(new ObservedUpdate(i.updateKey(), current, i.label(), i.at(), true, i.text()));
            }
        }
        Item first = items.get(0);
        Item last = items.get(items.size() - 1);
        // A maintenance's [Scheduled] item is dated when it was announced; it starts with its first later update.
        Instant started = !maintenance
                ? first.at()
                : updates.stream()
                        .filter(u -> u.status() != IncidentStatus.SCHEDULED)
                        .map(ObservedUpdate::at)
                        .findFirst()
                        .orElse(null);
        return new ObservedIncident(
                first.incident(),
                last.title(),
                maintenance ? Impact.MAINTENANCE : null,
                current,
                last.label(),
                maintenance,
                started,
                current.isClosed() ? last.at() : null,
                null,
                null,
                first.at() != null,
                last.link(),
                List.of(),
                updates);
    }

    /** The bracketed word names the status; "Update" or an unknown word keeps the previous one. */
    private static IncidentStatus status(Item i, boolean maintenance, IncidentStatus previous) {
        IncidentStatus named = i.label() == null ? null : IncidentStatus.fromWord(i.label());
        if (named == null && i.label() != null) {
            String w = i.label().toLowerCase(Locale.ROOT);
            named = w.equals("maintenance")
                    ? IncidentStatus.IN_PROGRESS
                    : w.equals("update") ? null : StatusWords.infer(i.label());
        }
        if (named == null) {
            return previous;
        }
        if (maintenance && !named.isMaintenance()) {
            return named.isClosed() ? IncidentStatus.COMPLETED : IncidentStatus.IN_PROGRESS;
        }
        return named;
    }

    /** The incident id: the link's last path segment ({@code /incidents/301442}). */
    private static String lastSegment(String link) {
        String path;
        try {
            path = URI.create(link.trim()).getPath();
        } catch (IllegalArgumentException notAUri) {
            path = link.replaceAll("[#?].*$", "");
        }
        if (path == null) {
            path = link;
        }
        String[] segments = path.split("/+");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isBlank()) {
                return segments[i];
            }
        }
        return link;
    }
}
