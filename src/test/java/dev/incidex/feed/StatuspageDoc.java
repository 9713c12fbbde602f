package dev.incidex.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Builds small Statuspage API v2 documents for feed tests, so a test can add one update and serve again. */
public final class StatuspageDoc {

    /** One incident update as Statuspage writes it. */
    public record Update(String id, String status, String body, String at) {}

    /** One incident (or maintenance) with its updates, newest first as Statuspage lists them. */
    public record SpIncident(
            String id,
            String name,
            String status,
            String impact,
            String startedAt,
            String resolvedAt,
            List<String> components,
            List<Update> updates) {}

    private StatuspageDoc() {}

    public static String incidents(SpIncident... incidents) {
        return "{\"page\":{\"id\":\"p1\",\"name\":\"X\",\"url\":\"https://status.example.test\",\"time_zone\":\"Etc/UTC\"},"
                + "\"incidents\":[" + join(incidents) + "]}";
    }

    public static String maintenances(SpIncident... maintenances) {
        return "{\"page\":{\"id\":\"p1\",\"name\":\"X\",\"url\":\"https://status.example.test\",\"time_zone\":\"Etc/UTC\"},"
                + "\"scheduled_maintenances\":[" + join(maintenances) + "]}";
    }

    private static String join(SpIncident[] incidents) {
        List<String> out = new ArrayList<>();
        for (SpIncident i : incidents) {
            String updates = i.updates().stream()
                    .map(u -> """
                    {"id":"%s","status":"%s","body":"%s","incident_id":"%s","created_at":"%s","updated_at":"%s",
                     "display_at":"%s","affected_components":null}""".formatted(u.id(), u.status(), u.body(), i.id(), u.at(), u.at(), u.at()))
                    .collect(Collectors.joining(","));
            String components = i.components().stream()
                    .map(c -> "{\"id\":\"c-" + Math.abs(c.hashCode()) + "\",\"name\":\"" + c
                            + "\",\"status\":\"major_outage\",\"group\":false}")
                    .collect(Collectors.joining(","));
            String newest =
                    i.updates().isEmpty() ? i.startedAt() : i.updates().get(0).at();
            out.add("""
                    {"id":"%s","name":"%s","status":"%s","impact":"%s","created_at":"%s","updated_at":"%s","started_at":"%s",
                     "resolved_at":%s,"shortlink":null,"scheduled_for":null,"scheduled_until":null,
                     "incident_updates":[%s],"components":[%s]}""".formatted(
                            i.id(),
                            i.name(),
                            i.status(),
                            i.impact(),
                            i.startedAt(),
                            newest,
                            i.startedAt(),
                            i.resolvedAt() == null ? "null" : "\"" + i.resolvedAt() + "\"",
                            updates,
                            components));
        }
        return String.join(",", out);
    }
}
