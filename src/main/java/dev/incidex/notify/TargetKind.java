package dev.incidex.notify;

import java.util.Locale;
import java.util.Optional;

/** Where a watchlist's notifications go. */
public enum TargetKind {
    WEBHOOK("Webhook (JSON)"),
    SLACK("Slack incoming webhook"),
    EMAIL("Email");

    private final String label;

    TargetKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isUrl() {
        return this != EMAIL;
    }

    public static Optional<TargetKind> fromCode(String code) {
        for (TargetKind k : values()) {
            if (k.code().equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
