package dev.incidex.incident;

import java.util.ArrayList;
import java.util.List;

/**
 * What one merge did: incidents created, incidents changed, updates added, and the warnings about
 * records it repaired or skipped (shown on the source).
 */
public record MergeResult(int created, int changed, int updatesAdded, List<String> warnings) {

    public static final MergeResult NOTHING = new MergeResult(0, 0, 0);

    public MergeResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public MergeResult(int created, int changed, int updatesAdded) {
        this(created, changed, updatesAdded, List.of());
    }

    public MergeResult plus(MergeResult other) {
        List<String> all = warnings;
        if (!other.warnings.isEmpty()) {
            all = new ArrayList<>(warnings);
            all.addAll(other.warnings);
        }
        return new MergeResult(
                created + other.created, changed + other.changed, updatesAdded + other.updatesAdded, all);
    }

    public MergeResult withWarnings(List<String> more) {
        return plus(new MergeResult(0, 0, 0, more));
    }

    public boolean wroteAnything() {
        return created + changed + updatesAdded > 0;
    }
}
