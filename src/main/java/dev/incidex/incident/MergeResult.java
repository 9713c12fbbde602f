package dev.incidex.incident;

/** What one merge did: incidents created, incidents changed, updates added. */
public record MergeResult(int created, int changed, int updatesAdded) {

    public static final MergeResult NOTHING = new MergeResult(0, 0, 0);

    public MergeResult plus(MergeResult other) {
        return new MergeResult(created + other.created, changed + other.changed, updatesAdded + other.updatesAdded);
    }

    public boolean wroteAnything() {
        return created + changed + updatesAdded > 0;
    }
}
