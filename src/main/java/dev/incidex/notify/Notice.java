package dev.incidex.notify;

import dev.incidex.incident.IncidentTransition;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import java.time.Instant;

/**
 * What one delivery says, read from the transition (what the incident said then) and the incident's
 * fixed facts, so every attempt of a delivery sends the same words.
 *
 * @param key the delivery's idempotency key
 * @param page this incident's page on Incidex, absolute
 * @param vendorUrl the vendor's own page for it, or null
 */
public record Notice(
        String key,
        IncidentTransition.Kind kind,
        Instant occurredAt,
        String vendorSlug,
        String vendorName,
        long incidentId,
        String page,
        String vendorUrl,
        String title,
        IncidentStatus status,
        IncidentStatus previousStatus,
        Impact impact,
        Instant startedAt,
        Instant resolvedAt,
        String updateText) {

    /** One line: "INKY: Email delays (resolved)". */
    public String headline() {
        return vendorName + ": " + title + " (" + what() + ")";
    }

    /** The transition in words: "new incident, investigating", "status: identified", "resolved". */
    public String what() {
        return switch (kind) {
            case NEW -> "new incident" + (status == null ? "" : ", " + status.label());
            case STATUS -> "now " + (status == null ? "unknown" : status.label());
            case RESOLVED -> status == null || status == IncidentStatus.RESOLVED ? "resolved" : status.label();
        };
    }
}
