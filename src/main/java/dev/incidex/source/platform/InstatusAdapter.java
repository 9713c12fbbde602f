package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.array;
import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedComponent;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.SourceSettings;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.JsonDocuments;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an Instatus page's public {@code /summary.json} from its base URL: the active incidents and
 * maintenances. Resolved ones leave the summary, and {@code page.status} is ignored because it can
 * say UP while an incident is open. The unverified {@code history.rss} is not read here (add it as
 * an {@code rss} source if wanted).
 */
@ApplicationScoped
public class InstatusAdapter implements SourceAdapter {

    private static final String EXPECTED = "expected Instatus summary JSON with \"page\" or \"activeIncidents\"";

    @Override
    public String kind() {
        return "instatus";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(JsonDocuments.under(sourceUrl, "/summary.json"));
    }

    /** The summary lists no components; {@code /v3/components.json} does, where a page serves it. */
    @Override
    public List<URI> componentDocuments(SourceSettings source) {
        return List.of(JsonDocuments.under(source.url(), COMPONENTS));
    }

    @Override
    public Reading readAll(FetchedDocument document) throws UnreadableDocumentException {
        if (document.url() != null && document.url().getPath().endsWith(COMPONENTS)) {
            return new Reading(List.of(), components(document));
        }
        return new Reading(read(document), null);
    }

    /** {@code {components:[{id,name,description,status,group}]}} as pages serve it, or the bare array the docs show. */
    private static List<ObservedComponent> components(FetchedDocument document) throws UnreadableDocumentException {
        String expected = "expected Instatus components JSON (an array, or an object with \"components\")";
        JsonNode root = JsonDocuments.parse(document, expected);
        JsonNode list = root.isArray() ? root : root.path("components");
        if (!list.isArray()) {
            throw new UnreadableDocumentException(expected + ", got " + JsonDocuments.describe(root));
        }
        List<ObservedComponent> result = new ArrayList<>();
        for (JsonNode c : list) {
            String name = text(c, "name");
            if (name == null || name.isBlank()) {
                continue;
            }
            JsonNode g = c.path("group");
            // The group is a name in some answers and an object with one in others.
            String group = g.isObject() ? text(g, "name") : g.isTextual() ? g.asText() : null;
            result.add(ObservedComponent.of(text(c, "id"), name, group, text(c, "status"), null));
        }
        return result;
    }

    static final String COMPONENTS = "/v3/components.json";

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        if (!root.isObject() || !(root.has("page") || root.has("activeIncidents") || root.has("activeMaintenances"))) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        List<ObservedIncident> result = new ArrayList<>();
        try {
            // Both arrays are omitted, not empty, when nothing is active.
            for (JsonNode n : array(root, "activeIncidents")) {
                result.add(incident(n));
            }
            for (JsonNode n : array(root, "activeMaintenances")) {
                result.add(maintenance(n));
            }
        } catch (DateTimeParseException e) {
            throw new UnreadableDocumentException("Instatus summary with an unreadable date: " + e.getMessage(), e);
        }
        return result;
    }

    private static ObservedIncident incident(JsonNode n) {
        String vendorStatus = text(n, "status");
        IncidentStatus status = IncidentStatus.fromWord(vendorStatus);
        Instant started = VendorDates.isoOrJavaScript(text(n, "started"));
        Instant resolved =
                status != null && status.isClosed() ? VendorDates.isoOrJavaScript(text(n, "updatedAt")) : null;
        return new ObservedIncident(
                text(n, "id"),
                text(n, "name"),
                impact(text(n, "impact")),
                status,
                vendorStatus,
                false,
                started,
                resolved,
                null,
                null,
                started != null,
                text(n, "url"),
                List.of(),
                List.of());
    }

    private static ObservedIncident maintenance(JsonNode n) {
        String vendorStatus = text(n, "status");
        IncidentStatus status = switch (vendorStatus == null ? "" : vendorStatus.toUpperCase(Locale.ROOT)) {
            case "INPROGRESS" -> IncidentStatus.IN_PROGRESS;
            case "COMPLETED" -> IncidentStatus.COMPLETED;
            default -> IncidentStatus.SCHEDULED;
        };
        Instant start = VendorDates.isoOrJavaScript(text(n, "start"));
        Instant end = start == null ? null : plusMinutes(start, text(n, "duration"));
        Instant completed = status.isClosed() ? VendorDates.isoOrJavaScript(text(n, "updatedAt")) : null;
        return new ObservedIncident(
                text(n, "id"),
                text(n, "name"),
                Impact.MAINTENANCE,
                status,
                vendorStatus,
                true,
                start,
                completed,
                start,
                end,
                start != null,
                text(n, "url"),
                List.of(),
                List.of());
    }

    /** The summary's {@code duration} is a string of minutes ("90"); anything else gives no end. */
    private static Instant plusMinutes(Instant start, String minutes) {
        if (minutes == null) {
            return null;
        }
        try {
            return start.plusSeconds(Math.round(Double.parseDouble(minutes) * 60));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Instatus has no "critical": a major outage is our worst, a partial one major, as for incident.io. */
    static Impact impact(String impact) {
        if (impact == null) {
            return null;
        }
        return switch (impact.toUpperCase(Locale.ROOT)) {
            case "OPERATIONAL" -> Impact.NONE;
            case "DEGRADEDPERFORMANCE", "MINOROUTAGE" -> Impact.MINOR;
            case "PARTIALOUTAGE" -> Impact.MAJOR;
            case "MAJOROUTAGE" -> Impact.CRITICAL;
            case "UNDERMAINTENANCE" -> Impact.MAINTENANCE;
            default -> null;
        };
    }
}
