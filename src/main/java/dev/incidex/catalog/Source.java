package dev.incidex.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One place a vendor publishes its status (a Statuspage, a feed), with its polling state: when it
 * was last polled, its last error and when it is due again. Like miniflux's feed row, the
 * scheduling state lives here. Updates write only the columns that changed, so saving a source's
 * settings never puts back a next poll that another instance's claim has moved since.
 */
@Entity
@DynamicUpdate
@Table(name = "source")
public class Source extends PanacheEntityBase {

    /** How a source is doing, as users see it. */
    public enum Health {
        /** Never answered yet: not "operational", just not known. */
        UNKNOWN,
        OK,
        FAILING,
        /** No longer polled (the catalog dropped it, or the vendor's URL changed): its incidents stay. */
        RETIRED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "vendor_id")
    public Vendor vendor;

    public String kind;

    public String url;

    @Column(name = "incident_id_pattern")
    public String incidentIdPattern;

    @Column(name = "time_zone")
    public String timeZone;

    public boolean enabled;

    @Column(name = "last_polled_at")
    public Instant lastPolledAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    /** The last failure in words, cleared by the next good answer. */
    @Column(name = "last_error")
    public String lastError;

    /**
     * What the last poll that read the documents had to repair or skip, record by record, or null.
     * The source is still healthy: its other records were stored.
     */
    @Column(name = "last_warning")
    public String lastWarning;

    /** Consecutive failures; drives the backoff. */
    @Column(name = "error_count")
    public int errorCount;

    @Column(name = "next_poll_at")
    public Instant nextPollAt;

    /**
     * The URL a document of this source now answers from, when the vendor redirected it permanently (301/308) to
     * another host; null when it did not. The catalog still says the old URL: an operator updates it.
     */
    @Column(name = "moved_to")
    public String movedTo;

    /** Where the last good poll stopped, in the adapter's own terms (e.g. the newest post id seen), or null. */
    @Column(name = "poll_cursor")
    public String cursor;

    /** When the components this source lists were last read, or null when it never listed any. */
    @Column(name = "components_at")
    public Instant componentsAt;

    /**
     * What the vendor page calls this source when a vendor has several (its region: "Datadog EU"), from the
     * catalog, or null: then its host names it.
     */
    public String label;

    /** The source in users' words: its catalog label, else its host. */
    public String displayName() {
        if (label != null && !label.isBlank()) {
            return label;
        }
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /** Per fetched URL: the validators of its last answer, for conditional GETs. */
    @ElementCollection
    @CollectionTable(name = "source_document", joinColumns = @JoinColumn(name = "source_id"))
    @MapKeyColumn(name = "url")
    public Map<String, DocumentState> documents = new HashMap<>();

    public URI uri() {
        return URI.create(url);
    }

    public Health health() {
        if (!enabled) {
            return Health.RETIRED;
        }
        if (errorCount > 0) {
            return Health.FAILING;
        }
        return lastSuccessAt == null ? Health.UNKNOWN : Health.OK;
    }

    /** Enabled sources whose next poll is due (or that were never polled). */
    public static List<Source> due(Instant now) {
        return list(
                "select s from Source s join fetch s.vendor where s.enabled = true"
                        + " and (s.nextPollAt is null or s.nextPollAt <= ?1) order by s.nextPollAt nulls first, s.id",
                now);
    }
}
