package dev.incidex.incident;

import java.time.Duration;

/** Human durations as status pages print them: floored to whole minutes ("22h 7m", "2d 3h 0m"). */
public final class Durations {

    private Durations() {}

    /**
     * Floors to the minute: 22h 7m 28s is "22h 7m". Subtracting the minute-truncated display times
     * instead would say 22h 8m for the INKY incident, which is the trap this avoids.
     */
    public static String format(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        long minutes = duration.toMinutes();
        if (minutes == 0) {
            return "<1m";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + "d " + hours + "h " + mins + "m";
        }
        if (hours > 0) {
            return hours + "h " + mins + "m";
        }
        return mins + "m";
    }

    /** An incident open longer than this is probably one the vendor forgot to close. */
    public static final Duration STALE = Duration.ofDays(14);

    /**
     * How long something has been going on, in its largest unit, the way a reader says it at a glance:
     * "12 min", "3 h", "5 days", "4 months", "2 years". Floored, like {@link #format}.
     */
    public static String age(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration " + duration);
        }
        long minutes = duration.toMinutes();
        long hours = duration.toHours();
        long days = duration.toDays();
        if (minutes < 1) {
            return "<1 min";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        if (hours < 48) {
            return hours + " h";
        }
        if (days < 60) {
            return days + " days";
        }
        if (days < 730) {
            return days / 30 + " months";
        }
        return days / 365 + " years";
    }
}
