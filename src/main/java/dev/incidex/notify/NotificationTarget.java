package dev.incidex.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;

/** A webhook URL, Slack incoming webhook or email address one watchlist notifies. */
@Entity
@Table(name = "notification_target")
public class NotificationTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The watchlist's id: a target lives and dies with its watchlist (the database cascades). */
    @Column(name = "watchlist_id")
    public Long watchlistId;

    @Enumerated(EnumType.STRING)
    public TargetKind kind;

    public String address;

    @Column(name = "created_at")
    public Instant createdAt;

    /**
     * The address as the page shows it: an email in full, a URL only up to its host, because the
     * rest of a webhook URL (Slack's above all) is the secret that lets anyone post to it.
     */
    public String shown() {
        if (!kind.isUrl()) {
            return address;
        }
        try {
            URI u = URI.create(address);
            return u.getScheme() + "://" + u.getRawAuthority()
                    + (u.getRawPath() == null || u.getRawPath().length() <= 1 ? "" : "/…");
        } catch (IllegalArgumentException e) {
            return "(unreadable URL)";
        }
    }
}
