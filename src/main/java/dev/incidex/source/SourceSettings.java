package dev.incidex.source;

import java.net.URI;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * What the catalog says about one source beyond its kind: its URL, the zone for formats whose
 * dates carry none, and the pattern of the vendor's incident ids in free text.
 *
 * @param url the source's catalog URL
 * @param timeZone zone of zone-less dates, or null (then UTC)
 * @param incidentIdPattern finds the vendor's incident ids in text, or null
 */
public record SourceSettings(URI url, ZoneId timeZone, Pattern incidentIdPattern) {

    public static SourceSettings of(URI url) {
        return new SourceSettings(url, null, null);
    }

    /** The zone for zone-less dates: the configured one, else UTC. */
    public ZoneId zoneOrUtc() {
        return timeZone == null ? java.time.ZoneOffset.UTC : timeZone;
    }
}
