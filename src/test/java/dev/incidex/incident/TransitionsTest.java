package dev.incidex.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.IncidentTransition.Kind;
import dev.incidex.model.IncidentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one rule for what a merge tells watchers. */
class TransitionsTest {

    private static final Instant NOW = Instant.parse("2024-07-01T12:00:00Z");

    private static Incident incident(IncidentStatus status, Instant resolvedAt) {
        Incident i = new Incident();
        i.status = status;
        i.resolvedAt = resolvedAt;
        i.sortAt = NOW.minus(Duration.ofDays(30));
        return i;
    }

    @Test
    void aNewOpenIncidentIsNews() {
        assertThat(Transitions.of(true, null, incident(IncidentStatus.INVESTIGATING, null), NOW))
                .contains(Kind.NEW);
        assertThat(Transitions.of(true, null, incident(IncidentStatus.SCHEDULED, null), NOW))
                .contains(Kind.NEW);
    }

    @Test
    void anIncidentFirstSeenClosedIsNewsOnlyWhenRecent() {
        assertThat(Transitions.of(true, null, incident(IncidentStatus.RESOLVED, NOW.minus(Duration.ofHours(3))), NOW))
                .contains(Kind.NEW);
        assertThat(Transitions.of(true, null, incident(IncidentStatus.RESOLVED, NOW.minus(Duration.ofDays(2))), NOW))
                .isEmpty();
        // No resolved time: the newest known time decides (here the start, a month ago).
        assertThat(Transitions.of(true, null, incident(IncidentStatus.POSTMORTEM, null), NOW))
                .isEmpty();
    }

    @Test
    void statusChangesAndResolutions() {
        assertThat(Transitions.of(false, IncidentStatus.INVESTIGATING, incident(IncidentStatus.IDENTIFIED, null), NOW))
                .contains(Kind.STATUS);
        assertThat(Transitions.of(false, IncidentStatus.MONITORING, incident(IncidentStatus.RESOLVED, NOW), NOW))
                .contains(Kind.RESOLVED);
        assertThat(Transitions.of(false, IncidentStatus.IN_PROGRESS, incident(IncidentStatus.COMPLETED, NOW), NOW))
                .contains(Kind.RESOLVED);
        // Reopened, or a postmortem after the resolution: a status change, not a second resolution.
        assertThat(Transitions.of(false, IncidentStatus.RESOLVED, incident(IncidentStatus.INVESTIGATING, null), NOW))
                .contains(Kind.STATUS);
        assertThat(Transitions.of(false, IncidentStatus.RESOLVED, incident(IncidentStatus.POSTMORTEM, NOW), NOW))
                .contains(Kind.STATUS);
        assertThat(Transitions.of(false, IncidentStatus.IDENTIFIED, incident(IncidentStatus.IDENTIFIED, null), NOW))
                .isEqualTo(Optional.empty());
    }
}
