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
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads Google's {@code incidents.json} (Google Cloud's status dashboard, and Workspace's, which
 * has the same shape). Google publishes no maintenance there. The catalog URL is the document.
 */
@ApplicationScoped
public class GcpAdapter implements SourceAdapter {

    private static final String EXPECTED = "expected Google incidents.json (a JSON array of incidents)";

    @Override
    public String kind() {
        return "gcp";
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        if (!root.isArray()) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        String base = base(document.url());
        List<ObservedIncident> result = new ArrayList<>();
        try {
            for (JsonNode n : root) {
                result.add(incident(n, base));
            }
        } catch (DateTimeParseException e) {
            throw new UnreadableDocumentException(
                    "Google incidents.json with an unreadable date: " + e.getMessage(), e);
        }
        return result;
    }

    private static ObservedIncident incident(JsonNode n, String base) throws UnreadableDocumentException {
        List<ObservedUpdate> updates = new ArrayList<>();
        for (JsonNode u : array(n, "updates")) {
            Instant at = VendorDates.iso(text(u, "when") != null ? text(u, "when") : text(u, "created"));
            String raw = text(u, "status");
            updates.add(new ObservedUpdate(
                    null, updateStatus(raw, text(u, "text")), raw, at, true, VendorText.ofPlain(text(u, "text"))));
        }
        // Google lists updates newest first.
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        Instant begin = VendorDates.iso(text(n, "begin"));
        // "end" is absent or null while the incident is open.
        Instant end = VendorDates.iso(text(n, "end"));
        ObservedUpdate newest = updates.isEmpty() ? null : updates.get(updates.size() - 1);
        IncidentStatus status =
                end != null ? IncidentStatus.RESOLVED : newest != null ? newest.status() : IncidentStatus.INVESTIGATING;
        if (end == null && status == IncidentStatus.RESOLVED) {
            end = newest.at(); // the AVAILABLE update is the recovery even before "end" is filled in
        }
        List<String> components = new ArrayList<>();
        for (JsonNode p : array(n, "affected_products")) {
            if (text(p, "title") != null && !components.contains(text(p, "title"))) {
                components.add(text(p, "title"));
            }
        }
        if (components.isEmpty() && text(n, "service_name") != null) {
            components.add(text(n, "service_name"));
        }
        String uri = text(n, "uri");
        String url = uri == null ? null : uri.startsWith("http") ? uri : base + uri.replaceFirst("^/+", "");
        return new ObservedIncident(
                text(n, "id"),
                text(n, "external_desc"),
                impact(text(n, "status_impact"), text(n, "severity")),
                status,
                newest == null ? null : newest.vendorStatus(),
                false,
                begin,
                end,
                null,
                null,
                true,
                url,
                components,
                updates);
    }

    /**
     * AVAILABLE marks the recovery update; the other values are impact levels, not progress, so the
     * progress is read from the text, short of resolution, which only AVAILABLE or "end" declare.
     */
    private static IncidentStatus updateStatus(String raw, String text) {
        if ("AVAILABLE".equalsIgnoreCase(raw)) {
            return IncidentStatus.RESOLVED;
        }
        return StatusWords.inferWhileOpen(text, IncidentStatus.INVESTIGATING);
    }

    /** docs/source-kinds.md (gcp): information → none, disruption → minor, outage → major; severity only when status_impact is missing. */
    static Impact impact(String statusImpact, String severity) {
        if (statusImpact != null) {
            switch (statusImpact.toUpperCase(Locale.ROOT)) {
                case "SERVICE_INFORMATION":
                    return Impact.NONE;
                case "SERVICE_DISRUPTION":
                    return Impact.MINOR;
                case "SERVICE_OUTAGE":
                    return Impact.MAJOR;
                default:
                    break;
            }
        }
        if (severity == null) {
            return null;
        }
        return switch (severity.toLowerCase(Locale.ROOT)) {
            case "low" -> Impact.NONE;
            case "medium" -> Impact.MINOR;
            case "high" -> Impact.MAJOR;
            default -> null;
        };
    }

    /** The dashboard root the relative {@code uri} hangs off: the document's folder. */
    private static String base(URI documentUrl) {
        if (documentUrl == null) {
            return "https://status.cloud.google.com/";
        }
        String url = documentUrl.toString().replaceFirst("[?#].*$", "");
        return url.substring(0, url.lastIndexOf('/') + 1);
    }
}
