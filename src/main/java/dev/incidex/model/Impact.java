package dev.incidex.model;

import java.util.Locale;

/**
 * How bad an incident is, on Statuspage's scale; every vendor's own words map onto it. The word the
 * pages show is also the API's and the feeds' code ("notice", "minor", …), so a reader sees one name
 * everywhere; Statuspage's own "none" is read as "notice".
 */
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

    /** The same word in lower case, as the API, the feeds and query parameters name it. */
    public String code() {
        return label.toLowerCase(Locale.ROOT);
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

    /**
     * Reads an impact code ({@code notice|minor|major|critical|maintenance}) or Statuspage's own words,
     * whose {@code none} is {@code notice}; null if unknown.
     */
    public static Impact fromCode(String code) {
        if (code == null) {
            return null;
        }
        String word = code.trim().toLowerCase(Locale.ROOT);
        if (word.equals("none")) {
            return NONE;
        }
        for (Impact i : values()) {
            if (i.code().equals(word)) {
                return i;
            }
        }
        return null;
    }
}
