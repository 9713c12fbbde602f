package dev.incidex.watchlist;

import dev.incidex.Databases;
import dev.incidex.incident.IncidentQueries;
import dev.incidex.incident.IncidentTransition;
import dev.incidex.notify.Deliveries;
import dev.incidex.notify.NotificationTarget;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the transitions the merge recorded into deliveries: one per target of every watchlist that
 * follows the incident, made in one transaction with marking the transition routed, so a crash routes
 * it again whole or not at all. A target added after the transition does not get it.
 */
@ApplicationScoped
public class NotificationRouting {

    /** Transitions routed per transaction. */
    static final int BATCH = 200;

    // PostgreSQL: instances routing at once take different transitions; the rows stay locked until commit.
    private static final String CLAIM_POSTGRESQL =
            "select id from incident_transition where routed = false order by id limit ? for update skip locked";

    // H2 runs in one process, where the scheduler never routes twice at once.
    private static final String CLAIM_H2 =
            "select id from incident_transition where routed = false order by id limit ? for update";

    @Inject
    IncidentQueries incidents;

    @Inject
    Deliveries deliveries;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InstantSource clock;

    /** Routes every transition not yet routed; returns the deliveries made. */
    public int routeAll() {
        int made = 0;
        while (true) {
            int[] batch = QuarkusTransaction.requiringNew().call(this::routeBatch);
            made += batch[1];
            if (batch[0] < BATCH) {
                return made;
            }
        }
    }

    /** One batch, in the caller's transaction: {transitions routed, deliveries made}. */
    private int[] routeBatch() throws SQLException {
        List<Long> ids = claim();
        if (ids.isEmpty()) {
            return new int[] {0, 0};
        }
        List<IncidentTransition> transitions = IncidentTransition.list("id in ?1 order by id", ids);
        Set<Long> incidentIds = transitions.stream().map(t -> t.incident.id).collect(Collectors.toSet());
        Map<Long, List<NotificationTarget>> targetsByWatchlist =
                NotificationTarget.<NotificationTarget>listAll().stream()
                        .collect(Collectors.groupingBy(t -> t.watchlistId));
        int made = 0;
        if (!targetsByWatchlist.isEmpty()) {
            List<Watchlist> watching = Watchlist.list("id in ?1", targetsByWatchlist.keySet());
            for (Watchlist w : watching) {
                Set<Long> followed = incidents.followedAmong(w.selection(), incidentIds);
                for (IncidentTransition t : transitions) {
                    if (!followed.contains(t.incident.id)) {
                        continue;
                    }
                    for (NotificationTarget target : targetsByWatchlist.get(w.id)) {
                        if (!target.createdAt.isAfter(t.occurredAt)
                                && deliveries.enqueue(t.id, target.id, clock.instant())) {
                            made++;
                        }
                    }
                }
            }
        }
        IncidentTransition.update("routed = true where id in ?1", ids);
        return new int[] {ids.size(), made};
    }

    private List<Long> claim() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean pg = Databases.isPostgresql(c);
            try (PreparedStatement ps = c.prepareStatement(pg ? CLAIM_POSTGRESQL : CLAIM_H2)) {
                ps.setInt(1, BATCH);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        }
    }
}
