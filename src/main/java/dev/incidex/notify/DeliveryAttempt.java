package dev.incidex.notify;

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

/** One try at sending a delivery: when, what came of it, and what the receiver answered. */
@Entity
@Table(name = "notification_attempt")
public class DeliveryAttempt extends PanacheEntityBase {

    public enum Outcome {
        SENT("sent"),
        RETRY("failed, will retry"),
        FAILED("failed, given up");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The longest detail kept. */
    public static final int DETAIL_LIMIT = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "delivery_id")
    public Delivery delivery;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    /** The HTTP status the receiver answered; null for email and for requests that got no answer. */
    @Column(name = "http_status")
    public Integer httpStatus;

    /** What went wrong (or the SMTP server's words), bounded. */
    public String detail;

    public long millis;
}
