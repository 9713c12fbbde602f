package dev.incidex.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentLinks;
import dev.incidex.incident.IncidentUpdate;
import dev.incidex.incident.Provenance;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An incident as the API shows it; {@code updates} only when one incident is asked for (lists leave the
 * field out). {@code vendorIncidentId} is the vendor's own id (a Statuspage code, "DZ534539"), null when
 * the vendor gives none; {@code imported} says {@code detectedAt} is when Incidex imported it, not when it
 * saw it happen.
 */
public record IncidentJson(
        long id,
        String vendor,
        String vendorName,
        String vendorIncidentId,
        String title,
        String impact,
        String status,
        String vendorStatus,
        boolean maintenance,
        boolean resolved,
        Instant startedAt,
        Instant resolvedAt,
        Long durationSeconds,
        Instant detectedAt,
        boolean imported,
        String sourceUrl,
        String pageUrl,
        List<String> components,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<UpdateJson> updates,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<IncidentDetailsJson.SourceJson> sources,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<IncidentDetailsJson.VersionJson> titleVersions,
        @JsonInclude(JsonInclude.Include.NON_NULL) IncidentDetailsJson.StatedImpactJson statedImpact,
        @JsonInclude(JsonInclude.Include.NON_NULL) IncidentDetailsJson.LagJson lag,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<IncidentDetailsJson.LinkJson> related,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<IncidentDetailsJson.LinkJson> possiblyCausedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<IncidentDetailsJson.LinkJson> affectedDownstream,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant removedByVendorAt,
        Instant vendorLastSpokeAt,
        boolean stale,
        boolean overdue) {

    /**
     * One timeline entry: its status, the vendor's time, and its text (plain and sanitized HTML); for one
     * incident also the vendor's creation time, whether it is back-dated or edited, its earlier texts and
     * the sources that carried it.
     */
    public record UpdateJson(
            String status,
            String vendorStatus,
            Instant at,
            boolean exactTime,
            String text,
            String html,
            Instant createdAt,
            boolean backDated,
            boolean edited,
            List<IncidentDetailsJson.VersionJson> versions,
            List<IncidentDetailsJson.SightingJson> sightings) {

        static UpdateJson of(IncidentUpdate u) {
            return new UpdateJson(
                    u.status.code(),
                    u.vendorStatus,
                    u.postedAt,
                    u.exactTime,
                    u.bodyText,
                    u.bodyHtml,
                    u.createdAt,
                    u.isBackDated(),
                    u.isEdited(),
                    IncidentDetailsJson.versions(u),
                    IncidentDetailsJson.sightings(u));
        }
    }

    /** One incident with everything: timeline, provenance, edits, stated impact, lag and ties to other vendors. */
    static IncidentJson of(Incident i, URI base, IncidentLinks.Ties ties) {
        IncidentJson row = of(i, base, true);
        return new IncidentJson(
                row.id,
                row.vendor,
                row.vendorName,
                row.vendorIncidentId,
                row.title,
                row.impact,
                row.status,
                row.vendorStatus,
                row.maintenance,
                row.resolved,
                row.startedAt,
                row.resolvedAt,
                row.durationSeconds,
                row.detectedAt,
                row.imported,
                row.sourceUrl,
                row.pageUrl,
                row.components,
                row.updates,
                Provenance.of(i).stream()
                        .map(IncidentDetailsJson.SourceJson::of)
                        .toList(),
                IncidentDetailsJson.titles(i),
                IncidentDetailsJson.statedImpact(i),
                IncidentDetailsJson.lag(i),
                IncidentDetailsJson.links(ties.related()),
                IncidentDetailsJson.links(ties.possibleCauses()),
                IncidentDetailsJson.links(ties.downstream()),
                row.removedByVendorAt,
                row.vendorLastSpokeAt,
                row.stale,
                row.overdue);
    }

    static IncidentJson of(Incident i, URI base, boolean withUpdates) {
        return new IncidentJson(
                i.id,
                i.vendor.slug,
                i.vendor.name,
                i.vendorIncidentId(),
                i.title,
                i.impact == null ? null : i.impact.code(),
                i.status.code(),
                i.vendorStatus,
                i.maintenance,
                i.isResolved(),
                i.startedAt,
                i.resolvedAt,
                i.duration().map(Duration::getSeconds).orElse(null),
                i.detectedAt,
                i.imported,
                i.vendorUrl,
                base.resolve("vendors/" + i.vendor.slug + "/incidents/" + i.id).toString(),
                List.copyOf(i.components),
                withUpdates ? i.updates.stream().map(UpdateJson::of).toList() : null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                i.removedAt,
                i.lastSpokeAt,
                i.isStale(now(), staleAfter()),
                i.isOverdue(now()));
    }

    /** Records have no injection point: the app's clock and settings, looked up (tests set the time). */
    private static Instant now() {
        return io.quarkus.arc.Arc.container()
                .instance(java.time.InstantSource.class)
                .get()
                .instant();
    }

    private static java.time.Duration staleAfter() {
        return io.quarkus.arc.Arc.container()
                .instance(dev.incidex.IncidexConfig.class)
                .get()
                .incidents()
                .staleAfter();
    }
}
