package dev.incidex.incident;

import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.Precision;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One incident (or maintenance) of one vendor, merged from every source that reports it, with its
 * timeline of updates. Durations come from exact instants, never from displayed minutes.
 */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "vendor_id")
    public Vendor vendor;

    /**
     * Moves with every change, so of two merges that changed the incident at once the one that commits second
     * fails (and is merged again on the stored incident) instead of overwriting the first: each counts its change
     * to the vendor's figures ({@link VendorHours}) from the incident it loaded, which must be the one it replaces.
     */
    @jakarta.persistence.Version
    public long version;

    /** The source that reported it first. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "source_id")
    public Source source;

    /** The vendor's own id for it, the same in all of that vendor's sources. */
    @Column(name = "vendor_key")
    public String vendorKey;

    public String title;

    /** Null while no source has said how bad it is (feeds do not). */
    @Enumerated(EnumType.STRING)
    public Impact impact;

    @Enumerated(EnumType.STRING)
    public IncidentStatus status;

    /** The vendor's own word for the status. */
    @Column(name = "vendor_status")
    public String vendorStatus;

    public boolean maintenance;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "scheduled_for")
    public Instant scheduledFor;

    @Column(name = "scheduled_until")
    public Instant scheduledUntil;

    /** True once a source gave started/resolved with seconds; minute-only sources then stop touching them. */
    @Column(name = "exact_times")
    public boolean exactTimes;

    /** The vendor's own page for it. */
    @Column(name = "vendor_url")
    public String vendorUrl;

    /**
     * The time history is sorted and paged on: the start, else the first update, else when
     * Incidex first saw it. Never null, unlike the start, which some feeds do not give.
     */
    @Column(name = "sort_at")
    public Instant sortAt;

    /** When Incidex first saw it. */
    @Column(name = "detected_at")
    public Instant detectedAt;

    /**
     * True when Incidex did not see it happen: a history back-fill imported it, or it was already
     * resolved when first seen. Then {@link #detectedAt} is when it was imported, not when it was detected.
     */
    public boolean imported;

    /** When the merge last changed anything about it (the feeds' "updated"). */
    @Column(name = "changed_at")
    public Instant changedAt;

    @ElementCollection
    @CollectionTable(name = "incident_component", joinColumns = @JoinColumn(name = "incident_id"))
    @Column(name = "name")
    @org.hibernate.annotations.SortNatural
    public SortedSet<String> components = new TreeSet<>();

    @OneToMany(mappedBy = "incident")
    @OrderBy("postedAt, id")
    public List<IncidentUpdate> updates = new ArrayList<>();

    /** Since when Incidex has seen the current title (null: since it was detected). */
    @Column(name = "title_seen_at")
    public Instant titleSeenAt;

    /** True while the title is made from a post's first words rather than given by the vendor. */
    @Column(name = "title_from_posts")
    public boolean titleFromPosts;

    /** Titles before each rename, oldest first. */
    @OneToMany(mappedBy = "incident")
    @OrderBy("id")
    public List<TitleVersion> titleVersions = new ArrayList<>();

    /** Start of impact as the vendor states it in its text ("Start time: …"), or null. */
    @Column(name = "stated_start")
    public Instant statedStart;

    /** End of impact as the vendor states it in its text, or null. */
    @Column(name = "stated_end")
    public Instant statedEnd;

    /** Incident ids and incident links its text quotes, each with how it was found ({@link References}). */
    @ElementCollection
    @CollectionTable(name = "incident_reference", joinColumns = @JoinColumn(name = "incident_id"))
    @jakarta.persistence.MapKeyColumn(name = "ref_key")
    @Column(name = "kind")
    public java.util.Map<String, String> references = new java.util.TreeMap<>();

    /** How precise the source was that set the title; null on rows older than this column ({@link #titlePrecision()}). */
    @Enumerated(EnumType.STRING)
    @Column(name = "title_precision")
    public Precision titlePrecision;

    /** How precise the source was that set the impact; null as for {@link #titlePrecision}. */
    @Enumerated(EnumType.STRING)
    @Column(name = "impact_precision")
    public Precision impactPrecision;

    /**
     * When it vanished from the vendor's current document while older incidents were still listed: the vendor
     * removed it. Kept, but off the lists of what is broken; null while it is listed.
     */
    @Column(name = "removed_at")
    public Instant removedAt;

    /** The newest time the vendor gave for it: its newest update, else its start (see {@link #isStale}). */
    @Column(name = "last_spoke_at")
    public Instant lastSpokeAt;

    /** The precision of the stored title: rows from before it was kept count an exact-time source as stated. */
    public Precision titlePrecision() {
        if (titlePrecision != null) {
            return titlePrecision;
        }
        return titleFromPosts ? Precision.GUESSED : exactTimes ? Precision.STATED : Precision.PRINTED;
    }

    /** The precision of the stored impact, null while none is stored. */
    public Precision impactPrecision() {
        if (impact == null) {
            return null;
        }
        return impactPrecision != null ? impactPrecision : exactTimes ? Precision.STATED : Precision.PRINTED;
    }

    /** Open, but the vendor has said nothing about it for {@code after}: most likely forgotten, not broken. */
    public boolean isStale(Instant now, Duration after) {
        return !isResolved() && lastSpokeAt != null && lastSpokeAt.isBefore(now.minus(after));
    }

    /** A maintenance whose window has ended without a "completed": overdue, never upcoming. */
    public boolean isOverdue(Instant now) {
        return maintenance && !isResolved() && scheduledUntil != null && !scheduledUntil.isAfter(now);
    }

    /** Resolved exactly when it has a resolved time: the merge keeps status and time together (Timeline). */
    public boolean isResolved() {
        return resolvedAt != null;
    }

    /** Started → resolved, or empty while open or when the vendor's times contradict each other. */
    public Optional<Duration> duration() {
        if (startedAt == null || resolvedAt == null || resolvedAt.isBefore(startedAt)) {
            return Optional.empty();
        }
        if (resolvedAt.equals(startedAt)) {
            // One instant for both (a single feed item, an incident entered after the fact): nothing was
            // measured, so the duration is unknown unless the vendor's text states the window.
            return statedDuration();
        }
        return Optional.of(Duration.between(startedAt, resolvedAt));
    }

    /** A resolved time before the start: shown as a data problem, never as a negative duration. */
    public boolean hasInconsistentTimes() {
        return startedAt != null && resolvedAt != null && resolvedAt.isBefore(startedAt);
    }

    /** Stated start → stated end, or empty unless the vendor stated both in order. */
    public Optional<Duration> statedDuration() {
        if (statedStart == null || statedEnd == null || statedEnd.isBefore(statedStart)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(statedStart, statedEnd));
    }

    /**
     * The vendor's own id for this incident (a Statuspage code, Microsoft's "DZ534539", Google Cloud's
     * number), or null when its key is one Incidex made or an address: a hash of a feed entry, a post's
     * thread, a link. An incident told by posts has an id only when the source's id pattern found it.
     */
    public String vendorIncidentId() {
        if (vendorKey == null || vendorKey.isBlank()) {
            return null;
        }
        if (titleFromPosts || (source != null && source.incidentIdPattern != null)) {
            String pattern = source == null ? null : source.incidentIdPattern;
            return pattern != null
                            && java.util.regex.Pattern.compile(pattern)
                                    .matcher(vendorKey)
                                    .matches()
                    ? vendorKey
                    : null;
        }
        boolean made = vendorKey.contains(":") || vendorKey.contains("/") || vendorKey.length() > 64;
        return made ? null : vendorKey;
    }

    public Instant currentTitleSeenAt() {
        return titleSeenAt != null ? titleSeenAt : detectedAt;
    }

    public static Optional<Incident> findByVendorKey(Vendor vendor, String vendorKey) {
        return find("vendor = ?1 and vendorKey = ?2", vendor, vendorKey).firstResultOptional();
    }
}
