package dev.incidex.model;

import java.util.Locale;

/** How bad an incident is, on Statuspage's scale; every vendor's own words map onto it. */
public enum Impact {
    NONE("Notice"),
    MINOR("Minor"),
    MAJOR("Major"),
    CRITICAL("Critical"),
    MAINTENANCE("Maintenance");

    private final String label;

    Impact(String label) {
        this.label = label;
    }

    /** The word users see: Statuspage's "none" reads as "Notice". */
    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Rank for "worst first" ordering; maintenance ranks below real impact. */
    public int severity() {
        return switch (this) {
            case MAINTENANCE -> 0;
            case NONE -> 1;
            case MINOR -> 2;
            case MAJOR -> 3;
            case CRITICAL -> 4;
        };
    }

    /** Reads Statuspage's impact words ({@code none|minor|major|critical|maintenance}); null if unknown. */
    public static Impact fromCode(String code) {
        if (code == null) {
            return null;
        }
        for (Impact i : values()) {
            if (i.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return null;
    }
}
