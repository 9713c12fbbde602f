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
}
