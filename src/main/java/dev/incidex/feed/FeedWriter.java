package dev.incidex.feed;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import dev.incidex.IncidexConfig;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentUpdate;
import dev.incidex.incident.NumberedUpdate;
import dev.incidex.model.VendorText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * Writes RSS 2.0 and Atom 1.0 with Rome: one item per incident update, identified by a {@code tag:}
 * URI made from the update's database id, so a re-poll shows nothing twice and a new update shows
 * as new. The only class that writes feeds. Items dated outside years 1000 to 9999 are left out: RFC
 * 822 and RFC 3339 dates have four-digit years, and one unwritable date must not cost the whole feed.
 * Its output depends only on its input (never on "now"),
 * so an unchanged feed is byte-for-byte the same and its ETag stays put.
 */
@ApplicationScoped
public class FeedWriter {

    @Inject
    IncidexConfig config;

    /**
     * @param base the absolute base URI of the request, for the links (feed readers need absolute ones)
     * @param selfPath the feed's own path and query, e.g. {@code /vendors/inky/feed.atom}
     */
    public byte[] write(FeedFormat format, FeedHead head, List<NumberedUpdate> items, URI base, String selfPath) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType());
        feed.setEncoding("UTF-8");
        feed.setLanguage("en");
        feed.setTitle(xml(head.title()));
        feed.setDescription(xml(head.description()));
        feed.setLink(absolute(base, head.pagePath()));
        feed.setUri(tag("feed:" + withoutExtension(selfPath)));
        feed.setLinks(List.of(
                link("alternate", "text/html", absolute(base, head.pagePath())),
                link("self", format.mediaType().split(";")[0], absolute(base, selfPath))));
        if (format == FeedFormat.ATOM) {
            // Atom requires an author; RSS's managingEditor must be an e-mail address, which Incidex has none of.
            SyndPerson incidex = new SyndPersonImpl();
            incidex.setName("Incidex");
            feed.setAuthors(List.of(incidex));
        }
        Instant updated = items.stream()
                .map(i -> i.update().postedAt)
                .filter(FeedWriter::writable)
                .findFirst()
                .orElse(writable(head.emptyUpdated()) ? head.emptyUpdated() : Instant.EPOCH);
        feed.setPublishedDate(Date.from(updated));
        List<SyndEntry> entries = new ArrayList<>();
        for (NumberedUpdate item : items) {
            if (writable(item.update().postedAt)) {
                entries.add(entry(format, item, base, selfPath));
            }
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome could not write the " + format.extension() + " feed " + selfPath, e);
        }
    }

    private SyndEntry entry(FeedFormat format, NumberedUpdate item, URI base, String selfPath) {
        IncidentUpdate update = item.update();
        Incident incident = update.incident;
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(xml(title(update)));
        entry.setLink(absolute(
                base, "/vendors/" + incident.vendor.slug + "/incidents/" + incident.id + "#update-" + item.position()));
        // A reader subscribed to several Incidex feeds drops an item whose id it has seen in another feed
        // (Feedly, Thunderbird): the item id names the feed, and the update's own stable id is its category.
        entry.setUri(itemId(selfPath, update.id));
        entry.setPublishedDate(Date.from(update.postedAt));
        entry.setUpdatedDate(Date.from(update.postedAt));
        entry.setAuthor(xml(incident.vendor.name));
        List<SyndCategory> categories = new ArrayList<>();
        categories.add(category(incident.vendor.name));
        if (incident.impact != null) {
            categories.add(category(incident.impact.label()));
        }
        if (incident.maintenance) {
            categories.add(category("Maintenance"));
        }
        SyndCategory updateId = category(updateId(update.id));
        updateId.setTaxonomyUri(tag("update"));
        categories.add(updateId);
        entry.setCategories(categories.stream().distinct().toList());
        if (update.bodyHtml != null && !update.bodyHtml.isBlank()) {
            SyndContent body = new SyndContentImpl();
            if (format == FeedFormat.ATOM) {
                body.setType("html");
                body.setValue(xml(update.bodyHtml));
                entry.setContents(List.of(body));
            } else {
                body.setType("text/html");
                body.setValue(xml(update.bodyHtml));
                entry.setDescription(body);
            }
        }
        return entry;
    }

    /** Whether both date formats can write this time: a year of four digits, in the common era. */
    static boolean writable(Instant at) {
        return at != null && !at.isBefore(FIRST_WRITABLE) && at.isBefore(PAST_WRITABLE);
    }

    private static final Instant FIRST_WRITABLE = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant PAST_WRITABLE = Instant.parse("+10000-01-01T00:00:00Z");

    /** "[Resolved] INKY: Informational Update for Users of Office 365". */
    static String title(IncidentUpdate update) {
        String status = update.status.label();
        return "[" + status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1) + "] "
                + update.incident.vendor.name + ": " + update.incident.title;
    }

    /** The item's id: unique per feed, the same in the feed's RSS and Atom. */
    String itemId(String selfPath, long updateId) {
        return tag("feed:" + withoutExtension(selfPath) + ":update:" + updateId);
    }

    /** The update's id, the same in every feed that carries it. */
    String updateId(long updateId) {
        return tag("update:" + updateId);
    }

    /**
     * Text as XML may carry it: rows stored before the merge dropped the characters XML forbids may
     * still hold them, and one such character would make the whole feed fail to write.
     */
    private static String xml(String text) {
        return VendorText.printable(text);
    }

    private String tag(String specific) {
        return "tag:" + config.feed().tagAuthority() + ":" + specific;
    }

    private static String withoutExtension(String selfPath) {
        // RSS and Atom of one feed are one feed: the id names it without the format.
        return selfPath.replaceFirst("\\.(rss|atom)(?=\\?|$)", "");
    }

    private static String absolute(URI base, String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path).toString();
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static SyndCategory category(String name) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(xml(name));
        return category;
    }
}
