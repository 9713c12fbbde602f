package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.array;
import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedComponent;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.JsonDocuments;
import dev.incidex.source.support.StatusWords;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads Slack's status API v2.0.0 from its base URL ({@code https://slack-status.com}): {@code current}
 * (open incidents) and {@code history} (the last few dozen, open or not). Ids meet across both.
 */
@ApplicationScoped
public class SlackAdapter implements SourceAdapter {

    private static final String EXPECTED =
            "expected Slack status JSON (the history array or an object with \"active_incidents\")";

    @Override
    public String kind() {
        return "slack";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(
                JsonDocuments.under(sourceUrl, "/api/v2.0.0/current"),
                JsonDocuments.under(sourceUrl, "/api/v2.0.0/history"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        return readAll(document).incidents();
    }

    /**
     * {@code current} names the services its active incidents affect (Slack lists no others): those are the
     * components it reports, each as bad as the worst incident naming it, and none while all is well.
     * {@code history} says nothing about now.
     */
    @Override
    public Reading readAll(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        List<ObservedIncident> incidents = incidents(root);
        if (root.isArray()) {
            return new Reading(incidents, null);
        }
        java.util.Map<String, ObservedComponent> affected = new java.util.LinkedHashMap<>();
        for (JsonNode n : array(root, "active_incidents")) {
            String word = text(n, "status");
            if (word != null && !word.equalsIgnoreCase("active")) {
                continue; // announced, resolved or completed: affects nothing now
            }
            Instant updated;
            try {
                updated = VendorDates.iso(text(n, "date_updated"));
            } catch (DateTimeParseException e) {
                updated = null;
            }
            for (JsonNode service : array(n, "services")) {
                if (service.isTextual() && !service.asText().isBlank()) {
                    // Slack's type is the service's state: outage, incident or notice.
                    ObservedComponent c = ObservedComponent.of(null, service.asText(), null, text(n, "type"), updated);
                    affected.merge(
                            c.key(),
                            c,
                            (a, b) -> b.status().severity() > a.status().severity() ? b : a);
                }
            }
        }
        return new Reading(incidents, List.copyOf(affected.values()));
    }

    private static List<ObservedIncident> incidents(JsonNode root) throws UnreadableDocumentException {
        List<JsonNode> items;
        if (root.isArray()) {
            items = new ArrayList<>();
            root.forEach(items::add);
        } else if (root.isObject() && (root.has("active_incidents") || root.has("status"))) {
            items = array(root, "active_incidents");
        } else {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        List<ObservedIncident> result = new ArrayList<>();
        try {
            for (JsonNode n : items) {
                result.add(item(n));
            }
        } catch (DateTimeParseException e) {
            throw new UnreadableDocumentException("Slack status JSON with an unreadable date: " + e.getMessage(), e);
        }
        return result;
    }

    private static ObservedIncident item(JsonNode n) throws UnreadableDocumentException {
        String vendorStatus = text(n, "status");
        String word = vendorStatus == null ? "active" : vendorStatus.toLowerCase(Locale.ROOT);
        boolean maintenance = word.equals("scheduled") || word.equals("completed") || word.equals("cancelled");

        List<ObservedUpdate> notes = new ArrayList<>();
        for (JsonNode note : array(n, "notes")) {
            Instant at = VendorDates.iso(text(note, "date_created"));
            String body = text(note, "body");
            notes.add(new ObservedUpdate(null, null, null, at, true, VendorText.ofPlain(body)));
        }
        // The order of notes is not documented.
        notes.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        IncidentStatus status = status(
                word,
                notes.isEmpty() ? null : notes.get(notes.size() - 1).text().plain());
        List<ObservedUpdate> updates = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            ObservedUpdate u = notes.get(i);
            boolean last = i == notes.size() - 1;
            IncidentStatus s = last
                    ? status
                    : maintenance
                            ? IncidentStatus.SCHEDULED
                            : StatusWords.inferWhileOpen(u.text().plain(), IncidentStatus.MONITORING);
            updates.add(new ObservedUpdate(null, s, last ? vendorStatus : null, u.at(), true, u.text()));
        }

        Instant created = VendorDates.iso(text(n, "date_created"));
        Instant resolved = null;
        if (status.isClosed()) {
            resolved = updates.isEmpty()
                    ? VendorDates.iso(text(n, "date_updated"))
                    : updates.get(updates.size() - 1).at();
        }
        List<String> services = new ArrayList<>();
        for (JsonNode s : array(n, "services")) {
            if (s.isTextual() && !s.asText().isBlank()) {
                services.add(s.asText().trim());
            }
        }
        // A scheduled maintenance is dated when it was announced; its window is only in the text.
        Instant started = status == IncidentStatus.SCHEDULED ? null : created;
        return new ObservedIncident(
                text(n, "id"),
                text(n, "title"),
                maintenance ? Impact.MAINTENANCE : impact(text(n, "type")),
                status,
                vendorStatus,
                maintenance,
                started,
                resolved,
                null,
                null,
                true,
                text(n, "url"),
                services,
                updates);
    }

    /** The mapping in docs/source-kinds.md (slack); an active one's progress is read from its newest note, short of resolution. */
    private static IncidentStatus status(String word, String newestNote) {
        return switch (word) {
            case "resolved" -> IncidentStatus.RESOLVED;
            case "scheduled" -> IncidentStatus.SCHEDULED;
            case "completed", "cancelled" -> IncidentStatus.COMPLETED;
            default -> StatusWords.inferWhileOpen(newestNote, IncidentStatus.MONITORING);
        };
    }

    /** outage → major, incident → minor, notice → none. */
    static Impact impact(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "outage" -> Impact.MAJOR;
            case "incident" -> Impact.MINOR;
            case "notice" -> Impact.NONE;
            default -> null;
        };
    }
}
