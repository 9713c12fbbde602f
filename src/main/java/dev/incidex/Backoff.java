package dev.incidex;

import java.time.Duration;

/** When something that failed is tried again (a source, a notification): the first wait doubled per consecutive failure, capped. */
public final class Backoff {

    private Backoff() {}

    /**
     * @param failures consecutive failures so far, counting the one just recorded (1 or more)
     * @param retryAfter what the server asked for, or null; honoured when longer than our own wait
     */
    public static Duration after(int failures, Duration interval, Duration max, Duration retryAfter) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        Duration wait = interval.multipliedBy(1L << doublings);
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : retryAfter;
        }
        return wait;
    }
}
