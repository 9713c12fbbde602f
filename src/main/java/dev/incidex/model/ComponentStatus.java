package dev.incidex.model;

import java.util.Locale;

/** How one of a vendor's components is doing now, on one scale every vendor's own words map onto. */
public enum ComponentStatus {
    OPERATIONAL("Operational"),
    DEGRADED("Degraded"),
    PARTIAL_OUTAGE("Partial outage"),
    MAJOR_OUTAGE("Major outage"),
    MAINTENANCE("Maintenance"),
    UNKNOWN("Unknown");

    private final String label;

    ComponentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The word pages and the API use: {@code partial-outage}, never the enum's name. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Rank for "worst first": an outage above degradation above maintenance above all well; unknown ranks low. */
    public int severity() {
        return switch (this) {
            case OPERATIONAL -> 0;
            case UNKNOWN -> 1;
            case MAINTENANCE -> 2;
            case DEGRADED -> 3;
            case PARTIAL_OUTAGE -> 4;
            case MAJOR_OUTAGE -> 5;
        };
    }

    /**
     * The one reading of vendors' component words: Statuspage and incident.io ({@code degraded_performance},
     * {@code partial_outage}, {@code major_outage}/{@code full_outage}, {@code under_maintenance}), Instatus
     * ({@code DEGRADEDPERFORMANCE}, {@code MINOROUTAGE}, …) and Azure DevOps ({@code healthy}, {@code advisory},
     * {@code degraded}, {@code unhealthy}). A word none of them uses is {@link #UNKNOWN}, never operational.
     */
    public static ComponentStatus fromWord(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (w) {
            case "operational", "healthy", "up", "ok" -> OPERATIONAL;
            case "degradedperformance", "degraded", "advisory", "minoroutage", "notice" -> DEGRADED;
            case "partialoutage", "incident" -> PARTIAL_OUTAGE;
            case "majoroutage", "fulloutage", "unhealthy", "outage", "down" -> MAJOR_OUTAGE;
            case "undermaintenance", "maintenance", "inmaintenance" -> MAINTENANCE;
            default -> UNKNOWN;
        };
    }

    /** Reads a {@link #code()} back; null for anything else. */
    public static ComponentStatus fromCode(String code) {
        for (ComponentStatus s : values()) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        return null;
    }
}
