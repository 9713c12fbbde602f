package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.array;
import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Locale;

/**
 * Reads Heroku's status API v4 from its base URL ({@code https://status.heroku.com}): {@code /api/v4/incidents},
 * a bare array of incidents and maintenances with their updates. Heroku grades no impact.
 */
@ApplicationScoped
public class HerokuAdapter implements SourceAdapter {

    private static final String EXPECTED = "expected Heroku status incidents JSON (an array of incidents)";

    @Override
    public String kind() {
        return "heroku";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(JsonDocuments.under(sourceUrl, "/api/v4/incidents"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        return JsonDocuments.arrayRecords(document, EXPECTED, "id", HerokuAdapter::incident);
    }

    private static ObservedIncident incident(JsonNode n) throws UnreadableDocumentException {
        List<ObservedUpdate> updates = new ArrayList<>();
        for (JsonNode u : array(n, "updates")) {
            String type = text(u, "update_type");
            String body = text(u, "contents");
            updates.add(new ObservedUpdate(
                    text(u, "id"),
                    updateStatus(type, body),
                    type,
                    VendorDates.iso(text(u, "created_at")),
                    true,
                    VendorText.ofPlain(body)));
        }
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        boolean maintenance =
                updates.stream().anyMatch(u -> u.status() != null && u.status().isMaintenance());
        // "update" says nothing of progress: it keeps the status before it.
        List<ObservedUpdate> stated = new ArrayList<>();
        IncidentStatus carried = maintenance ? IncidentStatus.SCHEDULED : IncidentStatus.INVESTIGATING;
        for (ObservedUpdate u : updates) {
            IncidentStatus s = u.status() != null ? u.status() : carried;
            carried = s;
            stated.add(new ObservedUpdate(u.vendorKey(), s, u.vendorStatus(), u.at(), true, u.text()));
        }
        // `resolved` is false on every record, closed or not, so only `state` and the updates say it is over.
        String state = text(n, "state");
        IncidentStatus status = state != null && state.equalsIgnoreCase("resolved")
                ? (maintenance ? IncidentStatus.COMPLETED : IncidentStatus.RESOLVED)
                : carried;
        Instant resolved = null;
        if (status.isClosed()) {
            Instant published = VendorDates.iso(text(n, "resolved_at"));
            resolved = published != null
                    ? published
                    : stated.isEmpty()
                            ? VendorDates.iso(text(n, "updated_at"))
                            : stated.get(stated.size() - 1).at();
        }
        List<String> systems = new ArrayList<>();
        for (JsonNode s : array(n, "systems")) {
            String name = s.isTextual() ? s.asText() : text(s, "name");
            if (name != null && !name.isBlank() && !systems.contains(name.trim())) {
                systems.add(name.trim());
            }
        }
        String id = text(n, "id");
        String url = text(n, "full_url");
        return new ObservedIncident(
                id,
                text(n, "title"),
                maintenance ? dev.incidex.model.Impact.MAINTENANCE : null,
                status,
                state,
                maintenance,
                VendorDates.iso(text(n, "created_at")),
                resolved,
                null,
                null,
                true,
                url != null ? url : id == null ? null : "https://status.heroku.com/incidents/" + id,
                systems,
                stated);
    }

    /** An update's {@code update_type}: issue, identified, monitoring, resolved; scheduled and completed for maintenance. */
    static IncidentStatus updateStatus(String type, String body) {
        if (type == null) {
            return StatusWords.stated(body).orElse(null);
        }
        return switch (type.trim().toLowerCase(Locale.ROOT)) {
            case "issue" -> IncidentStatus.INVESTIGATING;
            case "identified" -> IncidentStatus.IDENTIFIED;
            case "monitoring" -> IncidentStatus.MONITORING;
            case "resolved" -> IncidentStatus.RESOLVED;
            case "scheduled" -> IncidentStatus.SCHEDULED;
            case "in_progress", "in progress" -> IncidentStatus.IN_PROGRESS;
            case "completed" -> IncidentStatus.COMPLETED;
            default -> null;
        };
    }
}
