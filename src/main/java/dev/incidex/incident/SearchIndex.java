package dev.incidex.incident;

import dev.incidex.IncidexConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * Keeps the search index ({@code incident_term}) equal to each incident's words: the merge calls
 * {@link #index} for every incident it touches, and start-up indexes incidents stored before the
 * index existed. Only differences are written, so an unchanged incident costs one read.
 */
@ApplicationScoped
public class SearchIndex {

    private static final int BACKFILL_BATCH = 200;

    @Inject
    EntityManager em;

    @Inject
    IncidexConfig config;

    /** Makes the stored words of this (persisted) incident match its title and updates; returns the rows written. */
    public int index(Incident incident) {
        Set<String> wanted = SearchTerms.of(texts(incident));
        @SuppressWarnings("unchecked")
        // No result class: with one, each call cached another plan under the same hash (a profile at 10 000
        // sources found most of the merge's time in that cache's equals); one plain column is a String anyway.
        List<?> rows = em.createNativeQuery("select term from incident_term where incident_id = ?1")
                .setParameter(1, incident.id)
                .getResultList();
        List<String> stored = rows.stream().map(String::valueOf).toList();
        Set<String> gone = new HashSet<>(stored);
        gone.removeAll(wanted);
        Set<String> added = new LinkedHashSet<>(wanted);
        stored.forEach(added::remove);
        if (!gone.isEmpty()) {
            em.createNativeQuery("delete from incident_term where incident_id = ?1 and term in (?2)")
                    .setParameter(1, incident.id)
                    .setParameter(2, gone)
                    .executeUpdate();
        }
        if (!added.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert =
                        connection.prepareStatement("insert into incident_term (incident_id, term) values (?, ?)")) {
                    for (String term : added) {
                        insert.setLong(1, incident.id);
                        insert.setString(2, term);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        }
        return gone.size() + added.size();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.catalogInBackground()) {
            // With the catalog's writes, off the start path: its scan reads every incident on each start, and
            // searches meanwhile only miss incidents stored before the index existed.
            Thread thread = new Thread(this::backfill, "search-backfill");
            thread.setDaemon(true);
            thread.start();
        } else {
            backfill();
        }
    }

    /** Indexes, in batches of their own transactions, the incidents that have no words stored yet. */
    void backfill() {
        long after = 0;
        int indexed = 0;
        while (true) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> unindexedAfter(from));
            if (ids.isEmpty()) {
                break;
            }
            QuarkusTransaction.requiringNew()
                    .run(() -> Incident.<Incident>find(
                                    "select distinct i from Incident i left join fetch i.updates where i.id in ?1", ids)
                            .list()
                            .forEach(this::index));
            indexed += ids.size();
            after = ids.get(ids.size() - 1);
        }
        if (indexed > 0) {
            Log.infof("search index: indexed %d incidents stored before it existed", indexed);
        }
    }

    private List<Long> unindexedAfter(long after) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select i.id from incident i where i.id > ?1"
                        + " and not exists (select 1 from incident_term t where t.incident_id = i.id) order by i.id")
                .setParameter(1, after)
                .setMaxResults(BACKFILL_BATCH)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    private static List<String> texts(Incident incident) {
        List<String> texts = new ArrayList<>();
        texts.add(incident.title);
        texts.add(incident.vendorIncidentId()); // people search for "DZ534539" or a Statuspage code
        incident.updates.forEach(u -> texts.add(u.bodyText));
        return texts;
    }
}
