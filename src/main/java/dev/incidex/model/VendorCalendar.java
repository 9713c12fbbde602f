package dev.incidex.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How vendors name time zones, months and year-less days in what they print: the one reading of these
 * words, used by the adapters (through {@code source.support.VendorDates}) and by the reading of
 * stated impact windows ({@link StatedWindow}), which runs on stored text on the incident side and so
 * cannot reach up into {@code source}.
 */
public final class VendorCalendar {

    /*
     * Abbreviations name a fixed offset (PDT is -07:00 whatever the date), so they map to offsets
     * rather than regions; the JDK's own short names cover the rest, UTC is the last resort.
     */
    private static final Map<String, ZoneOffset> ABBREVIATIONS = Map.ofEntries(
            Map.entry("UTC", ZoneOffset.UTC),
            Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("Z", ZoneOffset.UTC),
            Map.entry("WET", ZoneOffset.UTC),
            Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("BST", ZoneOffset.ofHours(1)),
            Map.entry("CET", ZoneOffset.ofHours(1)),
            Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneOffset.ofHours(2)),
            Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("MSK", ZoneOffset.ofHours(3)),
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)),
            Map.entry("SGT", ZoneOffset.ofHours(8)),
            Map.entry("HKT", ZoneOffset.ofHours(8)),
            Map.entry("AWST", ZoneOffset.ofHours(8)),
            Map.entry("JST", ZoneOffset.ofHours(9)),
            Map.entry("KST", ZoneOffset.ofHours(9)),
            Map.entry("ACST", ZoneOffset.ofHoursMinutes(9, 30)),
            Map.entry("ACDT", ZoneOffset.ofHoursMinutes(10, 30)),
            Map.entry("AEST", ZoneOffset.ofHours(10)),
            Map.entry("AEDT", ZoneOffset.ofHours(11)),
            Map.entry("NZST", ZoneOffset.ofHours(12)),
            Map.entry("NZDT", ZoneOffset.ofHours(13)),
            Map.entry("NST", ZoneOffset.ofHoursMinutes(-3, -30)),
            Map.entry("NDT", ZoneOffset.ofHoursMinutes(-2, -30)),
            Map.entry("AST", ZoneOffset.ofHours(-4)),
            Map.entry("ADT", ZoneOffset.ofHours(-3)),
            Map.entry("EST", ZoneOffset.ofHours(-5)),
            Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)),
            Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)),
            Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)),
            Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("AKST", ZoneOffset.ofHours(-9)),
            Map.entry("AKDT", ZoneOffset.ofHours(-8)),
            Map.entry("HST", ZoneOffset.ofHours(-10)));

    /*
     * Season-less names ("Pacific time", "PT") follow daylight saving, so they are regions, not offsets.
     */
    private static final Map<String, ZoneId> REGIONS = Map.of(
            "PT",
            ZoneId.of("America/Los_Angeles"),
            "PACIFIC",
            ZoneId.of("America/Los_Angeles"),
            "MT",
            ZoneId.of("America/Denver"),
            "MOUNTAIN",
            ZoneId.of("America/Denver"),
            "CT",
            ZoneId.of("America/Chicago"),
            "CENTRAL",
            ZoneId.of("America/Chicago"),
            "ET",
            ZoneId.of("America/New_York"),
            "EASTERN",
            ZoneId.of("America/New_York"));

    private static final Pattern SPOKEN =
            Pattern.compile("(?i)(pacific|mountain|central|eastern)(?:\\s+(standard|daylight))?(?:\\s+time)?");
    private static final Pattern UTC_OFFSET = Pattern.compile("(?i)(?:UTC|GMT)\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?");
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    /**
     * The words of a zone, as a regular expression a caller may embed: abbreviations, {@code UTC+2} offsets,
     * region ids ({@code US/Pacific}, {@code Europe/Berlin}) and spoken names ({@code Pacific time}).
     */
    public static final String PATTERN = "(?:(?:UTC|GMT)\\s*[+-]\\d{1,2}(?::?\\d{2})?"
            + "|(?:US|America|Europe|Asia|Australia|Africa|Pacific|Atlantic|Etc|Canada)/[A-Za-z_]+(?:/[A-Za-z_]+)?"
            + "|(?i:(?:pacific|mountain|central|eastern)(?:\\s+(?:standard|daylight))?\\s+time)"
            + "|(?:"
            + String.join(
                    "|",
                    ABBREVIATIONS.keySet().stream()
                            .sorted((a, b) -> b.length() - a.length())
                            .toList())
            + "|PT|MT|CT|ET)(?![A-Za-z]))";

    private VendorCalendar() {}

    /**
     * The zone a vendor printed, or empty when the words name none: an abbreviation ({@code PDT}), an
     * offset ({@code +02:00}, {@code GMT+1}), a region ({@code US/Pacific}) or a spoken name ({@code Pacific time}).
     */
    public static Optional<ZoneId> known(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        String upper = t.toUpperCase(Locale.ROOT);
        ZoneOffset abbreviation = ABBREVIATIONS.get(upper);
        if (abbreviation != null) {
            return Optional.of(abbreviation);
        }
        if (REGIONS.containsKey(upper)) {
            return Optional.of(REGIONS.get(upper));
        }
        Matcher spoken = SPOKEN.matcher(t);
        if (spoken.matches()) {
            String name = spoken.group(1).toUpperCase(Locale.ROOT);
            if (spoken.group(2) == null) {
                return Optional.of(REGIONS.get(name));
            }
            // "Pacific Standard Time" names the fixed offset, as PST does.
            boolean daylight = spoken.group(2).equalsIgnoreCase("daylight");
            return Optional.of(ABBREVIATIONS.get(name.charAt(0) + (daylight ? "DT" : "ST")));
        }
        Matcher offset = UTC_OFFSET.matcher(t);
        if (offset.matches()) {
            try {
                int hours = Integer.parseInt(offset.group(2));
                int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
                int sign = offset.group(1).equals("-") ? -1 : 1;
                return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(ZoneId.of(t));
        } catch (DateTimeException notAnId) {
            try {
                return Optional.of(ZoneId.from(ZONE_NAME.parse(t)));
            } catch (DateTimeException unknown) {
                return Optional.empty();
            }
        }
    }

    /*
     * US standard-time abbreviations that vendors print all year from a hard-coded label (Parse's
     * history.rss prints "PST" in July while its pubDate says -0700). MST is left out: Arizona keeps
     * it all year.
     */
    private static final Map<String, ZoneId> STANDARD_ALL_YEAR = Map.of(
            "PST", ZoneId.of("America/Los_Angeles"),
            "CST", ZoneId.of("America/Chicago"),
            "EST", ZoneId.of("America/New_York"),
            "AKST", ZoneId.of("America/Anchorage"));

    /**
     * The zone a page printed beside a time it shows people: as {@link #zone}, except that a US
     * standard-time abbreviation is its region, so a summer time labelled "PST" is read at the
     * region's daylight offset. Where the label is right the two readings agree.
     */
    public static ZoneId printedZone(String text) {
        ZoneId region = text == null ? null : STANDARD_ALL_YEAR.get(text.trim().toUpperCase(Locale.ROOT));
        return region != null ? region : zone(text);
    }

    /** As {@link #known}, with UTC for anything unknown; never throws. */
    public static ZoneId zone(String text) {
        return known(text).orElse(ZoneOffset.UTC);
    }

    /** A month as printed ({@code Mar}, {@code March}, {@code Sept}); null when it is not one. */
    public static Month month(String text) {
        if (text == null || text.length() < 3) {
            return null;
        }
        String prefix = text.substring(0, 3);
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(prefix)) {
                return m;
            }
        }
        return null;
    }

    /**
     * A year-less day and time (Statuspage feeds print "Mar 30, 12:12 UTC") placed in the year of
     * {@code reference}, the newest time the item is known to carry. A result more than a day after
     * the reference belongs to the previous year: an incident that spans New Year.
     */
    public static Instant beforeReference(Month month, int day, int hour, int minute, ZoneId zone, Instant reference) {
        int year = reference.atZone(zone).getYear();
        Instant candidate = at(year, month, day, hour, minute, zone);
        if (candidate != null && candidate.isAfter(reference.plusSeconds(86_400))) {
            return at(year - 1, month, day, hour, minute, zone);
        }
        return candidate;
    }

    /**
     * A year-less day and time that may lie before or after {@code reference} (a maintenance window
     * announced in advance): the year that puts it closest to the reference.
     */
    public static Instant nearReference(Month month, int day, int hour, int minute, ZoneId zone, Instant reference) {
        int year = reference.atZone(zone).getYear();
        Instant best = null;
        for (int y = year - 1; y <= year + 1; y++) {
            Instant candidate = at(y, month, day, hour, minute, zone);
            if (candidate != null && (best == null || distance(candidate, reference) < distance(best, reference))) {
                best = candidate;
            }
        }
        return best;
    }

    private static long distance(Instant a, Instant b) {
        return Math.abs(a.getEpochSecond() - b.getEpochSecond());
    }

    /**
     * The hour of the day a printed hour means: with "AM"/"PM" (or "a"/"p", dots dropped) a 12-hour
     * clock, where 12 AM is midnight and 12 PM noon; without, the hour as printed.
     */
    public static int hourOfDay(int hour, String amPm) {
        if (amPm == null) {
            return hour;
        }
        boolean pm = amPm.toLowerCase(Locale.ROOT).startsWith("p");
        return hour % 12 + (pm ? 12 : 0);
    }

    /** A day and time in {@code zone}; null for a day that does not exist (Feb 29 in a year without it). */
    public static Instant at(int year, Month month, int day, int hour, int minute, ZoneId zone) {
        try {
            return LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant();
        } catch (DateTimeException impossible) {
            // Feb 29 in a year without it, or a garbled day: no instant rather than a crash.
            return null;
        }
    }
}
