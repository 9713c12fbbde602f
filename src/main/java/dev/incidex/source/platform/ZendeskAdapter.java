package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.array;
import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.JsonDocuments;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Zendesk's own status backend (not Statuspage) from its base URL ({@code https://status.zendesk.com}):
 * {@code /api/ssp/incidents.json}, a JSON:API document whose {@code data} are incidents and whose
 * {@code included} {@code incidentService} records name the services each one hit. It carries no update texts.
 */
@ApplicationScoped
public class ZendeskAdapter implements SourceAdapter {

    private static final String EXPECTED =
            "expected Zendesk status JSON:API incidents (an object with a \"data\" array)";

    @Override
    public String kind() {
        return "zendesk";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(JsonDocuments.under(sourceUrl, "/api/ssp/incidents.json"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        if (!root.isObject() || !root.path("data").isArray()) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        Map<String, String> serviceNames = new HashMap<>();
        for (JsonNode inc : array(root, "included")) {
            String name = text(inc.path("attributes"), "serviceName");
            if ("incidentService".equals(text(inc, "type")) && text(inc, "id") != null && name != null) {
                serviceNames.put(text(inc, "id"), name);
            }
        }
        String base = document.url().getScheme() + "://" + document.url().getAuthority();
        return JsonDocuments.records(array(root, "data"), "id", n -> incident(n, serviceNames, base));
    }

    private static ObservedIncident incident(JsonNode n, Map<String, String> serviceNames, String base)
            throws UnreadableDocumentException {
        JsonNode a = n.path("attributes");
        String vendorStatus = text(a, "status");
        Instant resolvedAt = VendorDates.iso(text(a, "resolvedAt"));
        IncidentStatus status = IncidentStatus.fromWord(vendorStatus);
        // A resolution time is the one signal every reader of this API agrees on; the status word may lag it.
        if (resolvedAt != null && (status == null || !status.isClosed())) {
            status = IncidentStatus.RESOLVED;
        } else if (status == null) {
            status = IncidentStatus.INVESTIGATING;
        }
        List<String> components = new ArrayList<>();
        for (JsonNode ref : array(n.path("relationships").path("incidentServices"), "data")) {
            String name = serviceNames.get(text(ref, "id"));
            if (name != null && !components.contains(name)) {
                components.add(name);
            }
        }
        String id = text(n, "id");
        return new ObservedIncident(
                id,
                text(a, "name"),
                Impact.fromCode(text(a, "impact")),
                status,
                vendorStatus,
                false,
                VendorDates.iso(text(a, "startedAt")),
                status.isClosed() ? resolvedAt : null,
                null,
                null,
                true,
                id == null ? null : base + "/incidents/" + id,
                components,
                List.of());
    }
}
