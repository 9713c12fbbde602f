package dev.incidex.source;

import java.time.Instant;
import java.util.List;

/**
 * One incident or maintenance as one document shows it: what an adapter returns and the merge
 * folds into the stored timeline. Anything a format does not carry is null (or empty).
 *
 * @param vendorKey the vendor's own id, the same in every source of that vendor (a Statuspage
 *     incident's code whether read from JSON, RSS or Atom), so observations of one incident meet
 * @param title the incident's title
 * @param impact how bad it is, or null when the document does not say (feeds)
 * @param status the current status, or null to take it from the newest update
 * @param vendorStatus the vendor's own status word
 * @param maintenance true for planned maintenance
 * @param startedAt when it started
 * @param resolvedAt when it was resolved, or null while open
 * @param scheduledFor start of a maintenance window
 * @param scheduledUntil end of a maintenance window
 * @param exactTimes true when started/resolved carry seconds
 * @param url the vendor's own page for it
 * @param components names of affected components
 * @param updates its timeline, in any order
 */
public record ObservedIncident(
        String vendorKey,
        String title,
        Impact impact,
        IncidentStatus status,
        String vendorStatus,
        boolean maintenance,
        Instant startedAt,
        Instant resolvedAt,
        Instant scheduledFor,
        Instant scheduledUntil,
        boolean exactTimes,
        String url,
        List<String> components,
        List<ObservedUpdate> updates) {

    public ObservedIncident {
        components = components == null ? List.of() : List.copyOf(components);
        updates = updates == null ? List.of() : List.copyOf(updates);
    }
}
