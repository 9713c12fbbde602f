package dev.incidex.notify;

import dev.incidex.Databases;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The delivery queue. Several instances may share one PostgreSQL: one statement claims a batch of due
 * deliveries by moving their next attempt past a lease and bumping their lease token ({@code FOR UPDATE
 * SKIP LOCKED}, so instances take disjoint batches). An outcome is recorded only with the token the
 * delivery was claimed with, so an instance that comes back after its lease ended changes nothing.
 */
@ApplicationScoped
public class Deliveries {

    /** A claimed delivery: the token its outcome must carry, and the attempts made before this one. */
    public record Claim(long deliveryId, long token, int attemptsBefore) {}

    private static final String DUE = "state = 'PENDING' and next_attempt_at <= ?";

    private static final String CLAIM_POSTGRESQL = "with due as (select id from notification_delivery where " + DUE
            + " order by next_attempt_at, id limit ? for update skip locked)"
            + " update notification_delivery d set next_attempt_at = ?, lease_token = d.lease_token + 1"
            + " from due where d.id = due.id returning d.id, d.lease_token, d.attempts";

    // H2 (one process): the outer condition is checked again once a concurrent claim's row lock is released.
    private static final String CLAIM_H2 = "select id, lease_token + 1, attempts from old table ("
            + "update notification_delivery set next_attempt_at = ?, lease_token = lease_token + 1 where " + DUE
            + " and id in (select id from notification_delivery where " + DUE
            + " order by next_attempt_at, id limit ?))";

    private static final String ENQUEUE = "insert into notification_delivery"
            + " (transition_id, target_id, idempotency_key, state, attempts, next_attempt_at, lease_token, created_at)"
            + " select ?, ?, ?, 'PENDING', 0, ?, 0, ? from (values (1)) as one (x) where not exists"
            + " (select 1 from notification_delivery where transition_id = ? and target_id = ?)";

    private static final String FINISH = "update notification_delivery set state = ?, attempts = attempts + 1,"
            + " next_attempt_at = ?, sent_at = ? where id = ? and lease_token = ? and state = 'PENDING'";

    private static final String ATTEMPT = "insert into notification_attempt"
            + " (delivery_id, attempted_at, outcome, http_status, detail, millis) values (?, ?, ?, ?, ?, ?)";

    @Inject
    AgroalDataSource dataSource;

    /**
     * Within the caller's transaction: one delivery of the transition to the target, unless there is one
     * already. Returns whether it made one.
     */
    public boolean enqueue(long transitionId, long targetId, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(ENQUEUE)) {
            ps.setLong(1, transitionId);
            ps.setLong(2, targetId);
            // Random, not derived from ids: it names the delivery to the receiver and reveals nothing else.
            ps.setString(3, UUID.randomUUID().toString());
            ps.setObject(4, at(now));
            ps.setObject(5, at(now));
            ps.setLong(6, transitionId);
            ps.setLong(7, targetId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue a notification", e);
        }
    }

    /** Claims up to {@code limit} due deliveries until {@code leaseEnd}, the longest due first. */
    public List<Claim> claim(Instant now, Instant leaseEnd, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                boolean pg = Databases.isPostgresql(c);
                try (PreparedStatement ps = c.prepareStatement(pg ? CLAIM_POSTGRESQL : CLAIM_H2)) {
                    if (pg) {
                        ps.setObject(1, at(now));
                        ps.setInt(2, limit);
                        ps.setObject(3, at(leaseEnd));
                    } else {
                        ps.setObject(1, at(leaseEnd));
                        ps.setObject(2, at(now));
                        ps.setObject(3, at(now));
                        ps.setInt(4, limit);
                    }
                    List<Claim> claims = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            claims.add(new Claim(rs.getLong(1), rs.getLong(2), rs.getInt(3)));
                        }
                    }
                    return claims;
                }
            }
        });
    }

    /**
     * Records one attempt and moves the delivery on: sent, due again at {@code nextAttempt}, or given up.
     * Returns false when the claim's lease was lost (another instance claimed it since): the attempt is
     * logged all the same, the delivery is left to the newer claim.
     */
    public boolean record(
            Claim claim,
            DeliveryAttempt.Outcome outcome,
            Sender.Result result,
            Instant attemptedAt,
            long millis,
            Instant nextAttempt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                int updated;
                try (PreparedStatement ps = c.prepareStatement(FINISH)) {
                    Delivery.State state = switch (outcome) {
                        case SENT -> Delivery.State.SENT;
                        case RETRY -> Delivery.State.PENDING;
                        case FAILED -> Delivery.State.FAILED;
                    };
                    ps.setString(1, state.name());
                    ps.setObject(2, at(outcome == DeliveryAttempt.Outcome.RETRY ? nextAttempt : attemptedAt));
                    ps.setObject(3, outcome == DeliveryAttempt.Outcome.SENT ? at(attemptedAt) : null);
                    ps.setLong(4, claim.deliveryId());
                    ps.setLong(5, claim.token());
                    updated = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(ATTEMPT)) {
                    ps.setLong(1, claim.deliveryId());
                    ps.setObject(2, at(attemptedAt));
                    ps.setString(3, outcome.name());
                    if (result.httpStatus() == null) {
                        ps.setNull(4, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(4, result.httpStatus());
                    }
                    String detail = updated > 0 ? result.detail() : result.detail() + " (its lease had ended)";
                    ps.setString(5, Messages.oneLine(detail == null ? "" : detail, DeliveryAttempt.DETAIL_LIMIT));
                    ps.setLong(6, millis);
                    ps.executeUpdate();
                }
                return updated > 0;
            }
        });
    }

    /** A line of a watchlist's delivery log. */
    public record LogEntry(
            Instant at,
            String outcome,
            String outcomeCode,
            Integer httpStatus,
            String detail,
            String target,
            String vendorName,
            String vendorSlug,
            long incidentId,
            String title,
            String transition,
            int attempt) {}

    /** The newest attempts to notify a watchlist's targets, newest first. */
    public List<LogEntry> log(long watchlistId, int limit) {
        List<DeliveryAttempt> attempts = DeliveryAttempt.<DeliveryAttempt>find(
                        "select a from DeliveryAttempt a join fetch a.delivery d join fetch d.target t"
                                + " join fetch d.transition tr join fetch tr.incident i join fetch i.vendor"
                                + " where t.watchlistId = ?1 order by a.id desc",
                        watchlistId)
                .page(0, limit)
                .list();
        List<LogEntry> entries = new ArrayList<>();
        for (DeliveryAttempt a : attempts) {
            long number = DeliveryAttempt.count("delivery = ?1 and id <= ?2", a.delivery, a.id);
            var tr = a.delivery.transition;
            entries.add(new LogEntry(
                    a.attemptedAt,
                    a.outcome.label(),
                    a.outcome.code(),
                    a.httpStatus,
                    a.detail,
                    a.delivery.target.kind.label() + " " + a.delivery.target.shown(),
                    tr.incident.vendor.name,
                    tr.incident.vendor.slug,
                    tr.incident.id,
                    tr.title,
                    tr.kind.label(),
                    (int) number));
        }
        return entries;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
