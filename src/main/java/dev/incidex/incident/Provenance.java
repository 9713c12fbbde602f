package dev.incidex.incident;

import dev.incidex.catalog.Source;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which sources an incident was seen through, read off its updates' sightings, the first one first. */
public final class Provenance {

    private Provenance() {}

    /** One source: when Incidex first saw any of the incident's updates through it, and how many it carried. */
    public record SourceSeen(Source source, Instant firstSeenAt, int updates, boolean first) {}

    public static List<SourceSeen> of(Incident incident) {
        Map<Long, Source> sources = new LinkedHashMap<>();
        Map<Long, Instant> firstSeen = new LinkedHashMap<>();
        Map<Long, Integer> counts = new LinkedHashMap<>();
        for (IncidentUpdate u : incident.updates) {
            for (UpdateSighting s : u.sightings) {
                sources.putIfAbsent(s.source.id, s.source);
                firstSeen.merge(s.source.id, s.firstSeenAt, (a, b) -> a.isBefore(b) ? a : b);
                counts.merge(s.source.id, 1, Integer::sum);
            }
        }
        // Same instant (one poll read several documents): the source that opened the incident counts as first.
        Long opener = incident.source == null ? null : incident.source.id;
        List<Long> order = new ArrayList<>(sources.keySet());
        order.sort(Comparator.comparing((Long id) -> firstSeen.get(id))
                .thenComparing(id -> !id.equals(opener))
                .thenComparing(id -> id));
        List<SourceSeen> result = new ArrayList<>();
        for (Long id : order) {
            result.add(new SourceSeen(sources.get(id), firstSeen.get(id), counts.get(id), result.isEmpty()));
        }
        return result;
    }
}
