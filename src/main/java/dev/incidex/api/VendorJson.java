package dev.incidex.api;

import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.incident.VendorComponent;
import dev.incidex.incident.VendorComponents;
import dev.incidex.incident.VendorState;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A vendor with its current state and the health of its sources. */
public record VendorJson(
        String slug,
        String name,
        String site,
        List<String> dependsOn,
        String state,
        long ongoingIncidents,
        String pageUrl,
        String incidentsUrl,
        List<SourceJson> sources,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @org.eclipse.microprofile.openapi.annotations.media.Schema(
                description = "The vendor's components now, per source that lists them (one vendor only)")
        List<ComponentsJson> components) {

    /**
     * The components one source lists: {@code asOf} is when Incidex read this set; an empty list means the source
     * reports no component affected now.
     */
    public record ComponentsJson(String source, String sourceUrl, Instant asOf, List<ComponentJson> components) {

        static ComponentsJson of(VendorComponents.SourceComponents set) {
            List<ComponentJson> list = new java.util.ArrayList<>();
            set.groups().forEach(g -> g.components().forEach(c -> list.add(ComponentJson.of(c))));
            return new ComponentsJson(set.source().displayName(), set.source().url, set.readAt(), list);
        }
    }

    /**
     * One component: {@code status} is one of operational, degraded, partial-outage, major-outage, maintenance,
     * unknown; {@code vendorStatus} the vendor's own word; {@code updatedAt} when the vendor last changed it, if said.
     */
    public record ComponentJson(String name, String group, String status, String vendorStatus, Instant updatedAt) {

        static ComponentJson of(VendorComponent c) {
            return new ComponentJson(c.name, c.group, c.status.code(), c.vendorStatus, c.vendorUpdatedAt);
        }
    }

    /** This vendor with its components, for the one-vendor answer. */
    VendorJson withComponents(List<VendorComponents.SourceComponents> sets) {
        return new VendorJson(
                slug,
                name,
                site,
                dependsOn,
                state,
                ongoingIncidents,
                pageUrl,
                incidentsUrl,
                sources,
                sets.stream().map(ComponentsJson::of).toList());
    }

    /**
     * One source and how it is doing: ok, failing (with the error), unknown, or retired (no longer polled: the
     * catalog dropped it or its URL changed; listed after the others); {@code movedTo} is where its documents
     * now answer from after a permanent redirect to another host, else null; {@code lastWarning} says which records of
     * its documents had to be repaired or skipped.
     */
    public record SourceJson(
            String kind,
            String url,
            String label,
            String health,
            Instant lastPolledAt,
            Instant lastSuccessAt,
            String lastError,
            int consecutiveErrors,
            String movedTo,
            String lastWarning) {

        static SourceJson of(Source s) {
            return new SourceJson(
                    s.kind,
                    s.url,
                    s.displayName(),
                    s.health().name().toLowerCase(java.util.Locale.ROOT),
                    s.lastPolledAt,
                    s.lastSuccessAt,
                    s.lastError,
                    s.errorCount,
                    s.movedTo,
                    s.lastWarning);
        }
    }

    /** "ongoing" with open incidents, "operational" when a source answered and none is open, else "unknown". */
    static VendorJson of(Vendor v, long ongoing, URI base) {
        return new VendorJson(
                v.slug,
                v.name,
                v.site,
                v.upstreamSlugs(),
                VendorState.of(v, ongoing).code(),
                ongoing,
                base.resolve("vendors/" + v.slug).toString(),
                base.resolve("api/vendors/" + v.slug + "/incidents").toString(),
                v.sources.stream().map(SourceJson::of).toList(),
                null);
    }
}
