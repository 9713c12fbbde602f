package dev.incidex.incident;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Which incidents a history page shows. Every part is optional (null or empty means "any").
 *
 * @param vendorSlug one vendor, or null for all
 * @param from incidents whose sort time is at or after this
 * @param to incidents whose sort time is before this
 * @param impacts any of these impacts
 * @param statuses any of these current statuses
 * @param component incidents affecting a component of this name (case-insensitive)
 * @param text words that must appear in the title or an update
 */
public record HistoryFilter(
        String vendorSlug, Instant from, Instant to, Set<Impact> impacts, Set<IncidentStatus> statuses, String component, String text) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, Set.of(), Set.of(), null, null);

    public HistoryFilter {
        impacts = impacts == null ? Set.of() : Set.copyOf(impacts);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        component = component == null || component.isBlank() ? null : component.strip();
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static HistoryFilter vendor(String slug) {
        return new HistoryFilter(slug, null, null, Set.of(), Set.of(), null, null);
    }
}
