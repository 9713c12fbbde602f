package dev.incidex.watchlist;

import dev.incidex.incident.Selection;
import dev.incidex.model.Impact;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.annotations.SortNatural;

/**
 * A saved selection of vendors (with optional components and minimum impact) and single incidents,
 * owned by whoever holds its token: no account, and the database id never leaves the server.
 */
@Entity
@Table(name = "watchlist")
public class Watchlist extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** 32 random bytes, base64url: the only way to reach the watchlist. */
    public String token;

    public String name;

    /** The least impact shown, or null for every incident and maintenance. */
    @Enumerated(EnumType.STRING)
    @Column(name = "min_impact")
    public Impact minImpact;

    /** With a minimum impact, still show maintenances. */
    @Column(name = "include_maintenance")
    public boolean includeMaintenance;

    @ElementCollection
    @CollectionTable(name = "watchlist_vendor", joinColumns = @JoinColumn(name = "watchlist_id"))
    @Column(name = "slug")
    @SortNatural
    public SortedSet<String> vendorSlugs = new TreeSet<>();

    /** Component names as typed; matched case-insensitively. */
    @ElementCollection
    @CollectionTable(name = "watchlist_component", joinColumns = @JoinColumn(name = "watchlist_id"))
    @Column(name = "name")
    @SortNatural
    public SortedSet<String> components = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "watchlist_incident", joinColumns = @JoinColumn(name = "watchlist_id"))
    @Column(name = "incident_id")
    @SortNatural
    public SortedSet<Long> incidentIds = new TreeSet<>();

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Selection selection() {
        return new Selection(false, vendorSlugs, components, minImpact, includeMaintenance, incidentIds);
    }

    /** The name the owner gave it, or a description of what it follows. */
    public String title() {
        return name != null ? name : "Watchlist";
    }

    /** Its feeds, without the .rss / .atom ending. */
    public String feedPath() {
        return "/watchlists/" + token + "/feed";
    }

    public static Optional<Watchlist> findByToken(String token) {
        if (token == null || token.length() != WatchlistTokens.LENGTH) {
            return Optional.empty();
        }
        return find("token", token).firstResultOptional();
    }
}
