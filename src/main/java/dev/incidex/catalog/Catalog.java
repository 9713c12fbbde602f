package dev.incidex.catalog;

import java.util.List;

/** The vendors Incidex watches, as read from one catalog file ({@code origin} names it in messages). */
public record Catalog(String origin, List<CatalogVendor> vendors) {

    public Catalog {
        vendors = List.copyOf(vendors);
    }
}
