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
 * @param checked the catalog's note of the public evidence for the entry (where it was seen, and when), or
 *     {@code unverified}; null when the catalog gives none. Nothing acts on it: it is for whoever maintains the list
 */
public record CatalogVendor(
        String slug, String name, String site, List<String> dependsOn, List<CatalogSource> sources, String checked) {

    public CatalogVendor {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public CatalogVendor(String slug, String name, String site, List<String> dependsOn, List<CatalogSource> sources) {
        this(slug, name, site, dependsOn, sources, null);
    }
}
