package dev.incidex.incident;

import dev.incidex.catalog.Vendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * What a rendered page depends on in the database, read on every request as a few aggregates that load no rows:
 * while a page's stamp is the same, the page rendered under it is still right (see {@link dev.incidex.KeptRenders}).
 * Read from the shared database, so a change another instance made moves it too.
 */
@ApplicationScoped
public class PageStamps {

    /** Every incident of every vendor, maintenances included. */
    static final Selection ALL = Selection.filter(Set.of(), Set.of(), null, true);

    @Inject
    IncidentQueries queries;

    /** Pages over every vendor (the front page, the vendor list): all incidents, the catalog and every poll. */
    public Object everything() {
        return List.of(queries.stamp(ALL), Vendor.catalogStamp(), Vendor.pollStamp());
    }

    /**
     * A vendor's page: its incidents, what it shows of the vendor and its sources ({@code vendor} as the page loaded
     * it), and the catalog (the names of the vendors it depends on and of those that depend on it).
     */
    public Object vendor(Vendor vendor) {
        return List.of(queries.stamp(Selection.vendor(vendor.slug)), vendor.shownState(), Vendor.catalogStamp());
    }

    /**
     * An incident's page: every incident (its ties reach other vendors' incidents), its vendor and sources as the
     * page loaded them, and the catalog.
     */
    public Object incident(Incident incident) {
        return List.of(queries.stamp(ALL), incident.vendor.shownState(), Vendor.catalogStamp());
    }
}
