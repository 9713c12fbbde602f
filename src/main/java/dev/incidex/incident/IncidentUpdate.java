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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** The vendor's creation time, when its format tells it apart from the displayed time; else null. */
    @Column(name = "created_at")
    public Instant createdAt;

    /** Since when Incidex has seen the current text (null: since {@link #firstSeenAt}). */
    @Column(name = "text_seen_at")
    public Instant textSeenAt;

    /** Every source that carried it, first seen first. */
    @OneToMany(mappedBy = "update")
    @OrderBy("firstSeenAt, id")
    public List<UpdateSighting> sightings = new ArrayList<>();

    /** Its text before each edit, oldest first; empty when never edited. */
    @OneToMany(mappedBy = "update")
    @OrderBy("id")
    public List<UpdateVersion> versions = new ArrayList<>();

    /** Back-dated: displayed at least a minute before the vendor created it (less is publishing jitter). */
    public boolean isBackDated() {
        return createdAt != null && postedAt != null && postedAt.isBefore(createdAt.minusSeconds(60));
    }

    public boolean isEdited() {
        return !versions.isEmpty();
    }

    /** When Incidex first saw the text it shows now. */
    public Instant currentTextSeenAt() {
        return textSeenAt != null ? textSeenAt : firstSeenAt;
    }
}
