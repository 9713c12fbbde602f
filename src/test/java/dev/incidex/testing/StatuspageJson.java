package dev.incidex.testing;

/** Small Statuspage API documents written inline, for tests that need to change them between polls. */
public final class StatuspageJson {

    private StatuspageJson() {}

    /** A minimal Statuspage incidents.json with one open incident. */
    public static String oneOpenIncident(String title) {
        return """
                {"page":{"id":"p1","name":"X","url":"https://status.example.test","time_zone":"Etc/UTC"},
                 "incidents":[{"id":"abc123def456","name":"%s","status":"investigating","impact":"major",
                   "created_at":"2024-05-01T10:00:00.000Z","updated_at":"2024-05-01T10:00:00.000Z",
                   "started_at":"2024-05-01T10:00:00.000Z","resolved_at":null,"shortlink":null,
                   "incident_updates":[{"id":"u1","status":"investigating","body":"We are looking into it.",
                     "incident_id":"abc123def456","created_at":"2024-05-01T10:00:00.000Z",
                     "updated_at":"2024-05-01T10:00:00.000Z","display_at":"2024-05-01T10:00:00.000Z",
                     "affected_components":null}],
                   "components":[]}]}
                """.formatted(title);
    }
}
