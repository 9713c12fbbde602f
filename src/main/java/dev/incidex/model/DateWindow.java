package dev.incidex.model;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The times a vendor record may plausibly carry: from 1990 (before any status page) to two years
 * ahead of now (maintenance is announced ahead, never by years). A time outside is a misread (epoch
 * milliseconds read as seconds, a BC year, a five-digit year) and is rejected, not stored, so it can
 * neither pin an incident to the top of the front page nor reach a feed as an invalid date.
 */
public final class DateWindow {

    public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    private DateWindow() {}

    /** The latest plausible time when it is {@code now}. */
    public static Instant latest(Instant now) {
        return now.atOffset(ZoneOffset.UTC).plusYears(2).toInstant();
    }

    public static boolean plausible(Instant at, Instant now) {
        return at != null && !at.isBefore(EARLIEST) && !at.isAfter(latest(now));
    }
}
