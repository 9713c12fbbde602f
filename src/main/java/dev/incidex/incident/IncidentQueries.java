package dev.incidex.incident;

import dev.incidex.IncidexConfig;
import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.model.IncidentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reads the pages and the API share: one incident with its timeline, a vendor's history, what is open now. */
@ApplicationScoped
public class IncidentQueries {

    /**
     * What is broken now: not resolved, not maintenance, not removed by the vendor and not stale (SQL over
     * {@code incident i}, parameters {@code closed} and {@code fresh}, see {@link #openParameters}). Plain SQL, as
     * the front page's other reads: each HQL query is parsed on its first use, and a freshly started instance
     * parsing five of them for its first front page spent most of that request in the parser.
     */
    private static final String OPEN = "i.resolved_at is null and i.maintenance = false and i.status not in (:closed)"
            + " and i.removed_at is null and (i.last_spoke_at is null or i.last_spoke_at >= :fresh)";

    @Inject
    InstantSource clock;

    @Inject
    IncidexConfig config;

    /** The parameters of {@link #OPEN}, plus {@code more}. */
    private Map<String, Object> openParameters(Object... more) {
        Map<String, Object> p = new HashMap<>();
        p.put("closed", IncidentStatus.CLOSED.stream().map(Enum::name).toList());
        p.put("fresh", clock.instant().minus(config.incidents().staleAfter()));
        for (int k = 0; k < more.length; k += 2) {
            p.put((String) more[k], more[k + 1]);
        }
        return p;
    }

    /** How long the vendor may say nothing about an open incident before it is stale. */
    public java.time.Duration staleAfter() {
        return config.incidents().staleAfter();
    }

    /** Worst first, then the most recent. */
    public static final Comparator<Incident> WORST_FIRST = Comparator.comparingInt(
                    (Incident i) -> i.impact == null ? 0 : i.impact.severity())
            .reversed()
            .thenComparing(i -> i.startedAt, Comparator.nullsLast(Comparator.reverseOrder()));

    public Optional<Incident> incident(long id) {
        return Incident.<Incident>find(
                        "select i from Incident i join fetch i.vendor left join fetch i.updates where i.id = ?1", id)
                .singleResultOptional();
    }

    /** A vendor's incidents, newest first. */
    public List<Incident> history(Vendor vendor, int limit) {
        return history(HistoryFilter.vendor(vendor.slug), null, limit).incidents();
    }

    /**
     * One page of history matching the filter, newest first, starting after {@code after} (null:
     * the first page). Keyset paging on (sort_at, id) walks an index, so a deep page costs what the
     * first one does; words are looked up in the search index ({@link SearchIndex}): every word
     * must be among the incident's words, the last one as a prefix.
     */
    public HistoryPage history(HistoryFilter filter, HistoryCursor after, int limit) {
        IncidentWhere where = IncidentWhere.of(filter);
        if (after != null) {
            where.and(
                    "(i.sort_at < :afterAt or (i.sort_at = :afterAt and i.id < :afterId))",
                    Map.of("afterAt", after.sortAt(), "afterId", after.id()));
        }
        Query query = where.bind(Incident.getEntityManager()
                .createNativeQuery(
                        "select i.id from incident i where " + where.sql() + " order by i.sort_at desc, i.id desc")
                .setMaxResults(limit + 1));
        @SuppressWarnings("unchecked")
        List<Number> found = query.getResultList();
        List<Long> ids = found.stream().map(Number::longValue).limit(limit).toList();
        List<Incident> page = byIds(ids);
        return new HistoryPage(page, found.size() > limit ? HistoryCursor.after(page.get(page.size() - 1)) : null);
    }

    /** The incidents a feed or watchlist follows, newest first, at most {@code limit}: what a watchlist page lists. */
    public List<Incident> followed(Selection selection, int limit) {
        IncidentWhere where = IncidentWhere.of(selection);
        Query query = where.bind(Incident.getEntityManager()
                .createNativeQuery(
                        "select i.id from incident i where " + where.sql() + " order by i.sort_at desc, i.id desc")
                .setMaxResults(limit));
        @SuppressWarnings("unchecked")
        List<Number> found = query.getResultList();
        return byIds(found.stream().map(Number::longValue).toList());
    }

