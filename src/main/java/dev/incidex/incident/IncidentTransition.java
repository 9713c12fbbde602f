package dev.incidex.incident;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A moment worth telling watchers about: an incident appeared, changed status or was resolved. The
 * merge writes it with the change itself; it keeps what the incident said then, so a notification
 * sent (or sent again) later says the same thing.
 */
@Entity
@Table(name = "incident_transition")
public class IncidentTransition extends PanacheEntityBase {

    /** What happened, in users' words. */
    public enum Kind {
        NEW("new incident"),
        STATUS("status changed"),
        RESOLVED("resolved");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The longest update text a transition keeps. */
    public static final int TEXT_LIMIT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    public Incident incident;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public IncidentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public IncidentStatus previousStatus;

    @Enumerated(EnumType.STRING)
    public Impact impact;

    public String title;

    /** The newest update's plain text then, cut to {@link #TEXT_LIMIT}. */
    @Column(name = "update_text")
    public String updateText;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** Set once routing has made its deliveries. */
    public boolean routed;
}
