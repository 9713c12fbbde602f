package dev.incidex.source.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.FeedEntries;
import dev.incidex.source.support.StatusIoFeedBody;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RSS and Atom feeds (Rome set up by {@link FeedEntries}): Statuspage history items, incident.io items, status.io items and any other
 * feed as one incident per item. Subclasses only name the kind the user declared; Rome detects the format.
 */
public abstract class FeedAdapter implements SourceAdapter {

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        SyndFeed feed = FeedEntries.parse(document);
        List<ObservedIncident> incidents = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            incidents.add(incident(entry, document.receivedAt()));
        }
        return incidents;
    }

    private static ObservedIncident incident(SyndEntry entry, Instant receivedAt) {
        String html = FeedEntries.body(entry);
        Instant itemDate = FeedEntries.date(entry);
        String link = FeedEntries.link(entry);
        String title = FeedEntries.title(entry);

        Instant reference = itemDate != null ? itemDate : receivedAt;
        StatuspageHistory.Parsed history = StatuspageHistory.parse(html, reference, latestStamp(reference, receivedAt));
        if (history != null) {
            return fromHistory(entry, title, link, history);
        }
        IncidentIoFeedBody.Parsed incidentIo = IncidentIoFeedBody.parse(html);
        if (incidentIo != null && itemDate != null) {
            return fromIncidentIo(entry, title, link, itemDate, incidentIo);
        }
        ObservedIncident statusIo = StatusIoFeedBody.incident(entry, title, link, html);
        if (statusIo != null) {
            return statusIo;
        }
        return FeedEntries.generic(entry, title, link, html, itemDate, receivedAt);
    }

    /** How far after an item's date a postmortem may still be printed in it. */
    private static final java.time.Duration POSTMORTEM_LATENESS = java.time.Duration.ofDays(60);

    /** The latest instant a year-less stamp of an item may stand for: a little after its date, never after the fetch. */
    private static Instant latestStamp(Instant itemDate, Instant receivedAt) {
        Instant late = itemDate.plus(POSTMORTEM_LATENESS);
        return receivedAt != null && receivedAt.isBefore(late)
                ? (receivedAt.isBefore(itemDate) ? itemDate : receivedAt)
                : late;
    }

    private static ObservedIncident fromHistory(
            SyndEntry entry, String title, String link, StatuspageHistory.Parsed h) {
        List<ObservedUpdate> updates = h.updates();
        ObservedUpdate oldest = updates.isEmpty() ? null : updates.get(0);
        ObservedUpdate newest = updates.isEmpty() ? null : updates.get(updates.size() - 1);
        IncidentStatus status = newest == null ? (h.maintenance() ? IncidentStatus.SCHEDULED : null) : newest.status();
        boolean maintenance = h.maintenance() || (status != null && status.isMaintenance());
        // The feed states neither start nor resolution: Timeline derives both from the updates, as for the
        // JSON view, so a maintenance starts when it went in progress and a postmortem never moves the end.
        Instant startedAt = oldest == null || maintenance ? null : oldest.at();
        return new ObservedIncident(
                FeedEntries.incidentKey(entry, link, title),
                title,
                null,
                status,
                newest == null ? null : newest.vendorStatus(),
                maintenance,
                startedAt,
                null,
                h.windowStart(),
                h.windowEnd(),
                false,
                link,
                List.of(),
                updates);
    }

    private static ObservedIncident fromIncidentIo(
            SyndEntry entry, String title, String link, Instant at, IncidentIoFeedBody.Parsed b) {
        IncidentStatus status = b.status();
        ObservedUpdate update =
                new ObservedUpdate(null, status, b.vendorStatus(), at, true, VendorText.ofHtml(b.messageHtml()));
        // A "Scheduled" item is dated when it was announced; the window itself is not in the feed.
        // The feed carries only the latest state: an item first seen closed tells when it ended, not when it began.
        Instant startedAt = status == IncidentStatus.SCHEDULED || status.isClosed() ? null : at;
        return new ObservedIncident(
                FeedEntries.incidentKey(entry, link, title),
                title,
                null,
                status,
                b.vendorStatus(),
                status.isMaintenance(),
                startedAt,
                status.isClosed() ? at : null,
                null,
                null,
                true,
                link,
                b.components(),
                List.of(update));
    }
}
