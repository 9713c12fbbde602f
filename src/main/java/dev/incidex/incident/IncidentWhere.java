package dev.incidex.incident;

import dev.incidex.model.Impact;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one builder of the SQL condition that picks incidents, for every list of them: history pages,
 * the API, search ({@link HistoryFilter}), feeds and watchlists ({@link Selection}). The condition is
 * over {@code incident i}; callers join nothing, so the same text serves a count, a page or an update
 * list. Values are always bound as parameters, never written into the SQL.
 */
final class IncidentWhere {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    private IncidentWhere() {}

    /** The incidents a history filter asks for. */
    static IncidentWhere of(HistoryFilter filter) {
        IncidentWhere w = new IncidentWhere();
        if (filter.vendorSlug() != null) {
            w.add(
                    "i.vendor_id in (select v.id from vendor v where v.slug in (:vendors))",
                    "vendors",
                    List.of(filter.vendorSlug()));
        }
        if (filter.from() != null) {
            w.add("i.sort_at >= :fromAt", "fromAt", filter.from());
        }
        if (filter.to() != null) {
            w.add("i.sort_at < :toAt", "toAt", filter.to());
        }
        if (!filter.impacts().isEmpty()) {
            w.add("i.impact in (:impacts)", "impacts", names(filter.impacts()));
        }
        if (!filter.statuses().isEmpty()) {
            w.add("i.status in (:statuses)", "statuses", names(filter.statuses()));
        }
        if (filter.component() != null) {
            w.add(COMPONENT, "components", List.of(filter.component().toLowerCase(Locale.ROOT)));
        }
        List<String> words = filter.text() == null ? List.of() : SearchTerms.words(filter.text());
        for (int n = 0; n < words.size(); n++) {
            String word = words.get(n);
            if (n < words.size() - 1) {
                w.add(
                        "exists (select 1 from incident_term t where t.incident_id = i.id and t.term = :w" + n + ")",
                        "w" + n,
                        word);
            } else {
                // The last word is a prefix: the user may still be typing it.
                w.add(
                        "exists (select 1 from incident_term t where t.incident_id = i.id and t.term >= :w" + n
                                + " and t.term < :upper)",
                        "w" + n,
                        word);
                w.params.put("upper", SearchTerms.prefixUpperBound(word));
            }
        }
        return w;
    }

    /** The incidents a feed or a watchlist follows: its rule (vendors, components, least impact) or one of its single incidents. */
    static IncidentWhere of(Selection s) {
        IncidentWhere rule = new IncidentWhere();
        if (!s.allVendors()) {
            rule.add(
                    "i.vendor_id in (select v.id from vendor v where v.slug in (:vendors))",
                    "vendors",
                    List.copyOf(s.vendorSlugs()));
        }
        if (s.minImpact() != null) {
            // Feeds like RSS never say an impact: "at least notice" keeps those, any higher bar drops them.
            String known = "i.impact in (:impacts)" + (s.minImpact() == Impact.NONE ? " or i.impact is null" : "");
            String impact = "((" + known + ") and i.maintenance = false)";
            rule.params.put("impacts", names(s.impactsAtLeast()));
            if (s.maintenance()) {
                impact = "(" + impact + " or i.maintenance = true or i.impact = :maintenanceImpact)";
                rule.params.put("maintenanceImpact", Impact.MAINTENANCE.name());
            }
            rule.clauses.add(impact);
        }
        if (!s.components().isEmpty()) {
            rule.add(COMPONENT, "components", List.copyOf(s.components()));
        }
        boolean hasRule = s.allVendors() || !s.vendorSlugs().isEmpty();
        IncidentWhere w = new IncidentWhere();
        if (hasRule) {
            w.params.putAll(rule.params);
        }
        if (s.incidentIds().isEmpty()) {
            w.clauses.add(hasRule ? rule.sql() : "1 = 0");
            return w;
        }
        w.params.put("ids", List.copyOf(s.incidentIds()));
        w.clauses.add(hasRule ? "(i.id in (:ids) or (" + rule.sql() + "))" : "i.id in (:ids)");
        return w;
    }

    /** Any of the component names, compared without case. */
    private static final String COMPONENT =
            "exists (select 1 from incident_component c where c.incident_id = i.id and lower(c.name) in (:components))";

    /** Adds a clause that holds only when the incident also matches this one, e.g. a keyset page's position. */
    IncidentWhere and(String clause, Map<String, Object> values) {
        clauses.add(clause);
        params.putAll(values);
        return this;
    }

    /** The condition, {@link IncidentQueries#EVERY_INCIDENT} when nothing is asked. */
    String sql() {
        return clauses.isEmpty() ? IncidentQueries.EVERY_INCIDENT : String.join(" and ", clauses);
    }

    Query bind(Query query) {
        params.forEach(query::setParameter);
        return query;
    }

    private void add(String clause, String name, Object value) {
        clauses.add(clause);
        params.put(name, value);
    }

    private static List<String> names(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
