package dev.incidex.incident;

import dev.incidex.model.Impact;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which incidents a feed (or a watchlist) follows: incidents matching a vendor rule, plus single
 * incidents picked by id. The rule is vendors (or all vendors), any of some components, and a
 * minimum impact; with a minimum, maintenances are left out unless asked for.
 *
 * @param allVendors the rule covers every vendor (the filter feeds); false: only {@code vendorSlugs}
 * @param vendorSlugs vendors the rule covers; with {@code allVendors} false and none given, there is no rule
 * @param components incidents affecting any of these component names (case-insensitive); empty: any
 * @param minImpact the least impact shown, or null for everything, maintenances included
 * @param maintenance with a minimum impact, still show maintenances
 * @param incidentIds single incidents followed whatever the rule says
 */
public record Selection(
        boolean allVendors,
        Set<String> vendorSlugs,
        Set<String> components,
        Impact minImpact,
        boolean maintenance,
        Set<Long> incidentIds) {

    public Selection {
        vendorSlugs = Set.copyOf(vendorSlugs);
        components = components.stream()
                .map(c -> c.strip().toLowerCase(Locale.ROOT))
                .filter(c -> !c.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        incidentIds = Set.copyOf(incidentIds);
        if (minImpact == Impact.MAINTENANCE) {
            throw new IllegalArgumentException("maintenance is not a minimum impact");
        }
    }

    /** The query-string feeds: no vendors named means every vendor. */
    public static Selection filter(
            Set<String> vendorSlugs, Set<String> components, Impact minImpact, boolean maintenance) {
        return new Selection(vendorSlugs.isEmpty(), vendorSlugs, components, minImpact, maintenance, Set.of());
    }

    public static Selection vendor(String slug) {
        return new Selection(false, Set.of(slug), Set.of(), null, true, Set.of());
    }

    public static Selection incident(long id) {
        return new Selection(false, Set.of(), Set.of(), null, true, Set.of(id));
    }

    /** The impacts at or above the minimum ("maintenance" ranks below every real impact). */
    Set<Impact> impactsAtLeast() {
        return java.util.Arrays.stream(Impact.values())
                .filter(i -> i != Impact.MAINTENANCE && i.severity() >= minImpact.severity())
                .collect(Collectors.toUnmodifiableSet());
    }
}
