package dev.incidex.source;

import dev.incidex.catalog.SourceKinds;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The one place that dispatches a source to the adapter of its kind. */
@ApplicationScoped
public class SourceAdapters implements SourceKinds {

    private final Map<String, SourceAdapter> byKind = new TreeMap<>();

    @Inject
    public SourceAdapters(@All List<SourceAdapter> adapters) {
        for (SourceAdapter adapter : adapters) {
            SourceAdapter clash = byKind.put(adapter.kind(), adapter);
            if (clash != null) {
                throw new IllegalStateException("two adapters read kind '" + adapter.kind() + "': "
                        + clash.getClass().getName() + " and "
                        + adapter.getClass().getName());
            }
        }
    }

    /** The adapter that reads {@code kind}, if this build has one. */
    public Optional<SourceAdapter> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    @Override
    public Set<String> known() {
        return Collections.unmodifiableSet(byKind.keySet());
    }
}
