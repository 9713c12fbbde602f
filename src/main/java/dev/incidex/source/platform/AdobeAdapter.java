package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the document status.adobe.com itself loads, {@code https://data.status.adobe.com/adobestatus/StatusEvents}
 * (the documented Adobe Status API needs a Developer Console project): every incident and maintenance of the
 * last weeks, keyed by id in objects rather than arrays, each split by product with a history keyed by epoch
 * seconds, and texts held apart under {@code messages.<locale>} and referenced by token.
 */
@ApplicationScoped
public class AdobeAdapter implements SourceAdapter {

    private static final String EXPECTED =
            "expected Adobe StatusEvents JSON (an object with \"incidentEvent\" or \"maintenanceEvent\")";

    @Override
    public String kind() {
        return "adobe";
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        if (!root.isObject() || !(root.has("incidentEvent") || root.has("maintenanceEvent"))) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        List<ObservedIncident> result = new ArrayList<>();
        try {
            JsonNode incidents = root.path("incidentEvent");
            for (JsonNode event : values(incidents.path("incidents"))) {
                result.add(event(event, messages(incidents), false));
            }
            JsonNode maintenance = root.path("maintenanceEvent");
            for (JsonNode event : values(maintenance.path("maintenance"))) {
                result.add(event(event, messages(maintenance), true));
            }
        } catch (DateTimeParseException e) {
            throw new UnreadableDocumentException("Adobe StatusEvents with an unreadable date: " + e.getMessage(), e);
        }
        return result;
    }

    /** The English texts by token. */
    private static JsonNode messages(JsonNode section) {
        return section.path("messages").path("en");
    }

    private static List<JsonNode> values(JsonNode object) {
        List<JsonNode> out = new ArrayList<>();
        if (object.isObject()) {
            object.elements().forEachRemaining(out::add);
        }
        return out;
    }

    private record Entry(Instant at, String status, String severity, String titleToken, String messageToken) {}

    private static ObservedIncident event(JsonNode event, JsonNode messages, boolean maintenance) {
        Instant started = VendorDates.epochSeconds(text(event, "startedOn"));
        Instant ended = VendorDates.epochSeconds(text(event, "completedOn"));
        Instant scheduled = VendorDates.epochSeconds(text(event, "scheduledDate"));
        List<String> products = new ArrayList<>();
        // One event is split by product; the same update is repeated under each, so it is kept once.
        Map<String, Entry> history = new LinkedHashMap<>();
        for (JsonNode product : values(event.path("products"))) {
            String name = text(product, "name");
            if (name != null && !products.contains(name)) {
                products.add(name);
            }
            Instant productStart = VendorDates.epochSeconds(text(product, "startedOn"));
            Instant productEnd = VendorDates.epochSeconds(text(product, "endedOn"));
            started = productStart != null && (started == null || productStart.isBefore(started))
                    ? productStart
                    : started;
            ended = productEnd != null && (ended == null || productEnd.isAfter(ended)) ? productEnd : ended;
            var fields = product.path("history").fields();
            while (fields.hasNext()) {
                var f = fields.next();
                JsonNode h = f.getValue();
                String time = text(h, "messageTime") != null ? text(h, "messageTime") : f.getKey();
                Entry e = new Entry(
                        VendorDates.epochSeconds(time),
                        text(h, "status"),
                        text(h, "severity"),
                        text(h, "titleToken"),
                        text(h, "messageToken"));
                history.putIfAbsent(e.at() + "|" + e.messageToken(), e);
            }
        }
        List<Entry> entries = new ArrayList<>(history.values());
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        Entry latest = entries.isEmpty() ? null : entries.get(entries.size() - 1);

        List<ObservedUpdate> updates = new ArrayList<>();
        for (Entry e : entries) {
            String html = fill(message(messages, e.messageToken()), started, ended);
            IncidentStatus s = status(e.status(), html, maintenance, false);
            updates.add(new ObservedUpdate(e.messageToken(), s, e.status(), e.at(), true, VendorText.ofHtml(html)));
        }
        IncidentStatus status = status(
                latest == null ? null : latest.status(),
                updates.isEmpty()
                        ? null
                        : updates.get(updates.size() - 1).text().plain(),
                maintenance,
                ended != null);
        if (!updates.isEmpty() && status.isClosed()) {
            ObservedUpdate last = updates.remove(updates.size() - 1);
            updates.add(
                    new ObservedUpdate(last.vendorKey(), status, last.vendorStatus(), last.at(), true, last.text()));
        }
        String title = latest == null
                ? null
                : VendorText.ofHtml(fill(message(messages, latest.titleToken()), started, ended))
                        .plain();
        if (title == null || title.isBlank()) {
            title = (maintenance ? "Maintenance" : "Incident")
                    + (products.isEmpty() ? "" : ": " + String.join(", ", products));
        }
        Impact impact = maintenance ? Impact.MAINTENANCE : severity(latest == null ? null : latest.severity());
        String id = text(event, "id");
        String url = id == null
                ? null
                : "https://status.adobe.com/" + (maintenance ? "maintenance" : "incidents") + "/" + id;
        Instant start = maintenance ? (started != null ? started : scheduled) : started;
        return new ObservedIncident(
                id,
                title,
                impact,
                status,
                latest == null ? null : latest.status(),
                maintenance,
                status == IncidentStatus.SCHEDULED ? null : start,
                status.isClosed() ? ended : null,
                maintenance ? scheduled : null,
                null,
                true,
                url,
                products,
                updates);
    }

    private static String message(JsonNode messages, String token) {
        if (token == null) {
            return null;
        }
        JsonNode m = messages.path(token);
        return text(m, "htmlMessage") != null ? text(m, "htmlMessage") : text(m, "textMessage");
    }

    /** The texts carry their times as placeholders. */
    private static String fill(String text, Instant start, Instant end) {
        if (text == null) {
            return null;
        }
        return text.replace("{startDateTime}", start == null ? "" : start.toString())
                .replace("{endDateTime}", end == null ? "" : end.toString());
    }

    /**
     * An event is over when it has an end time or says closed; otherwise its word, if it is one of ours, or the
     * words of its text.
     */
    static IncidentStatus status(String word, String text, boolean maintenance, boolean ended) {
        String w = word == null ? "" : word.trim().toLowerCase(Locale.ROOT);
        if (ended || w.matches("closed|resolved|dismissed|canceled|cancelled|completed")) {
            return maintenance ? IncidentStatus.COMPLETED : IncidentStatus.RESOLVED;
        }
        if (maintenance) {
            return w.contains("progress") || w.equals("started")
                    ? IncidentStatus.IN_PROGRESS
                    : IncidentStatus.SCHEDULED;
        }
        IncidentStatus declared = IncidentStatus.fromWord(w);
        return declared != null && !declared.isClosed() && !declared.isMaintenance()
                ? declared
                : StatusWords.inferWhileOpen(text, IncidentStatus.MONITORING);
    }

    /** Adobe's severities: major, minor, and potential (a notice). */
    static Impact severity(String severity) {
        if (severity == null) {
            return null;
        }
        return switch (severity.trim().toLowerCase(Locale.ROOT)) {
            case "major" -> Impact.MAJOR;
            case "minor" -> Impact.MINOR;
            case "potential", "informational" -> Impact.NONE;
            default -> null;
        };
    }
}
