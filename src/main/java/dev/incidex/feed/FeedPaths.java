package dev.incidex.feed;

import dev.incidex.catalog.Vendor;
import dev.incidex.incident.Incident;
import io.quarkus.qute.TemplateExtension;

/**
 * Where a page's feeds are, without the {@code .rss} / {@code .atom} ending: pages link them by
 * these ({@code vendor.feedPath}), and {@link FeedResource} serves them there.
 */
@TemplateExtension
public final class FeedPaths {

    /** Every vendor's incidents, filtered by the query string. */
    public static final String ALL = "/feeds/incidents";

    private FeedPaths() {}

    static String feedPath(Vendor vendor) {
        return "/vendors/" + vendor.slug + "/feed";
    }

    static String feedPath(Incident incident) {
        return "/vendors/" + incident.vendor.slug + "/incidents/" + incident.id + "/feed";
    }
}
