package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.array;
import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.model.ComponentStatus;
import dev.incidex.model.Impact;
import dev.incidex.model.ObservedComponent;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.HealthSpells;
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
 * Reads Azure DevOps' public status JSON from its base URL ({@code https://status.dev.azure.com}):
 * {@code /_apis/status/health}, {@code {lastUpdated, status:{health,message}, services:[{id,
 * geographies:[{id,name,health}]}]}} with health {@code healthy|advisory|degraded|unhealthy}. It keeps no
 * incident records, only the health now: its components are the services in each geography, and an
 * incident is a spell of overall health other than healthy, built from consecutive polls by
 * {@link HealthSpells}.
 */
@ApplicationScoped
public class AzureDevOpsAdapter implements SourceAdapter {

    static final String HEALTH = "/_apis/status/health";
    private static final String EXPECTED = "expected Azure DevOps status JSON with \"status\" and \"services\"";
    private static final String KEY_PREFIX = "azure-devops-health-";

    @Override
    public String kind() {
        return "azure-devops";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        URI health = JsonDocuments.under(sourceUrl, HEALTH);
        return List.of(URI.create(health + "?api-version=7.1-preview.1"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        return readAll(document).incidents();
    }

    @Override
    public Reading readAll(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = parse(document);
        List<ObservedComponent> components = components(root);
        HealthSpells.Outcome outcome =
                spell(root, components, document, document.source().cursor());
        return new Reading(outcome.incidents(), components);
    }

    /** The spell as it stands after this document, so the next poll continues it. */
    @Override
    public String cursorAfter(FetchedDocument document, String cursor) {
        try {
            JsonNode root = parse(document);
            return spell(root, components(root), document, cursor).cursor();
        } catch (UnreadableDocumentException e) {
            return cursor; // not reached: the poller asks only after a good read
        }
    }

    private static JsonNode parse(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        if (!root.isObject()
                || !root.path("status").isObject()
                || !root.path("services").isArray()) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        if (text(root.path("status"), "health") == null) {
            throw new UnreadableDocumentException(EXPECTED + ": \"status\" has no \"health\"");
        }
        return root;
    }

    /** Every service in every geography, named "Pipelines (Europe)", grouped by service. */
    private static List<ObservedComponent> components(JsonNode root) throws UnreadableDocumentException {
        Instant updated;
        try {
            updated = VendorDates.iso(text(root, "lastUpdated"));
        } catch (DateTimeParseException e) {
            updated = null;
        }
        List<ObservedComponent> result = new ArrayList<>();
        for (JsonNode service : array(root, "services")) {
            String id = text(service, "id");
            if (id == null || id.isBlank()) {
                continue;
            }
            for (JsonNode geography : array(service, "geographies")) {
                String geo = text(geography, "name") != null ? text(geography, "name") : text(geography, "id");
                if (geo == null) {
                    continue;
                }
                String key = id + "/" + (text(geography, "id") != null ? text(geography, "id") : geo);
                result.add(ObservedComponent.of(key, id + " (" + geo + ")", id, text(geography, "health"), updated));
            }
        }
        return result;
    }

    private static HealthSpells.Outcome spell(
            JsonNode root, List<ObservedComponent> components, FetchedDocument document, String cursor) {
        JsonNode status = root.path("status");
        String health = text(status, "health");
        boolean healthy = "healthy".equalsIgnoreCase(health);
        List<String> unwell = components.stream()
                .filter(c -> c.status() != ComponentStatus.OPERATIONAL)
                .map(ObservedComponent::name)
                .toList();
        HealthSpells.Observation now = new HealthSpells.Observation(
                healthy, document.receivedAt(), impact(health), health, text(status, "message"), unwell);
        return HealthSpells.observe(cursor, now, KEY_PREFIX, statusPage(document), "Azure DevOps reports " + health);
    }

    /** The status page the document belongs to: its address without the API path. */
    private static String statusPage(FetchedDocument document) {
        String url = document.url().toString();
        int api = url.indexOf(HEALTH);
        return api > 0 ? url.substring(0, api) : url;
    }

    /** advisory is a notice, degraded minor, unhealthy major (as desktop status apps rank them). */
    static Impact impact(String health) {
        if (health == null) {
            return null;
        }
        return switch (health.toLowerCase(Locale.ROOT)) {
            case "advisory" -> Impact.NONE;
            case "degraded" -> Impact.MINOR;
            case "unhealthy" -> Impact.MAJOR;
            default -> null;
        };
    }
}
