package dev.incidex.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A company whose status Incidex watches, with the sources it publishes on. */
@Entity
@Table(name = "vendor")
public class Vendor extends PanacheEntityBase {

    /** Where a vendor came from: the catalog file, or a user adding it at run time. */
    public static final String ORIGIN_CATALOG = "catalog";

    /** A vendor a user added by URL: the catalog sync never changes or retires it. */
    public static final String ORIGIN_USER = "user";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;

    public String name;

    public String site;

    /** Slugs of upstream vendors, comma separated. */
    @Column(name = "depends_on")
    public String dependsOn;

    public String origin;

    /** False once the vendor left the catalog: it is no longer polled but its history stays. */
    @Column(name = "in_catalog")
    public boolean inCatalog;

    @Column(name = "created_at")
    public Instant createdAt;

    // The sources polled now first; retired ones after them, kept for the incidents they brought.
    @OneToMany(mappedBy = "vendor")
    @OrderBy("enabled desc, id")
    public List<Source> sources = new ArrayList<>();

    /** The vendor whose slug this is in any case: slugs are stored lower-case, and people type "GitHub". */
    public static Optional<Vendor> findBySlug(String slug) {
        return slug == null
                ? Optional.empty()
                : find("slug", slug.toLowerCase(java.util.Locale.ROOT)).firstResultOptional();
    }

    public static List<Vendor> listByName() {
        return list("order by lower(name)");
    }

    /**
     * A vendor as lists show it, read without loading entities: whether any of its sources has ever answered well
     * ({@link #hasAnswered}) and whether an enabled one is failing now.
     */
    public record Line(String slug, String name, String origin, boolean answered, boolean sourceFailing) {}

    /**
     * Every vendor by name as a {@link Line}, in one grouped query: loading a thousand vendors with their sources as
     * entities cost the front page two thirds of its time. Plain SQL: HQL is parsed on its first use, and a freshly
     * started instance spent most of its first front page in the parser.
     */
    public static List<Line> lines() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("select v.slug, v.name, v.origin, count(s.last_success_at),"
                        + " sum(case when s.enabled = true and s.error_count > 0 then 1 else 0 end)"
                        + " from vendor v left join source s on s.vendor_id = v.id"
                        + " group by v.id, v.slug, v.name, v.origin order by lower(v.name), v.id")
                .getResultList();
        return rows.stream()
                .map(r -> new Line(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).longValue() > 0,
                        r[4] != null && ((Number) r[4]).longValue() > 0))
                .toList();
    }

    /**
     * One page of vendors by name, after {@code cursor} (null: the first page), each with its sources;
     * {@code limit + 1} are read so the caller knows whether a next page exists.
     */
    public static List<Vendor> pageByName(VendorCursor cursor, int limit) {
        jakarta.persistence.TypedQuery<Long> query = cursor == null
                ? getEntityManager().createQuery("select v.id from Vendor v order by lower(v.name), v.slug", Long.class)
                : getEntityManager()
                        .createQuery(
                                "select v.id from Vendor v where lower(v.name) > ?1 or (lower(v.name) = ?1 and v.slug > ?2)"
                                        + " order by lower(v.name), v.slug",
                                Long.class)
                        .setParameter(1, cursor.name())
                        .setParameter(2, cursor.slug());
        List<Long> ids = query.setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Vendor> vendors = new ArrayList<>(
                Vendor.<Vendor>list("select v from Vendor v left join fetch v.sources where v.id in ?1", ids));
        vendors.sort(java.util.Comparator.comparingInt(v -> ids.indexOf(v.id))); // the database's order, its collation
        return vendors;
    }

    /**
     * What pages show of the whole catalog, as a few aggregates that load no rows: vendors added or dropped, their
     * names, sites, dependencies and whether the catalog still lists them, sources added, enabled or moved. Compared,
     * never read. A rename to a name of the same length keeps it: that shows once anything else moves, e.g. the next
     * poll ({@link #pollStamp}).
     */
    public static List<Object> catalogStamp() {
        Object[] row = (Object[]) getEntityManager()
                .createNativeQuery("select (select count(*) from vendor), (select max(id) from vendor),"
                        + " (select sum(id * (length(name) + coalesce(length(site), 0)"
                        + " + coalesce(length(depends_on), 0) + case when in_catalog then 1 else 0 end)) from vendor),"
                        + " (select count(*) from source), (select max(id) from source),"
                        + " (select sum(id * (length(url) + coalesce(length(label), 0)"
                        + " + case when enabled then 1 else 0 end)) from source)")
                .getSingleResult();
        return Arrays.asList(row);
    }

    /**
     * What pages show of every source's polling, as aggregates that load no rows: every poll moves the newest
     * polled-at, so a page that shows sources' health or a vendor's state is rendered again after any poll.
     */
    public static List<Object> pollStamp() {
        return pollStamp("true", null);
    }

    /**
     * {@link #pollStamp()} of the sources matching {@code where} (SQL over table {@code source}, with {@code ?1} bound
     * to {@code parameter} when not null): one vendor's sources for its own pages, read by index, not over the whole
     * table.
     */
    public static List<Object> pollStamp(String where, Object parameter) {
        jakarta.persistence.Query query = getEntityManager()
                .createNativeQuery("select max(last_polled_at), max(last_success_at), max(components_at),"
                        + " sum(error_count), count(last_success_at) from source where " + where);
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        return Arrays.asList((Object[]) query.getSingleResult());
    }

    /** Whether any of its sources has ever answered well: until then its state is unknown, not "operational". */
    public boolean hasAnswered() {
        return sources.stream().anyMatch(s -> s.lastSuccessAt != null);
    }

    public List<String> upstreamSlugs() {
        if (dependsOn == null || dependsOn.isBlank()) {
            return List.of();
        }
        return Arrays.stream(dependsOn.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
