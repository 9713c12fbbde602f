package dev.incidex.incident;

import dev.incidex.catalog.Source;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Provenance of one update: one source that carried it, the time the vendor showed for it there, and
 * when Incidex first saw it through that source. The merge writes one per (update, source).
 */
@Entity
@Table(name = "update_sighting")
public class UpdateSighting extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "update_id")
    public IncidentUpdate update;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    /** The vendor's time for the update in this source (feeds print minutes, the API milliseconds). */
    @Column(name = "vendor_at")
    public Instant vendorAt;

    @Column(name = "first_seen_at")
    public Instant firstSeenAt;
}
