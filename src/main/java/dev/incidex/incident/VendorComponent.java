package dev.incidex.incident;

import dev.incidex.catalog.Source;
import dev.incidex.model.ComponentStatus;
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

/** One component of a vendor as one source listed it at its last good read (see {@link VendorComponents}). */
@Entity
@Table(name = "vendor_component")
public class VendorComponent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Source source;

    @Column(name = "component_key")
    public String key;

    public String name;

    @Column(name = "group_name")
    public String group;

    @Enumerated(EnumType.STRING)
    public ComponentStatus status;

    /** The vendor's own word, bounded. */
    @Column(name = "vendor_status")
    public String vendorStatus;

    /** When the vendor last changed it, when its format says. */
    @Column(name = "vendor_updated_at")
    public Instant vendorUpdatedAt;

    /** Its place in the vendor's own list. */
    public int position;
}
