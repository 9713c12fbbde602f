package dev.incidex.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds a Statuspage incidents.json with as many incidents as a test needs, and serves it for a vendor. */
public final class StatuspageIncidents {

    /** One incident to serve; {@code resolvedAt} null while open; each update text becomes one update. */
    public record Spec(
            String key,
            String title,
            String impact,
            String status,
            Instant startedAt,
            Instant resolvedAt,
            List<String> components,
            List<String> updates) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Spec> incidents = new ArrayList<>();

    public StatuspageIncidents add(Spec spec) {
        incidents.add(spec);
        return this;
    }

    /** A Statuspage incidents.json with one open, major incident with one update: "We are looking into it." */
    public static String oneOpenIncident(String title) {
        return new StatuspageIncidents()
                .add(new Spec(
                        "abc123def456",
                        title,
                        "major",
                        "investigating",
                        Instant.parse("2024-05-01T10:00:00Z"),
                        null,
                        List.of(),
                        List.of("We are looking into it.")))
                .json();
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("page")
                .put("id", "p1")
                .put("name", "X")
                .put("url", "https://status.example.test")
                .put("time_zone", "Etc/UTC");
        ArrayNode list = root.putArray("incidents");
        for (Spec s : incidents) {
            ObjectNode n = list.addObject();
            n.put("id", s.key())
                    .put("name", s.title())
                    .put("status", s.status())
                    .put("impact", s.impact())
                    .put("created_at", s.startedAt().toString())
                    .put("updated_at", s.startedAt().toString())
                    .put("started_at", s.startedAt().toString())
                    .put(
                            "resolved_at",
                            s.resolvedAt() == null ? null : s.resolvedAt().toString());
            n.putNull("shortlink");
            ArrayNode updates = n.putArray("incident_updates");
            for (int u = 0; u < s.updates().size(); u++) {
                String at = s.startedAt().plusSeconds(60L * u).toString();
                updates.addObject()
                        .put("id", s.key() + "-u" + u)
                        .put("status", s.status())
                        .put("body", s.updates().get(u))
                        .put("incident_id", s.key())
                        .put("created_at", at)
                        .put("updated_at", at)
                        .put("display_at", at)
                        .putNull("affected_components");
            }
            ArrayNode components = n.putArray("components");
            s.components().forEach(c -> components.addObject().put("name", c).put("group", false));
        }
        return root.toString();
    }

    /** Serves this as the vendor's Statuspage API (no maintenances) on the test vendor server. */
    public void serveAs(String slug) {
        VendorServerResource.server()
                .serve("/" + slug + "/api/v2/incidents.json", 200, "application/json", json())
                .serve(
                        "/" + slug + "/api/v2/scheduled-maintenances.json",
                        200,
                        "application/json",
                        "{\"scheduled_maintenances\":[]}");
    }
}
