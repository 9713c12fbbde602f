package dev.incidex.feed;

import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentUpdate;
import dev.incidex.model.Impact;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads behind outgoing feeds: the newest updates of the incidents a {@link Selection} follows,
 * in one query that walks the update-time index and stops at the cap.
 */
@ApplicationScoped
public class FeedQueries {

    /** The newest updates first, at most {@code limit}, each with its place in its incident's timeline. */
    public List<FeedItem> updates(Selection selection, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(selection, params);
        // The position counts the timeline the incident page numbers (ordered by postedAt, id).
        var query = IncidentUpdate.getEntityManager().createQuery("select u, (select count(u2) from IncidentUpdate u2"
                + " where u2.incident.id = i.id and (u2.postedAt < u.postedAt or (u2.postedAt = u.postedAt and u2.id <= u.id)))"
                + " from IncidentUpdate u join fetch u.incident i join fetch i.vendor v where " + where
                + " order by u.postedAt desc, u.id desc", Object[].class);
        params.forEach(query::setParameter);
        List<FeedItem> items = new ArrayList<>();
        for (Object[] row : query.setMaxResults(limit).getResultList()) {
            items.add(new FeedItem((IncidentUpdate) row[0], ((Number) row[1]).intValue()));
        }
        return items;
    }

    /** The incidents themselves, newest first: what a watchlist page lists. */
    public List<Incident> incidents(Selection selection, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(selection, params);
        return Incident.<Incident>find("select i from Incident i join fetch i.vendor v where " + where
                + " order by i.sortAt desc, i.id desc", params).range(0, limit - 1).list();
    }

    /** HQL over {@code i} (Incident) and {@code v} (its vendor). */
    static String where(Selection s, Map<String, Object> params) {
        Map<String, Object> ruleParams = new HashMap<>();
        List<String> rule = new ArrayList<>();
        if (!s.allVendors()) {
            rule.add("v.slug in :vendors");
            ruleParams.put("vendors", s.vendorSlugs());
        }
        if (s.minImpact() != null) {
            // Feeds like RSS never say an impact: "at least notice" keeps those, any higher bar drops them.
            String known = "i.impact in :impacts" + (s.minImpact() == Impact.NONE ? " or i.impact is null" : "");
            String impact = "((" + known + ") and i.maintenance = false)";
            ruleParams.put("impacts", s.impactsAtLeast());
            if (s.maintenance()) {
                impact = "(" + impact + " or i.maintenance = true or i.impact = :maintenanceImpact)";
                ruleParams.put("maintenanceImpact", Impact.MAINTENANCE);
            }
            rule.add(impact);
        }
        if (!s.components().isEmpty()) {
            rule.add("exists (select 1 from Incident c join c.components n where c.id = i.id and lower(n) in :components)");
            ruleParams.put("components", s.components());
        }
        boolean hasRule = s.allVendors() || !s.vendorSlugs().isEmpty();
        String ruleHql = rule.isEmpty() ? "1 = 1" : String.join(" and ", rule);
        if (hasRule) {
            params.putAll(ruleParams);
        }
        if (s.incidentIds().isEmpty()) {
            return hasRule ? ruleHql : "1 = 0";
        }
        params.put("ids", s.incidentIds());
        return hasRule ? "(i.id in :ids or (" + ruleHql + "))" : "i.id in :ids";
    }
}
