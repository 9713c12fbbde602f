package dev.incidex.incident;

import dev.incidex.incident.IncidentTransition.Kind;
import dev.incidex.model.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The one rule for what a merge tells watchers: a new incident, a status change, a resolution. An
 * incident first seen already closed long ago (a vendor's history imported) is no news and tells
 * nobody; one closed within {@link #RECENT} is still news, as a new incident that is resolved.
 */
public final class Transitions {

    /** How recently an incident first seen closed must have closed to be news. */
    static final Duration RECENT = Duration.ofDays(1);

    private Transitions() {}

    /**
     * What a merge did to an incident, if it is news.
     *
     * @param created the merge created the incident
     * @param before its status before the merge (null when created)
     */
    static Optional<Kind> of(boolean created, IncidentStatus before, Incident after, Instant now) {
        if (created) {
            if (after.status != null && after.status.isClosed()) {
                Instant closed = closedAt(after);
                if (closed == null || closed.isBefore(now.minus(RECENT))) {
                    return Optional.empty();
                }
            }
            return Optional.of(Kind.NEW);
        }
        if (after.status == null || after.status == before) {
            return Optional.empty();
        }
        boolean resolves = after.status.isClosed() && (before == null || !before.isClosed());
        return Optional.of(resolves ? Kind.RESOLVED : Kind.STATUS);
    }

    /** Within the merge's transaction: records the transition, so it commits or rolls back with the change. */
    static void record(Incident incident, Kind kind, IncidentStatus before, Instant now) {
        IncidentTransition t = new IncidentTransition();
        t.incident = incident;
        t.kind = kind;
        t.status = incident.status;
        t.previousStatus = kind == Kind.NEW ? null : before;
        t.impact = incident.impact;
        t.title = incident.title;
        if (!incident.updates.isEmpty()) {
            String text = incident.updates.get(incident.updates.size() - 1).bodyText;
            t.updateText = text == null ? null : RecordCheck.cut(text.strip(), IncidentTransition.TEXT_LIMIT);
        }
        t.occurredAt = now;
        t.persist();
    }

    private static Instant closedAt(Incident incident) {
        if (incident.resolvedAt != null) {
            return incident.resolvedAt;
        }
        return incident.updates.isEmpty()
                ? incident.sortAt
                : incident.updates.get(incident.updates.size() - 1).postedAt;
    }
}
