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
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a Sorry™ status page's notices from its public read API, the catalog URL being
 * {@code https://api.sorryapp.com/v1/pages/<page_id>}; the adapter asks for {@code <url>/notices}.
 * The notice states are attested, the response envelope and field names only partly, so both are
 * read tolerantly (a {@code response}, {@code notices} or {@code data} array, or a bare one).
 */
@ApplicationScoped
public class SorryAdapter implements SourceAdapter {

    private static final String EXPECTED =
            "expected Sorry notices JSON (an array under \"response\", \"notices\" or \"data\")";

    @Override
    public String kind() {
        return "sorry";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(JsonDocuments.under(sourceUrl, "/notices"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        JsonNode list = root;
        for (String key : List.of("response", "notices", "data")) {
            if (list.isObject() && list.path(key).isArray()) {
                list = list.path(key);
                break;
            }
        }
        if (!list.isArray()) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        return JsonDocuments.records(list, "id", SorryAdapter::notice);
    }

    /** Planned: scheduled, underway, complete, cancelled. Unplanned: investigating, identified, recovering, resolved, false_alarm. */
    static IncidentStatus status(String state) {
        if (state == null) {
            return null;
        }
        return switch (state.trim().toLowerCase(Locale.ROOT)) {
            case "investigating" -> IncidentStatus.INVESTIGATING;
            case "identified" -> IncidentStatus.IDENTIFIED;
            case "recovering" -> IncidentStatus.MONITORING;
            case "resolved", "false_alarm" -> IncidentStatus.RESOLVED;
            case "scheduled" -> IncidentStatus.SCHEDULED;
            case "underway" -> IncidentStatus.IN_PROGRESS;
            case "complete", "completed", "cancelled" -> IncidentStatus.COMPLETED;
            default -> null;
        };
    }

    private static ObservedIncident notice(JsonNode n) throws UnreadableDocumentException {
        String state = text(n, "state");
        IncidentStatus status = status(state);
        boolean maintenance = "planned".equalsIgnoreCase(text(n, "type")) || (status != null && status.isMaintenance());
        List<ObservedUpdate> updates = new ArrayList<>();
        for (JsonNode u : array(n, "updates")) {
            Instant at = VendorDates.iso(first(text(u, "created_at"), text(u, "published_at")));
            String body = first(text(u, "content"), text(u, "message"));
            updates.add(new ObservedUpdate(
                    text(u, "id"), status(text(u, "state")), text(u, "state"), at, true, VendorText.ofPlain(body)));
        }
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        // Updates without a state of their own take the notice's, the newest one, or the one before.
        List<ObservedUpdate> stated = new ArrayList<>();
        IncidentStatus carried = maintenance ? IncidentStatus.SCHEDULED : IncidentStatus.INVESTIGATING;
        for (int i = 0; i < updates.size(); i++) {
            ObservedUpdate u = updates.get(i);
            IncidentStatus s =
                    u.status() != null ? u.status() : i == updates.size() - 1 && status != null ? status : carried;
            carried = s;
            stated.add(new ObservedUpdate(u.vendorKey(), s, u.vendorStatus(), u.at(), u.exactTime(), u.text()));
        }
        Instant begins = VendorDates.iso(first(text(n, "begins_at"), text(n, "began_at")));
        Instant ends = VendorDates.iso(first(text(n, "ends_at"), text(n, "ended_at")));
        Instant created = VendorDates.iso(text(n, "created_at"));
        Instant started = begins != null
                ? begins
                : created != null
                        ? created
                        : stated.isEmpty() ? null : stated.get(0).at();
        Instant resolved = status != null && status.isClosed()
                ? (ends != null
                        ? ends
                        : stated.isEmpty()
                                ? VendorDates.iso(text(n, "updated_at"))
                                : stated.get(stated.size() - 1).at())
                : null;
        List<String> components = new ArrayList<>();
        for (JsonNode c : array(n, "components")) {
            String name = c.isTextual() ? c.asText() : text(c, "name");
            if (name != null && !components.contains(name)) {
                components.add(name);
            }
        }
        return new ObservedIncident(
                text(n, "id"),
                first(text(n, "subject"), text(n, "title")),
                maintenance ? Impact.MAINTENANCE : null,
                status,
                state,
                maintenance,
                started,
                resolved,
                maintenance ? begins : null,
                maintenance ? ends : null,
                true,
                first(text(n, "link"), text(n, "url")),
                components,
                stated);
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
