package dev.incidex.incident;

import dev.incidex.catalog.Source;
import dev.incidex.model.ComponentStatus;
import dev.incidex.model.ObservedComponent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The vendor's components and their status now, per source: the poll replaces a source's whole set at
 * each good read of a document that lists them, and a failed read keeps the set it had. Pages and the
 * API read them here.
 */
@ApplicationScoped
public class VendorComponents {

    /** No vendor page lists more than this many components of one source; the rest are dropped on storing. */
    public static final int MAX_PER_SOURCE = 500;

    /**
     * Replaces the set {@code sourceId} lists with {@code components}, read at {@code readAt}, in one
     * transaction that runs {@code fence} first (the poller's lease check). Components listed twice
     * (one key) are stored once, the first time.
     */
    public void replace(long sourceId, List<ObservedComponent> components, Instant readAt, Runnable fence) {
        QuarkusTransaction.requiringNew().run(() -> {
            fence.run();
            Source source = Source.findById(sourceId);
            VendorComponent.delete("source.id", sourceId);
            // The delete must reach the database before rows with the same keys are inserted.
            VendorComponent.getEntityManager().flush();
            Set<String> keys = new HashSet<>();
            int position = 0;
            for (ObservedComponent c : components) {
                if (position >= MAX_PER_SOURCE || !keys.add(c.key())) {
                    continue;
                }
                VendorComponent row = new VendorComponent();
                row.source = source;
                row.key = c.key();
                row.name = c.name();
                row.group = c.group();
                row.status = c.status();
                row.vendorStatus = c.vendorStatus();
                row.vendorUpdatedAt = c.updatedAt();
                row.position = position++;
                row.persist();
            }
            source.componentsAt = readAt;
        });
    }

    /** One source's set as the vendor page shows it: its components by group, in the vendor's order. */
    public record SourceComponents(Source source, Instant readAt, List<Group> groups, int total, int notOperational) {}

    /** Components of one group (name null: not in a group). */
    public record Group(String name, List<VendorComponent> components) {

        /** Nothing to look at: every component of the group is operational, so the page may fold it. */
        public boolean allOperational() {
            return components.stream().allMatch(c -> c.status == ComponentStatus.OPERATIONAL);
        }
    }

    /** The sets of the vendor's enabled sources that ever listed components, in the vendor's source order. */
    public List<SourceComponents> ofVendor(String vendorSlug) {
        List<Source> sources = Source.<Source>list(
                        "select s from Source s where s.vendor.slug = ?1 and s.enabled = true"
                                + " and s.componentsAt is not null order by s.id",
                        vendorSlug)
                .stream()
                .toList();
        if (sources.isEmpty()) {
            return List.of();
        }
        List<VendorComponent> rows = VendorComponent.list(
                "select c from VendorComponent c where c.source in ?1 order by c.source.id, c.position", sources);
        Map<Long, List<VendorComponent>> bySource = new LinkedHashMap<>();
        rows.forEach(r ->
                bySource.computeIfAbsent(r.source.id, k -> new ArrayList<>()).add(r));
        List<SourceComponents> result = new ArrayList<>();
        for (Source s : sources) {
            List<VendorComponent> list = bySource.getOrDefault(s.id, List.of());
            Map<String, List<VendorComponent>> byGroup = new LinkedHashMap<>();
            list.forEach(c -> byGroup.computeIfAbsent(c.group == null ? "" : c.group, k -> new ArrayList<>())
                    .add(c));
            List<Group> groups = new ArrayList<>();
            byGroup.forEach((g, cs) -> groups.add(new Group(g.isEmpty() ? null : g, cs)));
            // Ungrouped components first, as vendors' own pages list them.
            groups.sort(Comparator.comparing((Group g) -> g.name() != null));
            int down = (int) list.stream()
                    .filter(c -> c.status != ComponentStatus.OPERATIONAL)
                    .count();
            result.add(new SourceComponents(s, s.componentsAt, groups, list.size(), down));
        }
        return result;
    }
}
