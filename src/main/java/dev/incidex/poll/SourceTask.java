package dev.incidex.poll;

import dev.incidex.catalog.DocumentState;
import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.source.SourceSettings;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A claimed source copied out of the database, so fetching runs on plain values outside any transaction.
 * {@code guarded}: a user added it, so every fetch goes through the address policy. {@code due}: when
 * its poll was due, which its next poll is counted from. {@code token}: the lease token every write of
 * this poll carries. {@code movedTo}: where the source was last seen to have moved, or null.
 */
record SourceTask(
        long id,
        String vendorSlug,
        String kind,
        SourceSettings settings,
        Map<String, DocumentState> documents,
        boolean guarded,
        Instant due,
        long token,
        String movedTo) {

    /** @param own where Incidex itself listens, for a source URL that is a path (the demo's recorded files) */
    static SourceTask of(Source s, SourceLeases.Claim claim, Instant claimedAt, Supplier<URI> own) {
        URI url = s.uri();
        if (!url.isAbsolute()) {
            url = own.get().resolve(url);
        }
        SourceSettings settings = new SourceSettings(
                url,
                s.timeZone == null ? null : ZoneId.of(s.timeZone),
                s.incidentIdPattern == null ? null : Pattern.compile(s.incidentIdPattern),
                s.cursor,
                s.vendor.slug);
        return new SourceTask(
                s.id,
                s.vendor.slug,
                s.kind,
                settings,
                Map.copyOf(s.documents),
                !Vendor.ORIGIN_CATALOG.equals(s.vendor.origin),
                claim.due() == null ? claimedAt : claim.due(),
                claim.token(),
                s.movedTo);
    }

    URI url() {
        return settings.url();
    }
}
