package dev.incidex.source.support;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.UnreadableDocumentException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.xml.sax.InputSource;

/**
 * The one place that sets Rome up and reads what a feed entry carries: its body, link and key, and
 * an entry of no known format as one incident. Every feed-reading adapter goes through here.
 */
public final class FeedEntries {

    private FeedEntries() {}

    /** The feed, RSS or Atom as Rome detects it; DOCTYPEs are refused. */
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

    /** An entry of no known format: one incident whose status is inferred from its words. */
    public static ObservedIncident generic(
            SyndEntry entry, String title, String link, String html, Instant itemDate, Instant receivedAt) {
        VendorText text = VendorText.ofHtml(html);
        String shownTitle = title != null && !title.isBlank() ? title : VendorText.headline(text.plain());
        IncidentStatus status = StatusWords.infer(shownTitle + "\n" + text.plain());
        // No date at all: the time we first saw it. The key below never depends on it, so it is stored once.
        Instant at = itemDate != null ? itemDate : receivedAt;
        String key = entry.getUri() != null && !entry.getUri().isBlank()
                ? entry.getUri().trim()
                : link != null ? link : hash(shownTitle, itemDate);
        ObservedUpdate update = new ObservedUpdate(null, status, null, at, itemDate != null, text);
        // Nothing says the GUID, link or date will stay put: some feeds change them on every poll.
        return new ObservedIncident(
                        key,
                        shownTitle,
                        null,
                        status,
                        null,
                        status.isMaintenance(),
                        at,
                        status.isClosed() ? at : null,
                        null,
                        null,
                        itemDate != null,
                        link,
                        List.of(),
                        List.of(update))
                .withChurningKey();
    }

    /** The entry's title, trimmed; null when it has none. */
    public static String title(SyndEntry entry) {
        return entry.getTitle() == null ? null : entry.getTitle().trim();
    }

    /** When the entry last changed: its updated date, else its published date; null when it has neither. */
    public static Instant date(SyndEntry entry) {
        return entry.getUpdatedDate() != null
                ? VendorDates.of(entry.getUpdatedDate())
                : VendorDates.of(entry.getPublishedDate());
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
    public static String link(SyndEntry entry) {
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
    public static String incidentKey(SyndEntry entry, String link, String title) {
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
                    .digest((Objects.toString(title, "") + "\n" + Objects.toString(date, ""))
                            .getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
