package dev.incidex.discovery;

import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.discovery.VendorDiscovery.Found;
import dev.incidex.discovery.VendorDiscovery.FoundSource;
import dev.incidex.poll.FirstPolls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.Normalizer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Adds a vendor from a URL a user gave: discovers its platform, stores the vendor and its sources
 * (origin "user"), and asks the poller to poll them at once (in the background, with the one-time
 * import of a Statuspage's older history).
 */
@ApplicationScoped
public class VendorRegistration {

    static final int MAX_SLUG = 48;

    /** How long adding a vendor waits for its first poll before answering. */
    static final Duration FIRST_POLL_WAIT = Duration.ofSeconds(5);

    /** The stored vendor's slug and what was found. */
    public record Added(String slug, Found found) {}

    private record Saved(String slug, List<Long> sourceIds) {}

    @Inject
    VendorDiscovery discovery;

    @Inject
    FirstPolls firstPolls;

    @Inject
    InstantSource clock;

    /**
     * @throws DiscoveryException 400 for a bad or refused URL, 409 when a vendor already has the
     *     source, 422 when nothing recognisable was found
     */
    public Added add(String input) {
        return add(input, VendorDiscovery.DEFAULT_BUDGET);
    }

    /** Like {@link #add(String)}, detecting the platform within {@code budget}. */
    public Added add(String input, java.time.Duration budget) {
        Found found = discovery.discover(input, budget);
        Saved saved = save(found);
        try {
            // Answer with the new sources' health when their servers are quick; never hold the request long.
            firstPolls.request(saved.sourceIds()).get(FIRST_POLL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            // still polling: the vendor's page fills in when it is done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // the first poll records its own failure on the source
        }
        return new Added(saved.slug(), found);
    }

    @Transactional
    Saved save(Found found) {
        for (FoundSource s : found.sources()) {
            Source existing = Source.<Source>find(
                            "kind = ?1 and (url = ?2 or url = ?3)", s.kind(), s.url(), s.url() + "/")
                    .firstResult();
            if (existing != null) {
                throw new DiscoveryException(
                        409,
                        "vendor '" + existing.vendor.slug + "' already has this " + s.kind() + " source (" + s.url()
                                + ")",
                        existing.vendor.slug);
            }
        }
        Vendor vendor = new Vendor();
        vendor.slug = uniqueSlug(found.name());
        // The name comes from the vendor's page: characters no page or database takes are dropped.
        String name = dev.incidex.model.VendorText.printable(found.name())
                .replaceAll("\\s+", " ")
                .strip();
        vendor.name = name.isEmpty() ? "Unnamed vendor" : name.length() > 200 ? name.substring(0, 200) : name;
        vendor.origin = Vendor.ORIGIN_USER;
        vendor.inCatalog = false;
        vendor.createdAt = clock.instant();
        vendor.persist();
        List<Long> ids = new ArrayList<>();
        for (FoundSource s : found.sources()) {
            Source source = new Source();
            source.vendor = vendor;
            source.kind = s.kind();
            source.url = s.url();
            source.enabled = true;
            // The page's own zone, for the dates its HTML history prints without one.
            source.timeZone = zone(found.pageTimeZone());
            source.persist();
            vendor.sources.add(source);
            ids.add(source.id);
        }
        return new Saved(vendor.slug, ids);
    }

    /** The zone a page names, if it is one this JVM knows: the value comes from the vendor's server. */
    static String zone(String id) {
        if (id == null || id.length() > 64) {
            return null;
        }
        try {
            return java.time.ZoneId.of(id).getId();
        } catch (java.time.DateTimeException unknown) {
            return null;
        }
    }

    static String slugOf(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_SLUG) {
            slug = slug.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "vendor" : slug;
    }

    private static String uniqueSlug(String name) {
        String base = slugOf(name);
        String slug = base;
        for (int n = 2; Vendor.findBySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
