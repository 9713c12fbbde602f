package dev.incidex.poll;

import dev.incidex.catalog.DocumentState;
import dev.incidex.catalog.Vendor;
import dev.incidex.poll.SourceLeases.Claim;
import dev.incidex.source.SourceSettings;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings and document validators of claimed sources, read as plain values in two statements per batch. Loading
 * them as entities (a fetch join of vendor and documents, then a copy) was a tenth of a steady cycle's CPU, for rows
 * the poll only reads. The claimed ids are written into the statements as a list of numbers (they are ours, read from
 * the database): H2 checks "= any(?)" against every element of the array for every row it finds, which at a claim of
 * 500 sources and their 1 500 documents was a sixth of a 100 000-source cycle's CPU; a list of numbers it looks up in
 * a hash set.
 */
@ApplicationScoped
class ClaimedSources {

    private static final String SOURCES =
            "select s.id, s.kind, s.url, s.time_zone, s.incident_id_pattern, s.poll_cursor,"
                    + " s.moved_to, v.slug, v.origin from source s join vendor v on v.id = s.vendor_id where s.id in ";

    private static final String DOCUMENTS =
            "select source_id, url, etag, last_modified, content_sha256 from source_document where source_id in ";

    @Inject
    AgroalDataSource dataSource;

    /**
     * The claimed sources as polls use them; a claimed source deleted meanwhile is left out.
     *
     * @param own where Incidex itself listens, for a source URL that is a path (the demo's recorded files)
     */
    List<SourceTask> read(List<Claim> claims, Instant claimedAt, Supplier<URI> own) {
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<Long, Claim> byId = claims.stream().collect(Collectors.toMap(Claim::sourceId, Function.identity()));
        try (Connection c = dataSource.getConnection()) {
            String ids = numbers(byId.keySet());
            Map<Long, Map<String, DocumentState>> documents = documents(c, ids);
            List<SourceTask> tasks = new ArrayList<>(byId.size());
            try (PreparedStatement ps = c.prepareStatement(SOURCES + ids)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tasks.add(task(rs, byId.get(rs.getLong(1)), claimedAt, own, documents));
                    }
                }
            }
            return tasks;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the claimed sources: " + e.getMessage(), e);
        }
    }

    private static SourceTask task(
            ResultSet rs,
            Claim claim,
            Instant claimedAt,
            Supplier<URI> own,
            Map<Long, Map<String, DocumentState>> documents)
            throws SQLException {
        long id = rs.getLong(1);
        URI url = URI.create(rs.getString(3));
        if (!url.isAbsolute()) {
            url = own.get().resolve(url);
        }
        String timeZone = rs.getString(4);
        String idPattern = rs.getString(5);
        String vendorSlug = rs.getString(8);
        SourceSettings settings = new SourceSettings(
                url,
                timeZone == null ? null : ZoneId.of(timeZone),
                idPattern == null ? null : Pattern.compile(idPattern),
                rs.getString(6),
                vendorSlug);
        return new SourceTask(
                id,
                vendorSlug,
                rs.getString(2),
                settings,
                Map.copyOf(documents.getOrDefault(id, Map.of())),
                !Vendor.ORIGIN_CATALOG.equals(rs.getString(9)),
                claim.due() == null ? claimedAt : claim.due(),
                claim.token(),
                rs.getString(7));
    }

    /** Ids as SQL's list of numbers: "(1,2,3)". */
    static String numbers(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }

    private static Map<Long, Map<String, DocumentState>> documents(Connection c, String ids) throws SQLException {
        Map<Long, Map<String, DocumentState>> documents = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(DOCUMENTS + ids)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    documents
                            .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                            .put(rs.getString(2), new DocumentState(rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return documents;
    }
}
