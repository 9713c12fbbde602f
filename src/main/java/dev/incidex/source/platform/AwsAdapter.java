package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.array;
import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.incidex.source.support.JsonDocuments;
import dev.incidex.source.support.StatusWords;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the AWS Health Dashboard: the public {@code currentevents} JSON (UTF-16 with a BOM, one
 * event per ARN) or a legacy {@code /rss/*.rss} feed (one item per update, grouped here into
 * events). The catalog URL is the document; which of the two it is is told by its content.
 */
@ApplicationScoped
public class AwsAdapter implements SourceAdapter {

    static final String DASHBOARD = "https://health.aws.amazon.com/health/status";
    private static final Duration GAP = Duration.ofHours(24);
    private static final Pattern GUID = Pattern.compile("#([a-z0-9-]+)_(\\d+)$");
    private static final Pattern HEADLINE = Pattern.compile(
            "^\\s*(Informational message|Service degradation|Service disruption|Service impact|Service is operating normally)\\s*:\\s*",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String kind() {
        return "aws";
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        String text = document.text().stripLeading();
        if (text.startsWith("[") || text.startsWith("{")) {
            return currentEvents(document);
        }
        return feed(FeedEntries.parse(document));
    }

    private static List<ObservedIncident> currentEvents(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, "expected AWS current events (a JSON array)");
        if (!root.isArray()) {
            throw new UnreadableDocumentException(
                    "expected AWS current events (a JSON array), got " + JsonDocuments.describe(root));
        }
        List<ObservedIncident> result = new ArrayList<>();
        try {
            for (JsonNode n : root) {
                result.add(event(n));
            }
        } catch (DateTimeParseException e) {
            throw new UnreadableDocumentException("AWS current events with an unreadable date: " + e.getMessage(), e);
        }
        return result;
    }

    private static ObservedIncident event(JsonNode n) throws UnreadableDocumentException {
        String status = text(n, "status");
        boolean resolved = "0".equals(status);
        List<ObservedUpdate> updates = new ArrayList<>();
        int worst = parse(status);
        for (JsonNode e : array(n, "event_log")) {
            // event_log carries numbers where the event carries strings; text() reads both.
            Instant at = VendorDates.epochSeconds(text(e, "timestamp"));
            int code = parse(text(e, "status"));
            worst = Math.max(worst, code);
            String message = text(e, "message");
            IncidentStatus s = code == 0
                    ? IncidentStatus.RESOLVED
                    : StatusWords.inferWhileOpen(message, IncidentStatus.MONITORING);
            updates.add(new ObservedUpdate(null, s, text(e, "summary"), at, true, VendorText.ofPlain(message)));
        }
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (JsonNode s : n.path("impacted_services")) {
            worst = Math.max(worst, parse(text(s, "max")));
        }
        List<String> components = new ArrayList<>();
        String region = text(n, "region_name");
        n.path("impacted_services").forEach(s -> {
            String name = text(s, "service_name");
            if (name != null) {
                String c = region == null ? name : name + " (" + region + ")";
                if (!components.contains(c)) {
                    components.add(c);
                }
            }
        });
        if (components.isEmpty() && text(n, "service_name") != null) {
            components.add(region == null ? text(n, "service_name") : text(n, "service_name") + " (" + region + ")");
        }
        Instant started = VendorDates.epochSeconds(text(n, "date"));
        if (started == null && !updates.isEmpty()) {
            started = updates.get(0).at();
        }
        ObservedUpdate newest = updates.isEmpty() ? null : updates.get(updates.size() - 1);
        IncidentStatus current =
                resolved ? IncidentStatus.RESOLVED : newest != null ? newest.status() : IncidentStatus.INVESTIGATING;
        if (current.isClosed() && !resolved) {
            current = IncidentStatus.MONITORING;
        }
        Instant resolvedAt = resolved && newest != null ? newest.at() : null;
        String title = text(n, "summary");
        if (title != null) {
            title = StatusWords.withoutTags(title);
        }
        return new ObservedIncident(
                text(n, "arn"),
                title,
                impact(worst),
                current,
                status,
                false,
                started,
                resolvedAt,
                null,
                null,
                true,
                DASHBOARD,
                components,
                updates);
    }

    /**
     * One post of the feed. {@code topic} is the title without its headline and status tags (the
     * English half of a bilingual title), which every post of one event shares; {@code closing} is
     * true when the title carries a closing tag anywhere or the "operating normally" headline.
     */
    private record Item(
            String service,
            String guid,
            String headline,
            String title,
            String topic,
            Instant at,
            String text,
            boolean closing,
            boolean operatingNormally) {}

    /**
     * One item per post. Posts of one service about one topic form an event while each follows the
     * previous within a day; an "operating normally" post ends it, but for a summary tagged closing
     * that follows it within the day. AWS retitles an event's first post
     * "[RESOLVED] …" once it is over, so the event's status comes from a tag on any of its posts, not
     * from the last: a resolved event whose closing post is worded otherwise never stays open. The
     * guid's number is the post's own time, so the event key is the service plus its first post's number.
     */
    private static List<ObservedIncident> feed(SyndFeed feed) {
        List<Item> items = new ArrayList<>();
        Map<String, Integer> serviceOrder =
                new LinkedHashMap<>(); // events are listed by service, as the feed names them
        for (SyndEntry entry : feed.getEntries()) {
            Item item = item(entry);
            items.add(item);
            serviceOrder.putIfAbsent(item.service(), serviceOrder.size());
        }
        items.sort(Comparator.comparing(Item::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        // Open events by service and topic, in the order they began.
        Map<String, List<Item>> open = new LinkedHashMap<>();
        List<List<Item>> events = new ArrayList<>();
        for (Item item : items) {
            String key = item.service() + "\n" + item.topic();
            List<Item> event = open.get(key);
            Item previous = event == null ? null : event.get(event.size() - 1);
            // A closing post after the "operating normally" one is the event's summary, posted hours later.
            boolean continues = previous != null
                    && (!previous.operatingNormally() || item.closing())
                    && (previous.at() == null
                            || item.at() == null
                            || Duration.between(previous.at(), item.at()).compareTo(GAP) <= 0);
            if (!continues) {
                event = new ArrayList<>();
                events.add(event);
                open.put(key, event);
            }
            event.add(item);
        }
        events.sort(
                Comparator.comparing((List<Item> e) -> serviceOrder.get(e.get(0).service())));
        List<ObservedIncident> result = new ArrayList<>();
        for (List<Item> event : events) {
            result.add(event(event));
        }
        return result;
    }

    private static Item item(SyndEntry entry) {
        String rawTitle = entry.getTitle() == null ? "" : entry.getTitle().trim();
        Matcher h = HEADLINE.matcher(rawTitle);
        boolean headed = h.lookingAt();
        String headline = headed ? h.group(1) : null;
        String rest = headed ? rawTitle.substring(h.end()) : rawTitle;
        boolean operatingNormally =
                headline != null && headline.toLowerCase(Locale.ROOT).startsWith("service is operating normally");
        boolean closing = operatingNormally
                || StatusWords.tagged(rest).map(IncidentStatus::isClosed).orElse(false);
        String title = StatusWords.withoutTags(rest);
        // A bilingual title ("[解決済] 東京リージョンの… | [RESOLVED] Network connectivity") names one event
        // in both halves; the English one, last, is the title and the topic.
        int bar = title.lastIndexOf(" | ");
        if (bar >= 0 && bar + 3 < title.length()) {
            title = title.substring(bar + 3).strip();
        }
        String topic = title.toLowerCase(Locale.ROOT);
        String guid = entry.getUri();
        Instant at = VendorDates.of(entry.getPublishedDate());
        String service = "aws";
        Matcher g = guid == null ? null : GUID.matcher(guid);
        if (g != null && g.find()) {
            service = g.group(1);
            if (at == null) {
                at = VendorDates.epochSeconds(g.group(2));
            }
        }
        String body = FeedEntries.body(entry);
        return new Item(service, guid, headline, title, topic, at, body, closing, operatingNormally);
    }

    private static ObservedIncident event(List<Item> items) {
        Item first = items.get(0);
        Item last = items.get(items.size() - 1);
        boolean over = items.stream().anyMatch(Item::closing);
        List<ObservedUpdate> updates = new ArrayList<>();
        Impact worst = null;
        for (Item i : items) {
            VendorText text = VendorText.ofHtml(i.text());
            // The event is over when any post is tagged so; its newest post is then the closing one,
            // even when AWS put the tag on the first post's title.
            IncidentStatus s = over && i == last
                    ? IncidentStatus.RESOLVED
                    : StatusWords.inferWhileOpen(text.plain(), IncidentStatus.MONITORING);
            if (i.at() != null) {
                updates.add(new ObservedUpdate(i.guid(), s, i.headline(), i.at(), true, text));
            }
            Impact impact = headlineImpact(i.headline());
            if (impact != null && (worst == null || impact.severity() > worst.severity())) {
                worst = impact;
            }
        }
        IncidentStatus status = over
                ? IncidentStatus.RESOLVED
                : updates.isEmpty()
                        ? IncidentStatus.INVESTIGATING
                        : updates.get(updates.size() - 1).status();
        Matcher g = first.guid() == null ? null : GUID.matcher(first.guid());
        // No dates and no guid: the title alone keys it, never the fetch time.
        String key = g != null && g.find()
                ? g.group(1) + "_" + g.group(2)
                : first.service() + "_"
                        + (first.at() != null ? first.at().getEpochSecond() : FeedEntries.hash(first.title(), null));
        return new ObservedIncident(
                key,
                last.title(),
                worst,
                status,
                last.headline(),
                false,
                first.at(),
                over ? last.at() : null,
                null,
                null,
                first.at() != null,
                DASHBOARD,
                List.of(first.service()),
                updates);
    }

    /** Headline prefixes, on the current events' scale: informational → none, degradation → minor, disruption → major. */
    static Impact headlineImpact(String headline) {
        if (headline == null) {
            return null;
        }
        String h = headline.toLowerCase(Locale.ROOT);
        if (h.startsWith("informational")) {
            return Impact.NONE;
        }
        if (h.startsWith("service degradation") || h.startsWith("service impact")) {
            return Impact.MINOR;
        }
        if (h.startsWith("service disruption")) {
            return Impact.MAJOR;
        }
        return null;
    }

    /** Status codes "1" informational → none, "2" degraded → minor, "3" disruption → major. */
    static Impact impact(int code) {
        return switch (code) {
            case 1 -> Impact.NONE;
            case 2 -> Impact.MINOR;
            case 3 -> Impact.MAJOR;
            default -> code > 3 ? Impact.MAJOR : null;
        };
    }

    private static int parse(String code) {
        try {
            return code == null ? 0 : Integer.parseInt(code.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
