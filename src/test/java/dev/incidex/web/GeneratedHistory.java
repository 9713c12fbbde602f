package dev.incidex.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A vendor's long history as a Statuspage incidents.json, generated so paging and every filter have
 * something to bite on: impacts, components and durations cycle, one incident in ten mentions a
 * "flux capacitor" in an update (not its title), and the newest one is still open.
 */
final class GeneratedHistory {

    static final String[] IMPACTS = {"none", "minor", "major", "critical"};
    static final String[] COMPONENTS = {"API", "Dashboard", "Webhooks"};
    static final String[] WORDS = {"errors", "slowness", "delays", "outage"};

    /** What the generator made for incident {@code i}, for tests to compute expectations from. */
    record Made(
            int index,
            String key,
            String title,
            String impact,
            String component,
            Instant startedAt,
            Instant resolvedAt,
            boolean fluxCapacitor) {}

    final List<Made> incidents = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final String name;

    GeneratedHistory(String keyPrefix, String name, int count, int open, Instant newest, Duration spacing) {
        this.name = name;
        for (int i = 0; i < count; i++) {
            String impact = IMPACTS[i % 4];
            String component = COMPONENTS[i % 3];
            Instant started = newest.minus(spacing.multipliedBy(i));
            Instant resolved = i < open ? null : started.plus(Duration.ofMinutes(30 + 60L * (i % 5)));
            incidents.add(new Made(
                    i,
                    keyPrefix + String.format("%04d", i),
                    component + " " + WORDS[i % WORDS.length] + " #" + i,
                    impact,
                    component,
                    started,
                    resolved,
                    i % 10 == 7));
        }
    }

    String incidentsJson() {
        ObjectNode root = json.createObjectNode();
        root.putObject("page")
                .put("id", "gen")
                .put("name", name)
                .put("url", "https://status.example.test")
                .put("time_zone", "Etc/UTC");
        ArrayNode list = root.putArray("incidents");
        for (Made m : incidents) {
            ObjectNode n = list.addObject();
            n.put("id", m.key())
                    .put("name", m.title())
                    .put("impact", m.impact())
                    .put("status", m.resolvedAt() == null ? "investigating" : "resolved")
                    .put("created_at", m.startedAt().toString())
                    .put("updated_at", m.startedAt().toString())
                    .put("started_at", m.startedAt().toString())
                    .put(
                            "resolved_at",
                            m.resolvedAt() == null ? null : m.resolvedAt().toString());
            ArrayNode updates = n.putArray("incident_updates");
            update(
                    updates,
                    m.key() + "a",
                    "investigating",
                    m.startedAt(),
                    m.component(),
                    "We are investigating " + m.component() + " problems."
                            + (m.fluxCapacitor() ? " The flux capacitor is misbehaving." : ""));
            if (m.resolvedAt() != null) {
                update(
                        updates,
                        m.key() + "b",
                        "resolved",
                        m.resolvedAt(),
                        m.component(),
                        "This incident has been resolved.");
            }
            n.putArray("components")
                    .addObject()
                    .put("id", "c" + m.component())
                    .put("name", m.component())
                    .put("group", false);
        }
        return root.toString();
    }

    private static void update(ArrayNode updates, String id, String status, Instant at, String component, String body) {
        ObjectNode u = updates.addObject();
        u.put("id", id)
                .put("status", status)
                .put("body", body)
                .put("created_at", at.toString())
                .put("updated_at", at.toString())
                .put("display_at", at.toString());
        u.putArray("affected_components")
                .addObject()
                .put("code", "c" + component)
                .put("name", component);
    }

    static String noMaintenance() {
        return "{\"scheduled_maintenances\":[]}";
    }
}
