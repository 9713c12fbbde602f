package dev.incidex.api;

import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentLinks;
import dev.incidex.incident.IncidentUpdate;
import dev.incidex.incident.LagBreakdown;
import dev.incidex.incident.Provenance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one incident's API answer adds to the history row (issue 12): provenance, edits, the stated
 * impact window, the lag breakdown and ties to other vendors' incidents.
 */
public final class IncidentDetailsJson {

    private IncidentDetailsJson() {}

    /** A source the incident was seen through: its kind and URL, when Incidex first saw it there, how many updates it carried. */
    public record SourceJson(String source, String url, Instant firstSeenAt, int updates, boolean first) {
        static SourceJson of(Provenance.SourceSeen s) {
            return new SourceJson(s.source().kind, s.source().url, s.firstSeenAt(), s.updates(), s.first());
        }
    }

    /** One source that carried an update: the vendor's time there and when Incidex first saw it there. */
    public record SightingJson(String source, String url, Instant vendorAt, Instant firstSeenAt) {}

    /** An earlier text or title and when Incidex saw it. */
    public record VersionJson(String title, String text, String html, Instant seenAt, Instant replacedAt) {}

    /** The impact window the vendor states in its text; {@code seconds} when both ends are stated in order. */
    public record StatedImpactJson(Instant start, Instant end, Long seconds) {}

    /** Impact start (stated) → first post → Incidex's detection → resolved, with the admission lag. */
    public record LagJson(
            Instant impactStart, Instant firstPost, Instant detected, Instant resolved, Long toFirstPostSeconds) {}

    /**
     * Another vendor's incident tied to this one. {@code evidence} is {@code id} when an id or link is quoted
     * ({@code key}) and {@code timing} when they only overlap in time; either way the tie is inferred.
     */
    public record LinkJson(
            long incidentId, String vendor, String vendorName, String title, String key, String evidence) {
        static LinkJson of(IncidentLinks.Link l) {
            return new LinkJson(
                    l.incident().id,
                    l.incident().vendor.slug,
                    l.incident().vendor.name,
                    l.incident().title,
                    l.key(),
                    l.inferredFromTiming() ? "timing" : "id");
        }
    }

    static List<SightingJson> sightings(IncidentUpdate u) {
        return u.sightings.stream()
                .map(s -> new SightingJson(s.source.kind, s.source.url, s.vendorAt, s.firstSeenAt))
                .toList();
    }

    static List<VersionJson> versions(IncidentUpdate u) {
        return u.versions.stream()
                .map(v -> new VersionJson(null, v.bodyText, v.bodyHtml, v.seenAt, v.replacedAt))
                .toList();
    }

    static List<VersionJson> titles(Incident i) {
        return i.titleVersions.stream()
                .map(v -> new VersionJson(v.title, null, null, v.seenAt, v.replacedAt))
                .toList();
    }

    static StatedImpactJson statedImpact(Incident i) {
        if (i.statedStart == null && i.statedEnd == null) {
            return null;
        }
        return new StatedImpactJson(
                i.statedStart,
                i.statedEnd,
                i.statedDuration().map(Duration::getSeconds).orElse(null));
    }

    static LagJson lag(Incident i) {
        LagBreakdown lag = LagBreakdown.of(i);
        return new LagJson(
                lag.impactStart(),
                lag.firstPost(),
                lag.detected(),
                lag.resolved(),
                lag.toFirstPost().map(Duration::getSeconds).orElse(null));
    }

    static List<LinkJson> links(List<IncidentLinks.Link> links) {
        return links.stream().map(LinkJson::of).toList();
    }
}
