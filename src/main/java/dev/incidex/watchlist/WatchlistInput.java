package dev.incidex.watchlist;

import dev.incidex.UserInput;
import dev.incidex.catalog.Vendor;
import dev.incidex.incident.HistoryFilter;
import dev.incidex.incident.Incident;
import dev.incidex.model.Impact;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a watchlist form sent, kept as typed so a rejected form comes back filled in, with the
 * checks that turn it into a watchlist's settings.
 *
 * @param name optional name
 * @param vendors vendor slugs ticked
 * @param components component names, one per line or comma separated
 * @param impact "" (any) or none|minor|major|critical
 * @param maintenance "on"/"true" when maintenances are wanted despite a minimum impact
 * @param incidents ids of single incidents followed
 */
public record WatchlistInput(
        String name,
        List<String> vendors,
        String components,
        String impact,
        String maintenance,
        List<String> incidents) {

    /** More vendors than any catalog holds: a form sending more is not a person's. */
    static final int MAX_PICKS = 1000;

    /** Raised with a message a person can act on; the form is shown again with it. */
    public static class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    public WatchlistInput {
        name = name == null ? "" : name.strip();
        vendors = vendors == null
                ? List.of()
                : vendors.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        components = components == null ? "" : components.strip();
        impact = impact == null ? "" : impact.strip().toLowerCase(Locale.ROOT);
        maintenance = maintenance == null ? "" : maintenance.strip();
        incidents = incidents == null
                ? List.of()
                : incidents.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
    }

    public static WatchlistInput of(Watchlist w) {
        return new WatchlistInput(
                w.name,
                List.copyOf(w.vendorSlugs),
                String.join(", ", w.components),
                w.minImpact == null ? "" : w.minImpact.code(),
                w.includeMaintenance ? "on" : "",
                w.incidentIds.stream().map(String::valueOf).toList());
    }

    public boolean hasVendor(String slug) {
        return vendors.contains(slug);
    }

    public boolean hasIncident(Long id) {
        return incidents.contains(String.valueOf(id));
    }

    public boolean maintenanceWanted() {
        try {
            return HistoryFilter.flag("maintenance", maintenance);
        } catch (HistoryFilter.BadParameter e) {
            return false;
        }
    }

    /** Checks every field and writes it onto {@code target}; throws {@link Invalid} before touching it if any is wrong. */
    void applyTo(Watchlist target) {
        if (name.length() > 200) {
            throw new Invalid("The name is longer than 200 characters.");
        }
        if (UserInput.unprintable(name) || UserInput.unprintable(components)) {
            throw new Invalid("The name or a component holds a control character (such as NUL); remove it.");
        }
        if (vendors.size() > MAX_PICKS || incidents.size() > MAX_PICKS) {
            throw new Invalid(
                    "A watchlist follows at most " + MAX_PICKS + " vendors and " + MAX_PICKS + " single incidents.");
        }
        for (String slug : vendors) {
            if (Vendor.findBySlug(slug).isEmpty()) {
                throw new Invalid("There is no vendor " + UserInput.quote(slug) + ".");
            }
        }
        Impact minImpact;
        try {
            minImpact = HistoryFilter.minimumImpact("impact", impact);
        } catch (HistoryFilter.BadParameter e) {
            throw new Invalid(
                    "The minimum impact must be none, minor, major or critical, not " + UserInput.quote(impact) + ".");
        }
        try {
            HistoryFilter.flag("maintenance", maintenance);
        } catch (HistoryFilter.BadParameter e) {
            throw new Invalid("Maintenance must be on or off, not " + UserInput.quote(maintenance) + ".");
        }
        Set<String> componentNames = new LinkedHashSet<>();
        for (String c : components.split("[,\\n]")) {
            String n = c.strip();
            if (n.length() > 300) {
                throw new Invalid("A component name is longer than 300 characters.");
            }
            if (!n.isEmpty() && componentNames.stream().noneMatch(k -> k.equalsIgnoreCase(n))) {
                componentNames.add(n);
            }
        }
        Set<Long> ids = new TreeSet<>();
        for (String raw : incidents) {
            long id;
            try {
                id = Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new Invalid(UserInput.quote(raw) + " is not an incident number.");
            }
            if (Incident.findByIdOptional(id).isEmpty()) {
                throw new Invalid("There is no incident " + id + ".");
            }
            ids.add(id);
        }
        if (vendors.isEmpty() && ids.isEmpty()) {
            throw new Invalid("Pick at least one vendor or incident to watch.");
        }
        target.name = name.isEmpty() ? null : name;
        target.vendorSlugs.clear();
        target.vendorSlugs.addAll(vendors);
        target.components.clear();
        target.components.addAll(componentNames);
        target.minImpact = minImpact;
        target.includeMaintenance = maintenanceWanted();
        target.incidentIds.clear();
        target.incidentIds.addAll(ids);
    }
}
