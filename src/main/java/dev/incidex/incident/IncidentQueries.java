package dev.incidex.incident;

import dev.incidex.catalog.Vendor;
import dev.incidex.source.IncidentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The reads the pages and the API share: one incident with its timeline, a vendor's history, what is open now. */
@ApplicationScoped
public class IncidentQueries {

    private static final List<IncidentStatus> CLOSED =
            List.of(IncidentStatus.RESOLVED, IncidentStatus.POSTMORTEM, IncidentStatus.COMPLETED);

    /** Worst first, then the most recent. */
    public static final Comparator<Incident> WORST_FIRST = Comparator
            .comparingInt((Incident i) -> i.impact == null ? 0 : i.impact.severity()).reversed()
            .thenComparing(i -> i.startedAt, Comparator.nullsLast(Comparator.reverseOrder()));

    public Optional<Incident> incident(long id) {
        return Incident.<Incident>find("select i from Incident i join fetch i.vendor left join fetch i.updates where i.id = ?1", id)
                .singleResultOptional();
    }

    /** A vendor's incidents, newest first. */
    public List<Incident> history(Vendor vendor, int limit) {
        return Incident.<Incident>find("vendor = ?1 order by startedAt desc nulls last, id desc", vendor).page(0, limit).list();
    }

    /** Open incidents across vendors (maintenances excluded), worst first. */
    public List<Incident> ongoing() {
        List<Incident> open = Incident.<Incident>find("select i from Incident i join fetch i.vendor"
                + " where i.resolvedAt is null and i.maintenance = false and i.status not in ?1",
                CLOSED).list();
        return open.stream().sorted(WORST_FIRST).toList();
    }

    /** The most recently resolved incidents across vendors. */
    public List<Incident> recentlyResolved(int limit) {
        return Incident.<Incident>find("select i from Incident i join fetch i.vendor where i.resolvedAt is not null"
                + " and i.maintenance = false order by i.resolvedAt desc, i.id desc").page(0, limit).list();
    }

    public long ongoingCount(Vendor vendor) {
        return Incident.count("vendor = ?1 and resolvedAt is null and maintenance = false and status not in ?2", vendor,
                CLOSED);
    }
}
