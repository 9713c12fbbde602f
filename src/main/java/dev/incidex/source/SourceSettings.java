package dev.incidex.source;

import java.net.URI;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * What the catalog says about one source beyond its kind: its URL, the zone for formats whose
 * dates carry none, and the pattern of the vendor's incident ids in free text; plus what the
 * poller remembers for it between polls (the cursor) and whose source it is.
 *
 * @param url the source's catalog URL
 * @param timeZone zone of zone-less dates, or null (then UTC)
 * @param incidentIdPattern finds the vendor's incident ids in text, or null
 * @param cursor where the last good poll stopped (an adapter's own format, e.g. the newest post id), or null
 * @param vendorSlug the vendor the source belongs to, or null when unknown (per-vendor credentials are keyed on it)
 */
public record SourceSettings(URI url, ZoneId timeZone, Pattern incidentIdPattern, String cursor, String vendorSlug) {

    public SourceSettings(URI url, ZoneId timeZone, Pattern incidentIdPattern) {
        this(url, timeZone, incidentIdPattern, null, null);
    }

    public static SourceSettings of(URI url) {
        return new SourceSettings(url, null, null);
    }

    /** The same settings with another cursor. */
    public SourceSettings withCursor(String newCursor) {
        return new SourceSettings(url, timeZone, incidentIdPattern, newCursor, vendorSlug);
    }

    /** The zone for zone-less dates: the configured one, else UTC. */
    public ZoneId zoneOrUtc() {
        return timeZone == null ? java.time.ZoneOffset.UTC : timeZone;
    }
}
