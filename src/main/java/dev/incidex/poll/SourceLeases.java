package dev.incidex.poll;

import dev.incidex.Databases;
import dev.incidex.catalog.Source;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which instance polls which source. Several instances may share one PostgreSQL: one statement
 * claims a batch of due sources by moving their next poll past a lease and bumping their lease
 * token ({@code FOR UPDATE SKIP LOCKED}, so instances claiming at once take disjoint batches). Every
 * write a poll makes carries the token it was claimed with, and a write whose token is no longer the
 * source's (its lease ended and another instance claimed the source) is refused.
 */
@ApplicationScoped
public class SourceLeases {

    /** A claimed source: when it was due (null if never polled) and the token its writes must carry. */
    public record Claim(long sourceId, Instant due, long token) {}

    /** A write from a poll whose lease has ended; nothing of it is stored. */
    public static class LeaseLostException extends RuntimeException {
        LeaseLostException(long sourceId) {
            super("source " + sourceId + " was claimed by another poll after this one's lease ended");
        }
    }

    private static final String DUE = "enabled = true and (next_poll_at is null or next_poll_at <= ?)";

    // PostgreSQL: skip rows another instance is claiming right now, and read the old due time in the same statement.
    private static final String CLAIM_POSTGRESQL = "with due as (select id, next_poll_at from source where " + DUE
            + " order by next_poll_at nulls first, id limit ? for update skip locked)"
            + " update source s set next_poll_at = ?, lease_token = s.lease_token + 1 from due where s.id = due.id"
            + " returning s.id, due.next_poll_at, s.lease_token";

    // H2 (one process): the due sources first, read in source_due's order up to the limit; then those of them still
    // due are claimed (the condition is checked again once a concurrent claim's row lock is released). One statement
    // with "id in (select … limit ?)" ran its subquery again for every row it updated: most of a steady cycle's CPU.
    private static final String DUE_H2 =
            "select id from source where " + DUE + " order by next_poll_at nulls first, id limit ?";

    // The ids as a list of numbers, which H2 looks up in a hash set; "= any(?)" it compares with every element for
    // every row (see ClaimedSources).
    private static final String CLAIM_H2 = "select id, next_poll_at, lease_token + 1 from old table ("
            + "update source set next_poll_at = ?, lease_token = lease_token + 1 where " + DUE + " and id in ";

    private static final String CLAIM_ONE =
            "update source set next_poll_at = ?, lease_token = lease_token + 1 where id = ?";

    // Extends the leases of polls still in progress, each only while its token is still the source's: a lease another
    // instance has taken since stays taken, and the poll's writes stay refused.
    private static final String RENEW_POSTGRESQL = "update source set next_poll_at = ? where next_poll_at <= ?"
            + " and (id, lease_token) in (select * from unnest(?::bigint[], ?::bigint[]))";

    // H2 evaluated the same "(id, lease_token) in (unnest …)" again for every source due within half a lease, about
    // half the table on each renewal: 40 % of a steady 3 000-source cycle's CPU. One look-up by key per lease instead.
    private static final String RENEW_H2 =
            "update source set next_poll_at = ? where next_poll_at <= ? and id = ? and lease_token = ?";

    private static final String UNCHANGED =
            "update source set last_polled_at = ?, last_success_at = ?, last_error = null,"
                    + " error_count = 0, next_poll_at = ? where id = ? and lease_token = ?";

    @Inject
    AgroalDataSource dataSource;

