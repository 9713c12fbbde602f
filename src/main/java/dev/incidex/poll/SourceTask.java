package dev.incidex.poll;

import dev.incidex.catalog.DocumentState;
import dev.incidex.catalog.Source;
import dev.incidex.source.SourceSettings;
import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

/** A due source copied out of the database, so fetching runs on plain values outside any transaction. */
record SourceTask(long id, String vendorSlug, String kind, SourceSettings settings, Map<String, DocumentState> documents) {

    static SourceTask of(Source s) {
        SourceSettings settings = new SourceSettings(s.uri(),
                s.timeZone == null ? null : ZoneId.of(s.timeZone),
                s.incidentIdPattern == null ? null : Pattern.compile(s.incidentIdPattern), s.cursor, s.vendor.slug);
        return new SourceTask(s.id, s.vendor.slug, s.kind, settings, Map.copyOf(s.documents));
    }

    URI url() {
        return settings.url();
    }
}