    /** Which of these incidents a selection follows (routing a notification to the watchlists that follow it). */
    public java.util.Set<Long> followedAmong(Selection selection, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        IncidentWhere where = IncidentWhere.of(selection).and("i.id in (:among)", Map.of("among", List.copyOf(ids)));
        Query query = where.bind(
                Incident.getEntityManager().createNativeQuery("select i.id from incident i where " + where.sql()));
        @SuppressWarnings("unchecked")
        List<Number> found = query.getResultList();
        return found.stream().map(Number::longValue).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The newest updates of the incidents a selection follows, newest first, at most {@code limit},
     * each with its place in its incident's timeline (ordered by posted time, then id, as the
     * incident page numbers it). Walks the update-time index and stops at the cap.
     */
    public List<NumberedUpdate> newestUpdates(Selection selection, int limit) {
        IncidentWhere where = IncidentWhere.of(selection);
        Query query = where.bind(Incident.getEntityManager()
                .createNativeQuery(
                        "select u.id, (select count(*) from incident_update u2 where u2.incident_id = u.incident_id"
                                + " and (u2.posted_at < u.posted_at or (u2.posted_at = u.posted_at and u2.id <= u.id)))"
                                + " from incident_update u join incident i on i.id = u.incident_id where " + where.sql()
                                + " order by u.posted_at desc, u.id desc")
                .setMaxResults(limit));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, IncidentUpdate> byId = new HashMap<>();
        IncidentUpdate.<IncidentUpdate>find(
                        "select u from IncidentUpdate u join fetch u.incident i join fetch i.vendor"
                                + " where u.id in ?1",
                        rows.stream().map(r -> ((Number) r[0]).longValue()).toList())
                .list()
                .forEach(u -> byId.put(u.id, u));
        return rows.stream()
                .filter(r -> byId.containsKey(((Number) r[0]).longValue()))
                .map(r -> new NumberedUpdate(byId.get(((Number) r[0]).longValue()), ((Number) r[1]).intValue()))
                .toList();
    }

    /**
     * What a rendered list of these incidents depends on: the newest change to any of them and how many
     * there are (for every incident, the newest id). Every merge that changes an incident or its updates moves its {@code changedAt}, so a
     * list rendered under one stamp is still right while the stamp is the same.
     */
    public record Stamp(String changedAt, long incidents) {}

    /** The condition of a selection that picks every incident. */
    static final String EVERY_INCIDENT = "1 = 1";

    /** The stamp of the incidents a selection picks: one aggregate, no rows loaded. */
    public Stamp stamp(Selection selection) {
        IncidentWhere where = IncidentWhere.of(selection);
        if (where.sql().equals(EVERY_INCIDENT)) {
            // Every incident: incidents are never deleted and ids only grow, so the newest id tells a new one as
            // a count would; both maxima are index look-ups, where a count reads the whole table per request.
            Object[] row = (Object[]) Incident.getEntityManager()
                    .createNativeQuery("select max(changed_at), max(id) from incident")
                    .getSingleResult();
            return new Stamp(String.valueOf(row[0]), row[1] == null ? 0 : ((Number) row[1]).longValue());
        }
        Object[] row = (Object[]) where.bind(Incident.getEntityManager()
                        .createNativeQuery("select max(i.changed_at), count(*) from incident i where " + where.sql()))
                .getSingleResult();
        // Compared, never read: the driver's own rendering of the newest change is enough.
        return new Stamp(String.valueOf(row[0]), row[1] == null ? 0 : ((Number) row[1]).longValue());
    }

    /** The plain text of these incidents' updates, oldest first per incident, in one query: search snippets. */
    public java.util.Map<Long, List<String>> updateTexts(Collection<Long> ids) {
        java.util.Map<Long, List<String>> texts = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return texts;
        }
        List<Object[]> rows = IncidentUpdate.getEntityManager()
                .createQuery(
                        "select u.incident.id, u.bodyText from IncidentUpdate u"
                                + " where u.incident.id in :ids order by u.postedAt, u.id",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        for (Object[] row : rows) {
            texts.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add((String) row[1]);
        }
        return texts;
    }

