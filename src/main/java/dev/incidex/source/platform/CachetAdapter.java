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
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a Cachet 2.x page's API v1 from its base URL: the newest incidents and the schedules.
 * Cachet prints times without a zone, in the instance's own zone: the source's {@code time-zone}.
 */
@ApplicationScoped
public class CachetAdapter implements SourceAdapter {

    private static final String EXPECTED = "expected Cachet API JSON with a \"data\" array";

    @Override
    public String kind() {
        return "cachet";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(
                JsonDocuments.under(sourceUrl, "/api/v1/incidents?sort=id&order=desc&per_page=50"),
                JsonDocuments.under(sourceUrl, "/api/v1/schedules"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = JsonDocuments.parse(document, EXPECTED);
        // The API wraps lists in {meta, data}; a bare array is taken as the list itself.
        JsonNode data = root.isArray() ? root : root.path("data");
        if (!data.isArray()) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        boolean schedules = document.url() != null && document.url().getPath().endsWith("/schedules");
        ZoneId zone = document.source().zoneOrUtc();
        String base = base(document.url());
        List<ObservedIncident> result = new ArrayList<>();
        try {
            for (JsonNode n : data) {
                result.add(schedules ? schedule(n, zone, base) : incident(n, zone, base));
            }
        } catch (DateTimeParseException e) {
            throw new UnreadableDocumentException("Cachet JSON with an unreadable date: " + e.getMessage(), e);
        }
        return result;
    }

    /** Incident codes: 0 Scheduled (maintenance), 1 Investigating, 2 Identified, 3 Watching, 4 Fixed. */
    static IncidentStatus incidentStatus(int code) {
        return switch (code) {
            case 0 -> IncidentStatus.SCHEDULED;
            case 2 -> IncidentStatus.IDENTIFIED;
            case 3 -> IncidentStatus.MONITORING;
            case 4 -> IncidentStatus.RESOLVED;
            default -> IncidentStatus.INVESTIGATING;
        };
    }

    private static ObservedIncident incident(JsonNode n, ZoneId zone, String base) throws UnreadableDocumentException {
        String id = text(n, "id");
        int initial = n.path("status").asInt(1);
        // "status" is the one set at creation and lags; "latest_status" follows the updates.
        int latest = n.hasNonNull("latest_status") ? n.path("latest_status").asInt(initial) : initial;
        Instant scheduledAt = VendorDates.local(text(n, "scheduled_at"), zone);
        // Cachet 2.3 kept maintenance as status-0 incidents with scheduled_at.
        boolean maintenance = latest == 0 || initial == 0;

        List<ObservedUpdate> updates = new ArrayList<>();
        Instant created = VendorDates.local(text(n, "created_at"), zone);
        boolean updated = !array(n, "updates").isEmpty();
        if (created != null && text(n, "message") != null) {
            // The incident's own message is its first update. Once later updates exist, the incident's
            // status fields say where it is now, not what it was when this message was posted: the API
            // keeps no history of them, so the message is what its words say, investigating by default,
            // and never closes the incident by itself.
            IncidentStatus s = updated
                    ? maintenanceAware(
                            maintenance
                                    ? IncidentStatus.SCHEDULED
                                    : StatusWords.inferWhileOpen(text(n, "message"), IncidentStatus.INVESTIGATING),
                            maintenance)
                    : maintenanceAware(incidentStatus(latest), maintenance);
            updates.add(new ObservedUpdate(
                    "incident-" + id,
                    s,
                    updated ? null : text(n, "human_status"),
                    created,
                    true,
                    VendorText.ofPlain(text(n, "message"))));
        }
        for (JsonNode u : array(n, "updates")) {
            Instant at = VendorDates.local(text(u, "created_at"), zone);
            IncidentStatus s = maintenanceAware(incidentStatus(u.path("status").asInt(1)), maintenance);
            updates.add(new ObservedUpdate(
                    text(u, "id"), s, text(u, "human_status"), at, true, VendorText.ofPlain(text(u, "message"))));
        }
        // Updates come as stored, in no promised order.
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));

        IncidentStatus status = maintenanceAware(incidentStatus(latest), maintenance);
        Instant started = maintenance && scheduledAt != null
                ? scheduledAt
                : first(VendorDates.local(text(n, "occurred_at"), zone), created);
        Instant resolved = null;
        if (status.isClosed() || n.path("is_resolved").asBoolean(false)) {
            resolved = updates.stream()
                    .filter(u -> u.status() != null && u.status().isClosed())
                    .map(ObservedUpdate::at)
                    .reduce((a, b) -> b)
                    .orElse(VendorDates.local(text(n, "updated_at"), zone));
        }
        String url = text(n, "permalink") != null ? text(n, "permalink") : base + "/incidents/" + id;
        return new ObservedIncident(
                id,
                text(n, "name"),
                maintenance ? Impact.MAINTENANCE : null,
                status,
                text(n, "latest_human_status") != null ? text(n, "latest_human_status") : text(n, "human_status"),
                maintenance,
                started,
                resolved,
                maintenance ? scheduledAt : null,
                null,
                true,
                url,
                List.of(),
                updates);
    }

    /** A status-0 incident is a maintenance: Fixed then means completed. */
    private static IncidentStatus maintenanceAware(IncidentStatus s, boolean maintenance) {
        if (!maintenance) {
            return s;
        }
        return s.isClosed() ? IncidentStatus.COMPLETED : s == IncidentStatus.SCHEDULED ? s : IncidentStatus.IN_PROGRESS;
    }

    /** Schedule codes: 0 Upcoming, 1 In Progress, 2 Complete. Keys are prefixed: schedules and incidents number apart. */
    private static ObservedIncident schedule(JsonNode n, ZoneId zone, String base) {
        String id = text(n, "id");
        IncidentStatus status = switch (n.path("status").asInt(0)) {
            case 1 -> IncidentStatus.IN_PROGRESS;
            case 2 -> IncidentStatus.COMPLETED;
            default -> IncidentStatus.SCHEDULED;
        };
        Instant scheduledAt = VendorDates.local(text(n, "scheduled_at"), zone);
        Instant completedAt = VendorDates.local(text(n, "completed_at"), zone);
        Instant created = VendorDates.local(text(n, "created_at"), zone);
        List<ObservedUpdate> updates = created == null || text(n, "message") == null
                ? List.of()
                : List.of(new ObservedUpdate(
                        "schedule-" + id,
                        IncidentStatus.SCHEDULED,
                        "Upcoming",
                        created,
                        true,
                        VendorText.ofPlain(text(n, "message"))));
        return new ObservedIncident(
                "schedule-" + id,
                text(n, "name"),
                Impact.MAINTENANCE,
                status,
                text(n, "human_status"),
                true,
                scheduledAt,
                status.isClosed() ? completedAt : null,
                scheduledAt,
                completedAt,
                true,
                base + "/schedules/" + id,
                List.of(),
                updates);
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }

    private static String base(URI documentUrl) {
        if (documentUrl == null) {
            return "";
        }
        String url = documentUrl.toString();
        int api = url.indexOf("/api/v1/");
        return api >= 0 ? url.substring(0, api) : url;
    }
}
