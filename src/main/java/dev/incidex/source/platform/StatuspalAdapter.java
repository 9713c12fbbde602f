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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Statuspal page's public summary, the catalog URL being the document itself:
 * {@code https://statuspal.io/api/v2/status_pages/<subdomain>/summary} ({@code statuspal.eu} for EU pages). It
 * lists the incidents and maintenances in progress, dated without a zone (UTC), and the services they hit
 * by id, with children under their parent service.
 */
@ApplicationScoped
public class StatuspalAdapter implements SourceAdapter {

    private static final String EXPECTED =
            "expected a Statuspal summary (an object with \"incidents\" or \"maintenances\")";

    @Override
    public String kind() {
        return "statuspal";
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        if (!root.isObject() || !(root.has("incidents") || root.has("maintenances") || root.has("services"))) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        Map<String, String> services = new HashMap<>();
        for (JsonNode parent : array(root, "services")) {
            String parentName = text(parent, "name");
            put(services, text(parent, "id"), parentName);
            for (JsonNode child : array(parent, "children")) {
                String name = text(child, "name");
                put(services, text(child, "id"), parentName == null || name == null ? name : parentName + " " + name);
            }
        }
        String pageUrl = text(root.path("status_page"), "url");
        List<ObservedIncident> result = new ArrayList<>(
                JsonDocuments.records(array(root, "incidents"), "id", n -> incident(n, services, pageUrl, false)));
        result.addAll(
                JsonDocuments.records(array(root, "maintenances"), "id", n -> incident(n, services, pageUrl, true)));
        return result;
    }

    private static void put(Map<String, String> services, String id, String name) {
        if (id != null && name != null) {
            services.put(id, name);
        }
    }

    private static ObservedIncident incident(
            JsonNode n, Map<String, String> services, String pageUrl, boolean listedAsMaintenance)
            throws UnreadableDocumentException {
        String type = text(n, "type");
        boolean maintenance = listedAsMaintenance || "scheduled".equalsIgnoreCase(type);
        Instant starts = VendorDates.iso(text(n, "starts_at"));
        Instant ends = VendorDates.iso(text(n, "ends_at"));
        List<ObservedUpdate> updates = new ArrayList<>();
        for (JsonNode u : array(n, "updates")) {
            String body = text(u, "description");
            updates.add(new ObservedUpdate(
                    text(u, "id"),
                    null,
                    text(u, "type"),
                    VendorDates.iso(text(u, "posted_at") != null ? text(u, "posted_at") : text(u, "inserted_at")),
                    true,
                    VendorText.ofPlain(body)));
        }
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<ObservedUpdate> stated = new ArrayList<>();
        IncidentStatus carried = maintenance ? IncidentStatus.IN_PROGRESS : IncidentStatus.INVESTIGATING;
        for (ObservedUpdate u : updates) {
            IncidentStatus s = updateStatus(u.vendorStatus(), u.text().plain(), maintenance, carried);
            carried = s;
            stated.add(new ObservedUpdate(u.vendorKey(), s, u.vendorStatus(), u.at(), true, u.text()));
        }
        List<String> components = new ArrayList<>();
        for (JsonNode id : array(n, "service_ids")) {
            String name = services.get(id.asText());
            if (name != null && !components.contains(name)) {
                components.add(name);
            }
        }
        // A summary lists what is in progress; a maintenance whose window has not begun is still scheduled.
        IncidentStatus status =
                stated.isEmpty() ? carried : stated.get(stated.size() - 1).status();
        String id = text(n, "id");
        String url = text(n, "url") != null
                ? text(n, "url")
                : pageUrl == null || id == null
                        ? null
                        : JsonDocuments.under(java.net.URI.create(pageUrl), "/incidents/" + id)
                                .toString();
        return new ObservedIncident(
                id,
                text(n, "title"),
                maintenance ? Impact.MAINTENANCE : impact(type),
                status,
                type,
                maintenance,
                starts,
                status.isClosed() ? ends : null,
                maintenance ? starts : null,
                maintenance ? ends : null,
                true,
                url,
                components,
                stated);
    }

    /** An update's {@code type}: Statuspal's words where they are ours, else its text; "update" keeps the status before it. */
    private static IncidentStatus updateStatus(String type, String text, boolean maintenance, IncidentStatus before) {
        IncidentStatus declared = IncidentStatus.fromWord(type);
        if (declared != null) {
            return maintenance && declared == IncidentStatus.RESOLVED ? IncidentStatus.COMPLETED : declared;
        }
        if (type != null && type.equalsIgnoreCase("update")) {
            return before;
        }
        return maintenance ? before : StatusWords.infer(text);
    }

    /** The incident {@code type}: major or minor. */
    static Impact impact(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "major" -> Impact.MAJOR;
            case "minor" -> Impact.MINOR;
            default -> null;
        };
    }
}
