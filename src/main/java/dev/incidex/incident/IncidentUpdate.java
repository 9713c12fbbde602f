package dev.incidex.incident;

import dev.incidex.catalog.Source;
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

/** One entry of an incident's timeline: a status, the time the vendor shows, and sanitized text. */
@Entity
@Table(name = "incident_update")
public class IncidentUpdate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    public Incident incident;

    /** The source whose text this is. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    public Source source;

    /** The vendor's own id for the update, when its format has one. */
    @Column(name = "vendor_key")
    public String vendorKey;

    @Enumerated(EnumType.STRING)
    public IncidentStatus status;

    @Column(name = "vendor_status")
    public String vendorStatus;

    /** The time the vendor displays for it (Statuspage's display_at). */
    @Column(name = "posted_at")
    public Instant postedAt;

    /** False when the source printed minutes only. */
    @Column(name = "exact_time")
    public boolean exactTime;

    /** Sanitized HTML: safe to render as is. */
    @Column(name = "body_html")
    public String bodyHtml;

    @Column(name = "body_text")
    public String bodyText;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
}
