package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.array;
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
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an Uptime.com status page, the catalog URL being the page ({@code https://uptime.com/statuspage/<slug>} or a
 * custom domain's): its server-rendered page is built from JSON served beside it, {@code <page>/ajax} (now) and
 * {@code <page>/history} (closed incidents), both in a {@code {error, fields, data}} envelope. Incidents are the
 * objects with an {@code incident_type} ({@code INCIDENT} or {@code SCHEDULED_MAINTENANCE}) wherever they sit
 * in {@code data}; their state is {@code latest_update_incident_state} or the newest update's own.
 */
@ApplicationScoped
public class UptimeAdapter implements SourceAdapter {

    private static final String EXPECTED = "expected Uptime.com status page JSON (an object with \"data\")";

    @Override
    public String kind() {
        return "uptime";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(JsonDocuments.under(sourceUrl, "/ajax"), JsonDocuments.under(sourceUrl, "/history"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        if (!root.isObject() || !root.has("data")) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        String error = text(root, "error");
        if (error != null && !error.equalsIgnoreCase("false")) {
            throw new UnreadableDocumentException("Uptime.com answered with an error: " + error);
        }
        // The same incident can sit in two lists of one document (active and on a component): read it once.
        Map<String, JsonNode> incidents = new LinkedHashMap<>();
        collect(root.path("data"), incidents, 0);
        String page = document.url().toString().replaceFirst("/(ajax|history)/?$", "");
        return JsonDocuments.records(incidents.values(), "id", n -> incident(n, page));
    }

    private static void collect(JsonNode node, Map<String, JsonNode> into, int depth) {
        if (depth > 8) {
            return;
        }
        if (node.isObject()) {
            if (node.has("incident_type") && text(node, "id") != null) {
                into.putIfAbsent(text(node, "id"), node);
                return;
            }
            node.elements().forEachRemaining(child -> collect(child, into, depth + 1));
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, into, depth + 1));
        }
    }

    private static ObservedIncident incident(JsonNode n, String page) throws UnreadableDocumentException {
        boolean maintenance = "SCHEDULED_MAINTENANCE".equalsIgnoreCase(text(n, "incident_type"));
        List<ObservedUpdate> updates = new ArrayList<>();
        for (JsonNode u : array(n, "updates")) {
            String state = text(u, "incident_state");
            String body = first(text(u, "description"), text(u, "message"));
            IncidentStatus s = IncidentStatus.fromWord(state);
            updates.add(new ObservedUpdate(
                    text(u, "id"),
                    s != null ? s : StatusWords.infer(body),
                    state,
                    VendorDates.iso(first(text(u, "created_at"), text(u, "updated_at"))),
                    true,
                    VendorText.ofHtml(body)));
        }
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        String latestState = text(n, "latest_update_incident_state");
        IncidentStatus status = IncidentStatus.fromWord(latestState);
        if (status == null) {
            status = !updates.isEmpty()
                    ? updates.get(updates.size() - 1).status()
                    : maintenance ? IncidentStatus.SCHEDULED : IncidentStatus.INVESTIGATING;
        }
        if (maintenance && status == IncidentStatus.RESOLVED) {
            status = IncidentStatus.COMPLETED;
        }
        Instant starts = VendorDates.iso(first(text(n, "starts_at"), text(n, "created_at")));
        Instant ends = VendorDates.iso(first(text(n, "ends_at"), text(n, "resolved_at")));
        Instant resolved = status.isClosed()
                ? (ends != null
                        ? ends
                        : updates.isEmpty()
                                ? null
                                : updates.get(updates.size() - 1).at())
                : null;
        List<String> components = new ArrayList<>();
        for (JsonNode c : array(n, "affected_components")) {
            String name = c.isTextual() ? c.asText() : first(text(c, "name"), text(c.path("component"), "name"));
            if (name != null && !components.contains(name)) {
                components.add(name);
            }
        }
        String id = text(n, "id");
        return new ObservedIncident(
                id,
                first(text(n, "name"), text(n, "title")),
                maintenance ? Impact.MAINTENANCE : null,
                status,
                latestState,
                maintenance,
                status == IncidentStatus.SCHEDULED ? null : starts,
                resolved,
                maintenance ? starts : null,
                maintenance ? ends : null,
                true,
                page + "/incidents/" + id,
                components,
                updates);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
