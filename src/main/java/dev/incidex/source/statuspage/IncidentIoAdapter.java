package dev.incidex.source.statuspage;

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
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an incident.io status page from its base URL: the Statuspage-compatible
 * {@code /api/v2/incidents.json} (full history, read by {@link StatuspageApi} as for Statuspage) and the widget's
 * {@code /api/v1/summary} (ongoing incidents with their worst impact, maintenances with windows).
 * {@code /scheduled-maintenances/upcoming.json} is a 404 there, so it is not asked for.
 */
@ApplicationScoped
public class IncidentIoAdapter implements SourceAdapter {

    static final String WIDGET = "/api/v1/summary";
    private static final String EXPECTED = "expected incident.io widget JSON with \"ongoing_incidents\"";

    @Override
    public String kind() {
        return "incidentio";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(
                JsonDocuments.under(sourceUrl, "/api/v2/incidents.json"), JsonDocuments.under(sourceUrl, WIDGET));
    }

    @Override
    public boolean listsEverySince(URI document) {
        return document.getPath().endsWith("/api/v2/incidents.json");
    }

    @Override
    public boolean optional(URI document) {
        return document.getPath().endsWith(WIDGET);
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        return readAll(document).incidents();
    }

    /**
     * The widget lists only the components its ongoing incidents and maintenances affect, each with its
     * status now: those are the components it reports (none when all is well).
     */
    @Override
    public Reading readAll(FetchedDocument document) throws UnreadableDocumentException {
        if (document.url() == null || !document.url().getPath().endsWith(WIDGET)) {
            return new Reading(StatuspageApi.read(document), null);
        }
        JsonNode root = widget(document);
        List<ObservedIncident> incidents = widgetIncidents(root);
        java.util.Map<String, ObservedComponent> affected = new java.util.LinkedHashMap<>();
        for (String key : List.of("ongoing_incidents", "in_progress_maintenances", "scheduled_maintenances")) {
            for (JsonNode n : array(root, key)) {
                for (JsonNode c : array(n, "affected_components")) {
                    String name = text(c, "name");
                    if (name == null || name.isBlank()) {
                        continue;
                    }
                    ObservedComponent seen = ObservedComponent.of(
                            text(c, "id"), name, text(c, "group_name"), text(c, "current_status"), null);
                    // A component in two incidents is listed once, with its worse status.
                    affected.merge(
                            seen.key(),
                            seen,
                            (a, b) -> b.status().severity() > a.status().severity() ? b : a);
                }
            }
        }
        return new Reading(incidents, List.copyOf(affected.values()));
    }

    private static JsonNode widget(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        if (!root.isObject()
                || !(root.has("ongoing_incidents")
                        || root.has("scheduled_maintenances")
                        || root.has("in_progress_maintenances"))) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        return root;
    }

    private static List<ObservedIncident> widgetIncidents(JsonNode root) throws UnreadableDocumentException {
        List<ObservedIncident> result = new ArrayList<>();
        try {
            for (JsonNode n : array(root, "ongoing_incidents")) {
                result.add(ongoing(n));
            }
            for (String key : List.of("in_progress_maintenances", "scheduled_maintenances")) {
                for (JsonNode n : array(root, key)) {
                    result.add(maintenance(n));
                }
            }
        } catch (DateTimeParseException e) {
            throw new UnreadableDocumentException(
                    "incident.io widget JSON with an unreadable date: " + e.getMessage(), e);
        }
        return result;
    }

    /** The widget knows no start time; the compatible JSON supplies it, so these times are not marked exact. */
    private static ObservedIncident ongoing(JsonNode n) throws UnreadableDocumentException {
        String vendorStatus = text(n, "status");
        IncidentStatus status = IncidentStatus.fromWord(vendorStatus);
        List<ObservedUpdate> updates = latestUpdate(n, status, vendorStatus);
        return new ObservedIncident(
                text(n, "id"),
                text(n, "name"),
                impact(text(n, "current_worst_impact")),
                status,
                vendorStatus,
                false,
                null,
                null,
                null,
                null,
                false,
                text(n, "url"),
                components(n),
                updates);
    }

    private static ObservedIncident maintenance(JsonNode n) throws UnreadableDocumentException {
        String vendorStatus = text(n, "status");
        IncidentStatus status =
                "maintenance_in_progress".equals(vendorStatus) ? IncidentStatus.IN_PROGRESS : IncidentStatus.SCHEDULED;
        // Scheduled ones carry starts_at/ends_at, in-progress ones started_at/scheduled_end_at.
        Instant from = first(n, "started_at", "starts_at");
        Instant until = first(n, "scheduled_end_at", "ends_at");
        return new ObservedIncident(
                text(n, "id"),
                text(n, "name"),
                Impact.MAINTENANCE,
                status,
                vendorStatus,
                true,
                from,
                null,
                from,
                until,
                false,
                text(n, "url"),
                components(n),
                latestUpdate(n, status, vendorStatus));
    }

    private static List<ObservedUpdate> latestUpdate(JsonNode n, IncidentStatus status, String vendorStatus) {
        Instant at = VendorDates.iso(text(n, "last_update_at"));
        String message = text(n, "last_update_message");
        if (at == null || message == null) {
            return List.of();
        }
        return List.of(new ObservedUpdate(null, status, vendorStatus, at, true, VendorText.ofPlain(message)));
    }

    /** docs/source-kinds.md (incidentio): degraded performance is minor, a partial outage major, a full outage critical. */
    static Impact impact(String worst) {
        if (worst == null) {
            return null;
        }
        return switch (worst.toLowerCase(Locale.ROOT)) {
            case "degraded_performance" -> Impact.MINOR;
            case "partial_outage" -> Impact.MAJOR;
            case "full_outage" -> Impact.CRITICAL;
            default -> null;
        };
    }

    private static List<String> components(JsonNode n) throws UnreadableDocumentException {
        List<String> names = new ArrayList<>();
        for (JsonNode c : array(n, "affected_components")) {
            String name = text(c, "name");
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static Instant first(JsonNode n, String... fields) {
        for (String f : fields) {
            Instant i = VendorDates.iso(text(n, f));
            if (i != null) {
                return i;
            }
        }
        return null;
    }
}
