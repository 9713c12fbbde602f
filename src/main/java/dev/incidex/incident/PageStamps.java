package dev.incidex.incident;

import dev.incidex.catalog.CatalogApplied;
import dev.incidex.catalog.Vendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What a rendered page depends on in the database, read on every request as a few aggregates that load no rows:
 * while a page's stamp is the same, the page rendered under it is still right (see {@link dev.incidex.KeptRenders}).
 * Read from the shared database, so a change another instance made moves it too.
 */
@ApplicationScoped
public class PageStamps {

    /** Every incident of every vendor, maintenances included. */
    static final Selection ALL = Selection.filter(Set.of(), Set.of(), null, true);

    /**
     * How long a read catalog stamp is reused. It sums over every vendor and source, so read per request it would
     * scan a 100 000-vendor catalog for each vendor page; reused, it is one scan a second at most. A catalog
     * applied here drops it at once; another instance's catalog or a vendor added shows within this time.
     */
    static final long CATALOG_MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record CatalogStamp(List<Object> stamp, long readAt) {}

    private volatile CatalogStamp catalog;

    @Inject
    IncidentQueries queries;

    void catalogApplied(@Observes CatalogApplied applied) {
        catalog = null;
    }

    private List<Object> catalog() {
        CatalogStamp known = catalog;
        if (known == null || System.nanoTime() - known.readAt() > CATALOG_MAX_AGE_NANOS) {
            known = new CatalogStamp(Vendor.catalogStamp(), System.nanoTime());
            catalog = known;
        }
        return known.stamp();
    }

    /** Pages over every vendor (the front page, the vendor list): all incidents, the catalog and every poll. */
    public Object everything() {
        return List.of(queries.stamp(ALL), catalog(), Vendor.pollStamp());
    }

    /**
     * A vendor's page: its incidents, its sources' polls (their health and last poll) and the catalog
     * (its name and site, the names of the vendors it depends on and of those that depend on it). Read without the
     * vendor, so a kept page is answered before the vendor and its sources are loaded.
     */
    public Object vendor(String slug) {
        return List.of(
                queries.stamp(Selection.vendor(slug)),
                Vendor.pollStamp("vendor_id = (select id from vendor where slug = ?1)", slug),
                catalog());
    }

    /**
     * An incident's page: every incident (its ties reach other vendors' incidents), the polls of its vendor's sources
     * and the catalog. Read without the incident, so a kept page is answered before the incident
     * and its updates are loaded: that load was most of the page's cost when kept.
     */
    public Object incident(long id) {
        return List.of(
                queries.stamp(ALL),
                Vendor.pollStamp("vendor_id = (select vendor_id from incident where id = ?1)", id),
                catalog());
    }
}