    /**
     * Which sources reported each of these incidents (carried one of its updates), in one query, each incident's
     * sources in the order of their first sighting: a vendor with regional pages shows which one reported what.
     */
    public java.util.Map<Long, List<Source>> reportedBy(Collection<Long> ids) {
        java.util.Map<Long, List<Source>> by = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return by;
        }
        List<Object[]> rows = UpdateSighting.getEntityManager()
                .createQuery(
                        "select u.incident.id, s.source.id, min(s.firstSeenAt) from UpdateSighting s join s.update u"
                                + " where u.incident.id in :ids group by u.incident.id, s.source.id"
                                + " order by min(s.firstSeenAt), s.source.id",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        java.util.Map<Long, Source> sources = new java.util.HashMap<>();
        List<Long> sourceIds = rows.stream().map(r -> (Long) r[1]).distinct().toList();
        if (!sourceIds.isEmpty()) {
            Source.<Source>list("id in ?1", sourceIds).forEach(src -> sources.put(src.id, src));
        }
        for (Object[] row : rows) {
            Source source = sources.get((Long) row[1]);
            if (source != null) {
                by.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(source);
            }
        }
        return by;
    }

    /** These incidents with vendor and components, newest first; ids of no incident are left out. */
    public List<Incident> incidents(Collection<Long> ids) {
        return byIds(List.copyOf(ids)).stream()
                .sorted(Comparator.comparing((Incident i) -> i.sortAt, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(i -> i.id, Comparator.reverseOrder()))
                .toList();
    }

    /** These incidents, with vendor and components, in the order of the ids. */
    private static List<Incident> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Incident> byId = new HashMap<>();
        Incident.<Incident>find(
                        "select i from Incident i join fetch i.vendor left join fetch i.components where i.id in ?1",
                        ids)
                .list()
                .forEach(i -> byId.put(i.id, i));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Open incidents across vendors (maintenances excluded), worst first. */
    public List<Incident> ongoing() {
        return byIds(ids(sql("select i.id from incident i where " + OPEN, openParameters()))).stream()
                .sorted(WORST_FIRST)
                .toList();
    }

    /** One vendor's open incidents (maintenances excluded), worst first: its page, without every vendor's. */
    public List<Incident> ongoing(Vendor vendor) {
        return byIds(ids(sql(
                        "select i.id from incident i where i.vendor_id = :vendor and " + OPEN,
                        openParameters("vendor", vendor.id))))
                .stream()
                .sorted(WORST_FIRST)
                .toList();
    }

    /** The most recently resolved incidents across vendors. */
    public List<Incident> recentlyResolved(int limit) {
        return byIds(ids(sql(
                        "select i.id from incident i where i.resolved_at is not null and i.maintenance = false"
                                + " and i.removed_at is null order by i.resolved_at desc, i.id desc",
                        Map.of())
                .setMaxResults(limit)));
    }

    public long ongoingCount(Vendor vendor) {
        return count(sql(
                "select count(*) from incident i where i.vendor_id = :vendor and " + OPEN,
                openParameters("vendor", vendor.id)));
    }

    /** Open incidents across every vendor. */
    public long ongoingCount() {
        return count(sql("select count(*) from incident i where " + OPEN, openParameters()));
    }

    /** A plain SQL read with its named parameters: the front page's reads, see {@link #OPEN}. */
    private static Query sql(String sql, Map<String, Object> parameters) {
        Query query = Incident.getEntityManager().createNativeQuery(sql);
        parameters.forEach(query::setParameter);
        return query;
    }

    private static List<Long> ids(Query query) {
        @SuppressWarnings("unchecked")
        List<Number> found = query.getResultList();
        return found.stream().map(Number::longValue).toList();
    }

    private static long count(Query query) {
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Open incidents per vendor slug, for lists of every vendor in one query. */
    public Map<String, Long> openCounts() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = sql(
                        "select v.slug, count(*) from incident i join vendor v on v.id = i.vendor_id where " + OPEN
                                + " group by v.slug",
                        openParameters())
                .getResultList();
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : rows) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
