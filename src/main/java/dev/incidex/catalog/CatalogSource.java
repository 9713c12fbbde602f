package dev.incidex.catalog;

import java.net.URI;
import java.time.ZoneId;

/**
 * One source of a vendor as the catalog lists it.
 *
 * @param kind the format, one of the registered adapters' kinds ({@code statuspage}, {@code rss}, …)
 * @param url for platforms with an API the status page's base URL, for feeds the feed's URL
 * @param incidentIdPattern optional regex that finds the vendor's incident ids in text, or null
 * @param timeZone optional zone for formats whose dates carry none, or null
 * @param label optional name of this source when its vendor has several (its region: "Datadog EU"), or null
 */
public record CatalogSource(String kind, URI url, String incidentIdPattern, ZoneId timeZone, String label) {

    public CatalogSource(String kind, URI url, String incidentIdPattern, ZoneId timeZone) {
        this(kind, url, incidentIdPattern, timeZone, null);
    }
}
