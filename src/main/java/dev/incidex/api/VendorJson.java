package dev.incidex.api;

import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
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
        List<SourceJson> sources) {

    /**
     * One source and how it is doing: ok, failing (with the error) or unknown; {@code movedTo} is where its documents
     * now answer from after a permanent redirect to another host, else null; {@code lastWarning} says which records of
     * its documents had to be repaired or skipped.
     */
    public record SourceJson(
            String kind,
            String url,
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
                v.sources.stream().map(SourceJson::of).toList());
    }
}
