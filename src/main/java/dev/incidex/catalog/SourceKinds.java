package dev.incidex.catalog;

import java.util.Set;

/**
 * The source kinds this build can read. The catalog checks every entry's {@code kind} against it;
 * the adapters' registry provides it, so the catalog never depends on the adapters themselves.
 */
public interface SourceKinds {

    /** Every kind some adapter reads, e.g. {@code statuspage}, {@code rss}. */
    Set<String> known();
}
