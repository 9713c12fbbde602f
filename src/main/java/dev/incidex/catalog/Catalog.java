package dev.incidex.catalog;

import java.util.List;

/**
 * The vendors Incidex watches, as read from one catalog file ({@code origin} names it in messages).
 *
 * @param waiting sources listed with {@code needs-kind} whose kind no adapter of this build reads yet: they are
 *     not among the vendors' sources, so nothing polls them, and they start being polled once an adapter reads
 *     their kind
 */
public record Catalog(String origin, List<CatalogVendor> vendors, List<WaitingSource> waiting) {

    public Catalog {
        vendors = List.copyOf(vendors);
        waiting = waiting == null ? List.of() : List.copyOf(waiting);
    }

    public Catalog(String origin, List<CatalogVendor> vendors) {
        this(origin, vendors, List.of());
    }

    /** A catalog source waiting for an adapter of its kind, and the line that lists it. */
    public record WaitingSource(String vendorSlug, CatalogSource source, int line) {}
}
