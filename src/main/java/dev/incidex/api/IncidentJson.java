package dev.incidex.api;

import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentUpdate;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** An incident as the API shows it; {@code updates} only when one incident is asked for. */
public record IncidentJson(
        long id,
        String vendor,
        String vendorName,
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
        String sourceUrl,
        String pageUrl,
        List<String> components,
        List<UpdateJson> updates) {

    /** One timeline entry: its status, the vendor's time, and its text (plain and sanitized HTML). */
    public record UpdateJson(String status, String vendorStatus, Instant at, boolean exactTime, String text, String html) {

        static UpdateJson of(IncidentUpdate u) {
            return new UpdateJson(u.status.code(), u.vendorStatus, u.postedAt, u.exactTime, u.bodyText, u.bodyHtml);
        }
    }

    static IncidentJson of(Incident i, URI base, boolean withUpdates) {
        return new IncidentJson(
                i.id,
                i.vendor.slug,
                i.vendor.name,
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
                i.vendorUrl,
                base.resolve("vendors/" + i.vendor.slug + "/incidents/" + i.id).toString(),
                List.copyOf(i.components),
                withUpdates ? i.updates.stream().map(UpdateJson::of).toList() : null);
    }
}
