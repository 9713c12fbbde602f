package dev.incidex.source.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedComponent;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.JsonDocuments;
import dev.incidex.source.support.VendorDates;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one document of Atlassian Statuspage's public API v2 ({@code incidents.json},
 * {@code scheduled-maintenances.json}), as Statuspage and incident.io serve it. No HTTP.
 */
final class StatuspageApi {

    private static final String INCIDENTS = "incidents";
    private static final String INCIDENT = "incident";
    private static final String MAINTENANCES = "scheduled_maintenances";

    private StatuspageApi() {}

    /** The incidents or maintenances of one API document. */
    static List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        String expected = document.url() != null && document.url().getPath().endsWith("scheduled-maintenances.json")
                ? MAINTENANCES
                : INCIDENTS;
        // Unclaimed *.statuspage.io pages answer 200 with a ~127 KB marketing HTML page: refused as unreadable.
        JsonNode root = JsonDocuments.parse(document, expectation(expected));
        if (root.isObject() && root.path(INCIDENT).isObject()) {
            // One incident's own document (/api/v2/incidents/<code>.json), as archives keep them.
            try {
                return List.of(incident(root.path(INCIDENT), false, pageUrl(root, document.url())));
            } catch (DateTimeParseException e) {
                throw new UnreadableDocumentException("Statuspage JSON with an unreadable date: " + e.getMessage(), e);
            }
        }
        if (!root.isObject() || !(root.has(INCIDENTS) || root.has(MAINTENANCES))) {
            throw new UnreadableDocumentException(expectation(expected) + ", got " + JsonDocuments.describe(root));
        }
        String pageUrl = pageUrl(root, document.url());
        List<ObservedIncident> result = new ArrayList<>();
        try {
            for (String key : List.of(INCIDENTS, MAINTENANCES)) {
                JsonNode list = root.path(key);
                // incident.io's compatible API sends "incidents": null when there are none.
                if (list.isMissingNode() || list.isNull()) {
                    continue;
                }
                if (!list.isArray()) {
                    throw new UnreadableDocumentException(
                            expectation(key) + ", got \"" + key + "\": " + list.getNodeType());
                }
                for (JsonNode incident : list) {
                    try {
                        result.add(incident(incident, key.equals(MAINTENANCES), pageUrl));
                    } catch (DateTimeParseException e) {
                        // One record's unreadable date costs that record, not the document's others.
                        result.add(ObservedIncident.skipped(
                                "incident " + quoted(text(incident, "id")) + " was skipped: " + e.getMessage()));
                    }
                }
            }
        } catch (DateTimeParseException e) {
            throw new UnreadableDocumentException("Statuspage JSON with an unreadable date: " + e.getMessage(), e);
        }
        return result;
    }

    /**
     * The components of {@code components.json} (as {@code summary.json} lists them too): every component that is not a group,
     * named with its group's name, in the page's order.
     */
    static List<ObservedComponent> components(FetchedDocument document) throws UnreadableDocumentException {
        String expected = "expected Statuspage JSON with a \"components\" array";
        JsonNode root = JsonDocuments.parse(document, expected);
        JsonNode list = root.path("components");
        if (!list.isArray()) {
            throw new UnreadableDocumentException(expected + ", got " + JsonDocuments.describe(root));
        }
        java.util.Map<String, String> groups = new java.util.HashMap<>();
        for (JsonNode c : list) {
            if (c.path("group").asBoolean(false) && text(c, "id") != null) {
                groups.put(text(c, "id"), text(c, "name"));
            }
        }
        List<ObservedComponent> result = new ArrayList<>();
        for (JsonNode c : list) {
            String name = text(c, "name");
            if (c.path("group").asBoolean(false) || name == null || name.isBlank()) {
                continue;
            }
            Instant updated;
            try {
                updated = VendorDates.iso(text(c, "updated_at"));
            } catch (DateTimeParseException e) {
                updated = null; // a component's time is a detail; its status still counts
            }
            String group = text(c, "group_id") == null ? null : groups.get(text(c, "group_id"));
            result.add(ObservedComponent.of(text(c, "id"), name, group, text(c, "status"), updated));
        }
        return result;
    }

    private static String quoted(String id) {
        return id == null ? "without an id" : "'" + (id.length() > 60 ? id.substring(0, 59) + "…" : id) + "'";
    }

    private static String expectation(String key) {
        return "expected Statuspage JSON with an \"" + key + "\" array";
    }

    private static ObservedIncident incident(JsonNode n, boolean fromMaintenances, String pageUrl) {
        String id = text(n, "id");
        Impact impact = Impact.fromCode(text(n, "impact"));
        String vendorStatus = text(n, "status");
        IncidentStatus status = IncidentStatus.fromWord(vendorStatus);
        boolean maintenance =
                fromMaintenances || impact == Impact.MAINTENANCE || (status != null && status.isMaintenance());

        List<ObservedUpdate> updates = new ArrayList<>();
        Set<String> components = new LinkedHashSet<>();
        for (JsonNode c : n.path("components")) {
            if (!c.path("group").asBoolean(false) && text(c, "name") != null) {
                components.add(text(c, "name"));
            }
        }
        for (JsonNode u : n.path("incident_updates")) {
            String raw = text(u, "status");
            Instant at = firstDate(u, "display_at", "created_at");
            updates.add(new ObservedUpdate(
                    text(u, "id"),
                    IncidentStatus.fromWord(raw),
                    raw,
                    at,
                    true,
                    VendorText.ofVendorBody(text(u, "body")),
                    VendorDates.iso(text(u, "created_at"))));
            for (JsonNode c : u.path("affected_components")) {
                if (text(c, "name") != null) {
                    components.add(text(c, "name"));
                }
            }
        }
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));

        Instant scheduledFor = VendorDates.iso(text(n, "scheduled_for"));
        // As stated; Timeline (through ObservedIncident) moves a maintenance's start to when it went in
        // progress, a back-dated incident's to its first displayed update, and finds the end of a
        // completed maintenance that leaves resolved_at null.
        Instant startedAt = firstDate(n, "started_at", "created_at");
        Instant resolvedAt = VendorDates.iso(text(n, "resolved_at"));
        return new ObservedIncident(
                id,
                text(n, "name"),
                impact,
                status,
                vendorStatus,
                maintenance,
                startedAt,
                resolvedAt,
                scheduledFor,
                VendorDates.iso(text(n, "scheduled_until")),
                true,
                pageUrl + "/incidents/" + id,
                List.copyOf(components),
                updates);
    }

    /** The page's own URL from the document, else the document URL without its /api/v2/… path. */
    private static String pageUrl(JsonNode root, URI documentUrl) {
        String fromPage = text(root.path("page"), "url");
        if (fromPage != null && !fromPage.isBlank()) {
            return stripTrailingSlashes(fromPage);
        }
        if (documentUrl == null) {
            return "";
        }
        String url = documentUrl.toString();
        int api = url.indexOf("/api/v2/");
        return stripTrailingSlashes(api >= 0 ? url.substring(0, api) : url);
    }

    private static Instant firstDate(JsonNode n, String... fields) {
        for (String f : fields) {
            Instant i = VendorDates.iso(text(n, f));
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }

    private static String stripTrailingSlashes(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(0, end);
    }
}
