package dev.incidex.catalog;

import java.util.List;

/**
 * One vendor as the catalog lists it.
 *
 * @param slug lower-case id used in URLs
 * @param name display name
 * @param site the vendor's home page, or null
 * @param dependsOn slugs of upstream vendors this one relies on
 * @param sources where its status is published (may be empty for a vendor only depended on)
 */
public record CatalogVendor(String slug, String name, String site, List<String> dependsOn, List<CatalogSource> sources) {

    public CatalogVendor {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
