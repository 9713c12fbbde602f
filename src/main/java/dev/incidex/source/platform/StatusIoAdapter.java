package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.array;
import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.incidex.source.support.StatusIoFeedBody;
import dev.incidex.source.support.StatusWords;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads status.io's public status API document ({@code https://api.status.io/1.0/status/<page_id>}):
 * open incidents and active and upcoming maintenance. The page id is not derivable from a vanity
 * status URL, so the catalog URL is that document (a page's RSS or Atom feed is read too, by content). Field names beyond the documented top level are
 * read tolerantly ({@code _id}/{@code id}, {@code messages}/{@code updates}).
 */
@ApplicationScoped
public class StatusIoAdapter implements SourceAdapter {

    private static final String EXPECTED = "expected a status.io status document with a \"result\" object";

    @Override
    public String kind() {
        return "statusio";
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        if (document.text().stripLeading().startsWith("<")) {
            // A page's RSS or Atom feed: its items link /incidents/<id> with the API's ids, so both meet.
            return feed(document);
        }
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        JsonNode result = root.path("result");
        if (!result.isObject()) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        List<ObservedIncident> out =
                new ArrayList<>(JsonDocuments.records(array(result, "incidents"), "_id", n -> entry(n, false, false)));
        JsonNode maintenance = result.path("maintenance");
        out.addAll(JsonDocuments.records(array(maintenance, "active"), "_id", n -> entry(n, true, true)));
        out.addAll(JsonDocuments.records(array(maintenance, "upcoming"), "_id", n -> entry(n, true, false)));
        return out;
    }

    /** Each item as status.io prints it (its updates, oldest first), or, failing that, as any feed's item. */
    private static List<ObservedIncident> feed(FetchedDocument document) throws UnreadableDocumentException {
        List<ObservedIncident> incidents = new ArrayList<>();
        for (SyndEntry entry : FeedEntries.parse(document).getEntries()) {
            String html = FeedEntries.body(entry);
            String link = FeedEntries.link(entry);
            String title = FeedEntries.title(entry);
            ObservedIncident incident = StatusIoFeedBody.incident(entry, title, link, html);
            if (incident == null) {
                incident =
                        FeedEntries.generic(entry, title, link, html, FeedEntries.date(entry), document.receivedAt());
            }
            incidents.add(incident);
        }
        return incidents;
    }

    private static ObservedIncident entry(JsonNode n, boolean maintenance, boolean active)
            throws UnreadableDocumentException {
        String id = text(n, "_id") != null ? text(n, "_id") : text(n, "id");
        List<JsonNode> messages = new ArrayList<>(array(n, "messages"));
        messages.addAll(array(n, "updates"));
        List<ObservedUpdate> updates = new ArrayList<>();
        int worstCode = 0;
        for (JsonNode m : messages) {
            Instant at = VendorDates.iso(first(text(m, "datetime"), text(m, "created_at")));
            String details = first(text(m, "details"), text(m, "message"));
            IncidentStatus s = maintenance
                    ? (active ? IncidentStatus.IN_PROGRESS : IncidentStatus.SCHEDULED)
                    : state(text(m, "state"), details);
            worstCode = Math.max(worstCode, m.path("status").asInt(0));
            updates.add(new ObservedUpdate(text(m, "_id"), s, text(m, "state"), at, true, VendorText.ofHtml(details)));
        }
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        IncidentStatus status = maintenance
                ? (active ? IncidentStatus.IN_PROGRESS : IncidentStatus.SCHEDULED)
                : updates.isEmpty()
                        ? IncidentStatus.INVESTIGATING
                        : updates.get(updates.size() - 1).status();
        Instant plannedStart = VendorDates.iso(text(n, "datetime_planned_start"));
        Instant plannedEnd = VendorDates.iso(text(n, "datetime_planned_end"));
        Instant opened = VendorDates.iso(first(text(n, "datetime_open"), text(n, "datetime")));
        if (opened == null && !updates.isEmpty()) {
            opened = updates.get(0).at();
        }
        Instant started = maintenance && plannedStart != null ? plannedStart : opened;
        List<String> components = new ArrayList<>();
        for (JsonNode c : array(n, "components_affected")) {
            if (text(c, "name") != null && !components.contains(text(c, "name"))) {
                components.add(text(c, "name"));
            }
        }
        Impact impact = maintenance ? Impact.MAINTENANCE : impact(worstCode);
        return new ObservedIncident(
                id,
                text(n, "name"),
                impact,
                status,
                null,
                maintenance,
                started,
                status.isClosed() && !updates.isEmpty()
                        ? updates.get(updates.size() - 1).at()
                        : null,
                maintenance ? plannedStart : null,
                maintenance ? plannedEnd : null,
                true,
                text(n, "url"),
                components,
                updates);
    }

    /** Incident states: 100 Investigating, 200 Identified, 300 Monitoring (also accepted as words); else read from the text. */
    private static IncidentStatus state(String state, String details) {
        if (state != null) {
            switch (state.trim().toLowerCase(Locale.ROOT)) {
                case "100", "investigating":
                    return IncidentStatus.INVESTIGATING;
                case "200", "identified":
                    return IncidentStatus.IDENTIFIED;
                case "300", "monitoring":
                    return IncidentStatus.MONITORING;
                case "resolved":
                    return IncidentStatus.RESOLVED;
                default:
                    break;
            }
        }
        return StatusWords.infer(details);
    }

    /** Status codes: 300 degraded → minor, 400 partial disruption → major, 500 disruption → critical, 600 security → major (300–600 unverified). */
    static Impact impact(int code) {
        if (code >= 600) {
            return Impact.MAJOR;
        }
        if (code >= 500) {
            return Impact.CRITICAL;
        }
        if (code >= 400) {
            return Impact.MAJOR;
        }
        if (code >= 300) {
            return Impact.MINOR;
        }
        return code >= 100 ? Impact.NONE : null;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
