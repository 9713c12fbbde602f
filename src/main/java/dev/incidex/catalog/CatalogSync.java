package dev.incidex.catalog;

import dev.incidex.IncidexConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Makes the database's vendors and sources match the catalog at start-up. A vendor or source that
 * left the catalog stops being polled but keeps its history; a malformed catalog stops start-up.
 */
@ApplicationScoped
public class CatalogSync {

    static final String BUILT_IN = "catalog/vendors.yaml";

    @Inject
    IncidexConfig config;

    @Inject
    InstantSource clock;

    @Inject
    SourceKinds sourceKinds;

    @Inject
    Event<CatalogApplied> applied;

    void onStart(@Observes StartupEvent event) {
        Catalog catalog = load();
        if (config.catalogInBackground()) {
            // Off the start path: the HTTP server answers meanwhile, and the poller polls what is stored so far.
            Thread sync = new Thread(() -> applyAndLog(catalog), "catalog-sync");
            sync.setDaemon(true);
            sync.start();
        } else {
            applyAndLog(catalog);
        }
    }

    private void applyAndLog(Catalog catalog) {
        try {
            apply(catalog);
        } catch (RuntimeException e) {
            Log.errorf(e, "catalog %s could not be stored; the next start tries again", catalog.origin());
            return;
        }
        Log.infof(
                "catalog %s: %d vendors, %d sources",
                catalog.origin(),
                catalog.vendors().size(),
                catalog.vendors().stream().mapToInt(v -> v.sources().size()).sum());
        if (!catalog.waiting().isEmpty()) {
            Log.infof(
                    "catalog %s: %d sources wait for an adapter of their kind (%s), so they are not polled",
                    catalog.origin(),
                    catalog.waiting().size(),
                    catalog.waiting().stream()
                            .map(w -> w.source().kind())
                            .distinct()
                            .sorted()
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    /** The configured catalog (a file, or {@code classpath:} a resource), or the built-in one. */
    public Catalog load() {
        Set<String> kinds = sourceKinds.known();
        String configured = config.catalog().filter(c -> !c.isBlank()).orElse("classpath:" + BUILT_IN);
        if (!configured.startsWith("classpath:")) {
            return CatalogReader.read(Path.of(configured), kinds);
        }
        String resource = configured.substring("classpath:".length());
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new CatalogException("catalog " + configured + " is not in the application");
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return CatalogReader.read(reader, configured, kinds);
        } catch (IOException e) {
            throw new CatalogException("cannot read catalog " + configured + ": " + e.getMessage(), e);
        }
    }

    /** Vendors written per transaction: a catalog of any size is applied in memory bounded by this. */
    private static final int CHUNK = 1000;

    /**
     * Makes the stored vendors match {@code catalog}, {@value #CHUNK} vendors per transaction. When
     * several instances start at once on an empty database, a chunk another instance wrote first
     * fails on its unique slug and is simply applied again over what that instance stored.
     */
    public void apply(Catalog catalog) {
        List<CatalogVendor> entries = catalog.vendors();
        for (int from = 0; from < entries.size(); from += CHUNK) {
            List<CatalogVendor> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            try {
                QuarkusTransaction.requiringNew().run(() -> applyChunk(chunk));
            } catch (PersistenceException e) {
                Log.infof(
                        "catalog vendors %s… were being stored by another instance; applying them again",
                        chunk.get(0).slug());
                QuarkusTransaction.requiringNew().run(() -> applyChunk(chunk));
            }
        }
        Set<String> listed = new HashSet<>();
        entries.forEach(v -> listed.add(v.slug()));
        List<Long> gone = QuarkusTransaction.requiringNew()
                .call(() -> Vendor.<Vendor>list("origin", Vendor.ORIGIN_CATALOG).stream()
                        .filter(v -> v.inCatalog && !listed.contains(v.slug))
                        .map(v -> v.id)
                        .toList());
        for (int from = 0; from < gone.size(); from += CHUNK) {
            List<Long> chunk = gone.subList(from, Math.min(gone.size(), from + CHUNK));
            QuarkusTransaction.requiringNew().run(() -> {
                Vendor.update("inCatalog = false where id in ?1", chunk);
                Source.update("enabled = false where vendor.id in ?1", chunk);
            });
        }
        applied.fire(new CatalogApplied(catalog.origin()));
    }

    private void applyChunk(List<CatalogVendor> chunk) {
        Map<String, Vendor> stored = new HashMap<>();
        List<String> slugs = chunk.stream().map(CatalogVendor::slug).toList();
        for (Vendor v : Vendor.<Vendor>list(
                "select distinct v from Vendor v left join fetch v.sources where v.slug in ?1", slugs)) {
            stored.put(v.slug, v);
        }
        List<CatalogVendor> added = new ArrayList<>();
        for (CatalogVendor entry : chunk) {
            Vendor vendor = stored.get(entry.slug());
            if (vendor != null && !Vendor.ORIGIN_CATALOG.equals(vendor.origin)) {
                // A user added a vendor under this slug first; theirs stays as it is.
                Log.warnf("catalog vendor '%s' skipped: a vendor added by a user already has that slug", entry.slug());
                continue;
            }
            if (vendor == null) {
                added.add(entry);
                continue;
            }
            vendor.name = entry.name();
            vendor.site = entry.site();
            vendor.dependsOn = dependsOn(entry);
            vendor.inCatalog = true;
            syncSources(vendor, entry.sources());
        }
        insert(added);
    }

    private static String dependsOn(CatalogVendor entry) {
        return entry.dependsOn().isEmpty() ? null : String.join(",", entry.dependsOn());
    }

    /**
     * Stores vendors new to the database with their sources, as two batched inserts. Through entities each row was
     * an insert of its own (identity keys rule out Hibernate's batching), and a fresh database's first catalog, a
     * few hundred vendors, was the largest work beside a starting instance's first page.
     */
    private void insert(List<CatalogVendor> added) {
        if (added.isEmpty()) {
            return;
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        Vendor.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement vendors = connection.prepareStatement(
                    "insert into vendor (slug, name, site, depends_on, origin, in_catalog, created_at)"
                            + " values (?, ?, ?, ?, ?, true, ?)")) {
                for (CatalogVendor entry : added) {
                    vendors.setString(1, entry.slug());
                    vendors.setString(2, entry.name());
                    vendors.setString(3, entry.site());
                    vendors.setString(4, dependsOn(entry));
                    vendors.setString(5, Vendor.ORIGIN_CATALOG);
                    vendors.setObject(6, now);
                    vendors.addBatch();
                }
                vendors.executeBatch();
            }
            Map<String, Long> ids = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("select id, slug from vendor where slug in ("
                    + String.join(", ", Collections.nCopies(added.size(), "?")) + ")")) {
                for (int k = 0; k < added.size(); k++) {
                    select.setString(k + 1, added.get(k).slug());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.put(rows.getString(2), rows.getLong(1));
                    }
                }
            }
            // A new source is enabled, has never failed and is due at once: the values a new Source holds.
            try (PreparedStatement sources = connection.prepareStatement(
                    "insert into source (vendor_id, kind, url, incident_id_pattern, time_zone, label, enabled,"
                            + " error_count) values (?, ?, ?, ?, ?, ?, true, 0)")) {
                for (CatalogVendor entry : added) {
                    for (CatalogSource source : entry.sources()) {
                        sources.setLong(1, ids.get(entry.slug()));
                        sources.setString(2, source.kind());
                        sources.setString(3, source.url().toString());
                        sources.setString(4, source.incidentIdPattern());
                        ZoneId zone = source.timeZone();
                        sources.setString(5, zone == null ? null : zone.getId());
                        sources.setString(6, source.label());
                        sources.addBatch();
                    }
                }
                sources.executeBatch();
            }
        });
    }

    private void syncSources(Vendor vendor, List<CatalogSource> entries) {
        Map<String, Source> existing = new HashMap<>();
        for (Source s : vendor.sources) {
            existing.put(s.kind + " " + s.url, s);
        }
        Set<String> listed = new HashSet<>();
        for (CatalogSource entry : entries) {
            String key = entry.kind() + " " + entry.url();
            listed.add(key);
            Source source = existing.get(key);
            if (source == null) {
                source = new Source();
                source.vendor = vendor;
                source.kind = entry.kind();
                source.url = entry.url().toString();
                vendor.sources.add(source);
            }
            source.enabled = true;
            source.incidentIdPattern = entry.incidentIdPattern();
            source.timeZone = entry.timeZone() == null ? null : entry.timeZone().getId();
            source.label = entry.label();
            source.persist();
        }
        existing.forEach((key, source) -> {
            if (!listed.contains(key)) {
                source.enabled = false;
            }
        });
    }
}