    /** Claims up to {@code limit} due sources for this instance until {@code leaseEnd}, oldest due first. */
    public List<Claim> claim(Instant now, Instant leaseEnd, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                boolean pg = Databases.isPostgresql(c);
                List<Long> ids = pg ? null : dueH2(c, now, limit);
                if (ids != null && ids.isEmpty()) {
                    return List.<Claim>of();
                }
                try (PreparedStatement ps =
                        c.prepareStatement(pg ? CLAIM_POSTGRESQL : CLAIM_H2 + ClaimedSources.numbers(ids) + ")")) {
                    if (pg) {
                        ps.setObject(1, at(now));
                        ps.setInt(2, limit);
                        ps.setObject(3, at(leaseEnd));
                    } else {
                        ps.setObject(1, at(leaseEnd));
                        ps.setObject(2, at(now));
                    }
                    List<Claim> claims = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            OffsetDateTime due = rs.getObject(2, OffsetDateTime.class);
                            claims.add(new Claim(rs.getLong(1), due == null ? null : due.toInstant(), rs.getLong(3)));
                        }
                    }
                    return claims;
                }
            }
        });
    }

    private static List<Long> dueH2(Connection c, Instant now, int limit) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(DUE_H2)) {
            ps.setObject(1, at(now));
            ps.setInt(2, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Claims one source whether due or not (polling it now on request); any poll of it in flight loses its lease. */
    public Claim claimOne(long sourceId, Instant now, Instant leaseEnd) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(CLAIM_ONE)) {
                ps.setObject(1, at(leaseEnd));
                ps.setLong(2, sourceId);
                if (ps.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no source " + sourceId);
                }
            }
            return new Claim(sourceId, now, token(sourceId));
        });
    }

    /**
     * Within the caller's transaction: locks the source's row until it commits and refuses the
     * write if the source was claimed again since {@code token}.
     */
    public void fence(long sourceId, long token) {
        if (token(sourceId) != token) {
            throw new LeaseLostException(sourceId);
        }
    }

    private static long token(long sourceId) {
        Object current = Source.getEntityManager()
                .createNativeQuery("select lease_token from source where id = ?1 for update")
                .setParameter(1, sourceId)
                .getSingleResult();
        return ((Number) current).longValue();
    }

    /** A lease this instance holds: the source and the token it was claimed with. */
    public record Held(long sourceId, long token) {}

    /**
     * Moves to {@code leaseEnd} the end of each held lease that ends by {@code endingBy}, in one statement, while
     * the source is still held with that token; returns how many were renewed. A poll that takes longer than its lease
     * keeps its source as long as its instance lives, and an instance that dies stops renewing, so its sources are
     * taken over when their leases end. A lease far from its end is left as claimed, so a source taken over after its
     * instance died is due again one lease after it was claimed, as it would have been without renewals.
     */
    public int renew(List<Held> held, Instant endingBy, Instant leaseEnd) {
        if (!endingBy.isBefore(leaseEnd)) {
            throw new IllegalArgumentException("a renewal never shortens a lease");
        }
        if (held.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!Databases.isPostgresql(c)) {
                    try (PreparedStatement ps = c.prepareStatement(RENEW_H2)) {
                        for (Held h : held) {
                            ps.setObject(1, at(leaseEnd));
                            ps.setObject(2, at(endingBy));
                            ps.setLong(3, h.sourceId());
                            ps.setLong(4, h.token());
                            ps.addBatch();
                        }
                        return Arrays.stream(ps.executeBatch()).sum();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(RENEW_POSTGRESQL)) {
                    ps.setObject(1, at(leaseEnd));
                    ps.setObject(2, at(endingBy));
                    ps.setArray(
                            3,
                            c.createArrayOf(
                                    "bigint", held.stream().map(Held::sourceId).toArray(Long[]::new)));
                    ps.setArray(
                            4,
                            c.createArrayOf(
                                    "bigint", held.stream().map(Held::token).toArray(Long[]::new)));
                    return ps.executeUpdate();
                }
            }
        });
    }

    /** A poll that changed nothing: only the source's health and next poll, for many sources in one batch. */
    public record Unchanged(long sourceId, long token, Instant polledAt, Instant nextPoll) {}

    /** Records unchanged polls in one transaction; returns how many were refused because their lease had ended. */
    public int recordUnchanged(List<Unchanged> polls) {
        if (polls.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement(UNCHANGED)) {
                for (Unchanged u : polls) {
                    ps.setObject(1, at(u.polledAt()));
                    ps.setObject(2, at(u.polledAt()));
                    ps.setObject(3, at(u.nextPoll()));
                    ps.setLong(4, u.sourceId());
                    ps.setLong(5, u.token());
                    ps.addBatch();
                }
                int refused = 0;
                for (int count : ps.executeBatch()) {
                    if (count == 0) {
                        refused++;
                    }
                }
                return refused;
            }
        });
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
