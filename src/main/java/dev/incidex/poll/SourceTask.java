package dev.incidex.poll;

import dev.incidex.catalog.DocumentState;
import dev.incidex.catalog.Source;
import java.net.URI;
import java.util.Map;

/** A due source copied out of the database, so fetching runs on plain values outside any transaction. */
record SourceTask(long id, String vendorSlug, String kind, URI url, Map<String, DocumentState> documents) {

    static SourceTask of(Source s) {
        return new SourceTask(s.id, s.vendor.slug, s.kind, s.uri(), Map.copyOf(s.documents));
    }
}
