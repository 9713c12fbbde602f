package dev.incidex.incident;

import dev.incidex.catalog.Vendor;
import dev.incidex.source.IncidentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
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
        return history(HistoryFilter.vendor(vendor.slug), null, limit).incidents();
    }

    /**
     * One page of history matching the filter, newest first, starting after {@code after} (null:
     * the first page). Keyset paging on (sort_at, id) walks an index, so a deep page costs what the
     * first one does.
     */
    public HistoryPage history(HistoryFilter filter, HistoryCursor after, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.vendorSlug() != null) {
            where.append(" and i.vendor.slug = :vendor");
            params.put("vendor", filter.vendorSlug());
        }
        if (filter.from() != null) {
            where.append(" and i.sortAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and i.sortAt < :to");
            params.put("to", filter.to());
        }
        if (!filter.impacts().isEmpty()) {
            where.append(" and i.impact in :impacts");
            params.put("impacts", filter.impacts());
        }
        if (!filter.statuses().isEmpty()) {
            where.append(" and i.status in :statuses");
            params.put("statuses", filter.statuses());
        }
        if (filter.component() != null) {
            where.append(" and exists (select 1 from Incident c join c.components n where c = i and lower(n) = :component)");
            params.put("component", filter.component().toLowerCase(Locale.ROOT));
        }
        if (filter.text() != null) {
            where.append(" and (lower(i.title) like :text or exists (select 1 from IncidentUpdate u where u.incident = i"
                    + " and lower(u.bodyText) like :text))");
            params.put("text", "%" + filter.text().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (after != null) {
            where.append(" and (i.sortAt < :afterAt or (i.sortAt = :afterAt and i.id < :afterId))");
            params.put("afterAt", after.sortAt());
            params.put("afterId", after.id());
        }
        List<Incident> rows = Incident.<Incident>find("select i from Incident i join fetch i.vendor where " + where
                + " order by i.sortAt desc, i.id desc", params).range(0, limit).list();
        List<Incident> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        return new HistoryPage(page, rows.size() > limit ? HistoryCursor.after(page.get(page.size() - 1)) : null);
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
