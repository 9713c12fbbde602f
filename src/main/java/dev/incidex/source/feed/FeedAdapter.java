package dev.incidex.source.feed;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.StatusWords;
import dev.incidex.source.support.VendorDates;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.xml.sax.InputSource;

/**
 * Reads RSS and Atom feeds with Rome: Statuspage history items, incident.io items, and any other
 * feed as one incident per item. Subclasses only name the kind the user declared; Rome detects the format.
 */
public abstract class FeedAdapter implements SourceAdapter {

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        SyndFeed feed = parse(document);
        List<ObservedIncident> incidents = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            incidents.add(incident(entry, document.receivedAt()));
        }
        return incidents;
    }

    public static SyndFeed parse(FetchedDocument document) throws UnreadableDocumentException {
        SyndFeedInput input = new SyndFeedInput();
        // A DOCTYPE is how XXE and entity-expansion ("billion laughs") attacks arrive; no real feed needs one.
        input.setAllowDoctypes(false);
        try (XmlReader reader = new XmlReader(document.stream(), document.contentType(), true)) {
            return input.build(new InputSource(reader));
        } catch (FeedException | IllegalArgumentException | IOException e) {
            throw new UnreadableDocumentException("not a readable RSS or Atom feed: " + e.getMessage(), e);
        }
    }

    private static ObservedIncident incident(SyndEntry entry, Instant receivedAt) {
        String html = body(entry);
        Instant itemDate = entry.getUpdatedDate() != null ? VendorDates.of(entry.getUpdatedDate()) : VendorDates.of(entry.getPublishedDate());
        String link = link(entry);
        String title = entry.getTitle() == null ? null : entry.getTitle().trim();

        StatuspageHistory.Parsed history = StatuspageHistory.parse(html, itemDate != null ? itemDate : receivedAt);
        if (history != null) {
            return fromHistory(entry, title, link, history);
        }
        IncidentIoFeedBody.Parsed incidentIo = IncidentIoFeedBody.parse(html);
        if (incidentIo != null && itemDate != null) {
            return fromIncidentIo(entry, title, link, itemDate, incidentIo);
        }
        List<ObservedUpdate> statusIo = StatusIoFeedBody.parse(html);
        if (statusIo != null) {
            return fromStatusIo(entry, title, link, statusIo);
        }
        return generic(entry, title, link, html, itemDate, receivedAt);
    }

    /** status.io items print every update with its full date, oldest first. */
    private static ObservedIncident fromStatusIo(SyndEntry entry, String title, String link, List<ObservedUpdate> updates) {
        ObservedUpdate oldest = updates.get(0);
        ObservedUpdate newest = updates.get(updates.size() - 1);
        IncidentStatus status = newest.status();
        return new ObservedIncident(incidentKey(entry, link, title), title, null, status, newest.vendorStatus(),
                status.isMaintenance(), oldest.at(), status.isClosed() ? newest.at() : null, null, null, false, link, List.of(), updates);
    }

    private static ObservedIncident fromHistory(SyndEntry entry, String title, String link, StatuspageHistory.Parsed h) {
        List<ObservedUpdate> updates = h.updates();
        ObservedUpdate oldest = updates.isEmpty() ? null : updates.get(0);
        ObservedUpdate newest = updates.isEmpty() ? null : updates.get(updates.size() - 1);
        IncidentStatus status = newest == null ? (h.maintenance() ? IncidentStatus.SCHEDULED : null) : newest.status();
        boolean maintenance = h.maintenance() || (status != null && status.isMaintenance());
        // Same rule as the JSON view, so both views of a maintenance agree: it starts with its window.
        Instant startedAt = maintenance && h.windowStart() != null ? h.windowStart() : oldest == null ? null : oldest.at();
        Instant resolvedAt = newest != null && status != null && status.isClosed() ? newest.at() : null;
        return new ObservedIncident(incidentKey(entry, link, title), title, null, status,
                newest == null ? null : newest.vendorStatus(), maintenance, startedAt, resolvedAt,
                h.windowStart(), h.windowEnd(), false, link, List.of(), updates);
    }

    private static ObservedIncident fromIncidentIo(SyndEntry entry, String title, String link, Instant at, IncidentIoFeedBody.Parsed b) {
        IncidentStatus status = b.status();
        ObservedUpdate update = new ObservedUpdate(null, status, b.vendorStatus(), at, true, VendorText.ofHtml(b.messageHtml()));
        // A "Scheduled" item is dated when it was announced; the window itself is not in the feed.
        // The feed carries only the latest state: an item first seen closed tells when it ended, not when it began.
        Instant startedAt = status == IncidentStatus.SCHEDULED || status.isClosed() ? null : at;
        return new ObservedIncident(incidentKey(entry, link, title), title, null, status, b.vendorStatus(),
                status.isMaintenance(), startedAt, status.isClosed() ? at : null, null, null, true, link, b.components(), List.of(update));
    }

    private static ObservedIncident generic(SyndEntry entry, String title, String link, String html, Instant itemDate, Instant receivedAt) {
        VendorText text = VendorText.ofHtml(html);
        String shownTitle = title != null && !title.isBlank() ? title : VendorText.headline(text.plain());
        IncidentStatus status = StatusWords.infer(shownTitle + "\n" + text.plain());
        // No date at all: the time we first saw it. The key below never depends on it, so it is stored once.
        Instant at = itemDate != null ? itemDate : receivedAt;
        String key = entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri().trim()
                : link != null ? link : hash(shownTitle, itemDate);
        ObservedUpdate update = new ObservedUpdate(null, status, null, at, itemDate != null, text);
        return new ObservedIncident(key, shownTitle, null, status, null, status.isMaintenance(), at,
                status.isClosed() ? at : null, null, null, itemDate != null, link, List.of(), List.of(update));
    }

    /** Content (content:encoded, Atom content) carries the full HTML; description/summary is the fallback. */
    public static String body(SyndEntry entry) {
        for (SyndContent c : entry.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                return c.getValue();
            }
        }
        return entry.getDescription() == null ? null : entry.getDescription().getValue();
    }

    /** The alternate link: Atom entry ids are numeric internal ids (Statuspage), only the link names the incident. */
    static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().trim();
        }
        for (SyndLink l : entry.getLinks()) {
            if ((l.getRel() == null || l.getRel().equals("alternate")) && l.getHref() != null) {
                return l.getHref().trim();
            }
        }
        return null;
    }

    /**
     * The incident code at the end of the link, so the RSS, Atom and JSON views meet:
     * {@code https://status.inky.com/incidents/q7wz3k1r9h2m#update} and incident.io's
     * {@code https://host//incidents/<ULID>} give the code or ULID.
     */
    private static String incidentKey(SyndEntry entry, String link, String title) {
        if (link != null) {
            String path = link;
            try {
                URI uri = URI.create(link);
                path = uri.getPath() != null ? uri.getPath() : link;
            } catch (IllegalArgumentException notAUri) {
                path = link.replaceAll("[#?].*$", "");
            }
            String[] segments = path.split("/+");
            for (int i = segments.length - 1; i >= 0; i--) {
                if (!segments[i].isBlank()) {
                    return segments[i];
                }
            }
        }
        return entry.getUri() != null ? entry.getUri() : hash(title, VendorDates.of(entry.getPublishedDate()));
    }

    /** Stable across polls: built only from what the vendor wrote, never from the fetch time. */
    public static String hash(String title, Instant date) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((Objects.toString(title, "") + "\n" + Objects.toString(date, "")).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
