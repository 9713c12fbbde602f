package dev.incidex.model;

import java.util.List;
import java.util.Locale;

/**
 * Where an incident (or maintenance) stands. Incidents move investigating → identified →
 * monitoring → resolved (→ postmortem); maintenances scheduled → in progress → verifying → completed.
 */
public enum IncidentStatus {
    INVESTIGATING("investigating"),
    IDENTIFIED("identified"),
    MONITORING("monitoring"),
    RESOLVED("resolved"),
    POSTMORTEM("postmortem"),
    SCHEDULED("scheduled"),
    IN_PROGRESS("in progress"),
    VERIFYING("verifying"),
    COMPLETED("completed");

    /** The statuses in which the vendor says it is over, for queries (see {@link #isClosed()}). */
    public static final List<IncidentStatus> CLOSED = List.of(RESOLVED, POSTMORTEM, COMPLETED);

    private final String label;

    IncidentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True once the vendor says it is over. */
    public boolean isClosed() {
        return this == RESOLVED || this == POSTMORTEM || this == COMPLETED;
    }

    public boolean isMaintenance() {
        return this == SCHEDULED || this == IN_PROGRESS || this == VERIFYING || this == COMPLETED;
    }

    /**
     * Reads Statuspage's status words, as in its JSON ({@code in_progress}) or as printed in its
     * feeds ({@code In progress}); null for anything else, including the feed label "Update".
     */
    public static IncidentStatus fromWord(String word) {
        if (word == null) {
            return null;
        }
        String w = word.trim().toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        for (IncidentStatus s : values()) {
            if (s.label.equals(w)) {
                return s;
            }
        }
        return w.equals("post mortem") ? POSTMORTEM : null;
    }
}
