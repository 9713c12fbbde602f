package dev.incidex.incident;

import dev.incidex.catalog.Vendor;
import dev.incidex.model.IncidentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Incidents tied across vendors: those whose ids or links one incident's text quotes (and the other
 * way round), and, through the catalog's {@code depends-on}, upstream incidents that overlap in time.
 * A quoted id is evidence; an overlap in time alone is a guess, and both are shown as inferred causes
 * with the id match ranked first.
 */
@ApplicationScoped
public class IncidentLinks {

    static final int MAX_LINKS = 10;
    /** An upstream incident's end is unknown for at most this long; older open ones are not candidates. */
    static final Duration OPEN_LOOKBACK = Duration.ofDays(30);

    @Inject
    InstantSource clock;

    /** Why two incidents are linked. */
    public enum Reason {
        /** This incident's text quotes the other's id or link. */
        QUOTES,
        /** The other's text quotes this one's id or link. */
        QUOTED_BY,
        /** An upstream (or downstream) vendor's incident that overlaps in time, with no id quoted. */
        OVERLAPS
    }

    /** One linked incident, the key quoted when there is one, and why. */
    public record Link(Incident incident, String key, Reason reason) {
        public boolean inferredFromTiming() {
            return reason == Reason.OVERLAPS;
        }
    }

    /** Everything a page shows about an incident's ties to other vendors' incidents. */
    public record Ties(List<Link> related, List<Link> possibleCauses, List<Link> downstream) {}

    public Ties of(Incident incident) {
        List<Link> related = quoted(incident);
        List<String> upstreams = incident.vendor.upstreamSlugs();
        Map<Long, Link> causes = new LinkedHashMap<>();
        for (Link l : related) {
            if (upstreams.contains(l.incident().vendor.slug)) {
                causes.putIfAbsent(l.incident().id, l);
            }
        }
        if (!incident.maintenance) {
            for (Incident up : overlapping(incident, upstreams)) {
                causes.putIfAbsent(up.id, new Link(up, null, Reason.OVERLAPS));
            }
        }
        Map<Long, Link> downstream = new LinkedHashMap<>();
        for (Link l : quotedBy(incident)) {
            downstream.putIfAbsent(l.incident().id, l);
        }
        if (!incident.maintenance) {
            List<String> dependents =
                    downstreamVendors(incident.vendor).stream().map(v -> v.slug).toList();
            for (Incident down : overlapping(incident, dependents)) {
                downstream.putIfAbsent(down.id, new Link(down, null, Reason.OVERLAPS));
            }
        }
        return new Ties(related, limit(causes.values()), limit(downstream.values()));
    }

    /** Other vendors' incidents whose key this incident's text quotes. */
    List<Link> quoted(Incident incident) {
        if (incident.references.isEmpty()) {
            return List.of();
        }
        List<Incident> found = Incident.list(
                "vendorKey in ?1 and vendor != ?2 order by sortAt desc",
                List.copyOf(incident.references.keySet()),
                incident.vendor);
        return limit(
                found.stream().map(i -> new Link(i, i.vendorKey, Reason.QUOTES)).toList());
    }

    /** Other vendors' incidents whose text quotes this incident's key. */
    List<Link> quotedBy(Incident incident) {
        List<Incident> found = Incident.list(
                "select i from Incident i join i.references r where key(r) = ?1 and i.vendor != ?2"
                        + " order by i.sortAt desc",
                incident.vendorKey,
                incident.vendor);
        return limit(found.stream()
                .map(i -> new Link(i, incident.vendorKey, Reason.QUOTED_BY))
                .toList());
    }

    /** Incidents of the given vendors open during this incident (its tracked or its stated time, whichever is wider). */
    List<Incident> overlapping(Incident incident, List<String> vendorSlugs) {
        if (vendorSlugs.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant start =
                earliest(incident.statedStart, incident.startedAt != null ? incident.startedAt : incident.sortAt);
        Instant end = incident.isResolved() ? latest(incident.resolvedAt, incident.statedEnd) : now;
        if (end == null) {
            end = latest(
                    incident.sortAt,
                    incident.updates.isEmpty() ? null : incident.updates.get(incident.updates.size() - 1).postedAt);
        }
        Set<IncidentStatus> closed = EnumSet.noneOf(IncidentStatus.class);
        for (IncidentStatus s : IncidentStatus.values()) {
            if (s.isClosed()) {
                closed.add(s);
            }
        }
        List<Incident> candidates = Incident.list(
                "vendor.slug in ?1 and maintenance = false and id != ?2"
                        + " and (sortAt <= ?3 or statedStart <= ?3) and sortAt >= ?4"
                        + " and (resolvedAt >= ?5 or statedEnd >= ?5 or (resolvedAt is null and status not in ?6))"
                        + " order by sortAt desc",
                vendorSlugs,
                incident.id,
                end,
                start.minus(OPEN_LOOKBACK),
                start,
                closed);
        return candidates.stream().limit(MAX_LINKS).toList();
    }

    /** Vendors whose {@code depends-on} names this one. */
    public List<Vendor> downstreamVendors(Vendor vendor) {
        List<Vendor> named = Vendor.list("dependsOn like ?1 order by lower(name)", "%" + vendor.slug + "%");
        return named.stream()
                .filter(v -> v.upstreamSlugs().contains(vendor.slug))
                .toList();
    }

    /** The vendors this one's {@code depends-on} names that Incidex knows. */
    public List<Vendor> upstreamVendors(Vendor vendor) {
        List<String> slugs = vendor.upstreamSlugs();
        return slugs.isEmpty() ? List.of() : Vendor.list("slug in ?1 order by lower(name)", slugs);
    }

    private static <T> List<T> limit(java.util.Collection<T> links) {
        return new ArrayList<>(links).subList(0, Math.min(MAX_LINKS, links.size()));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
