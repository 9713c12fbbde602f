package dev.incidex.source.support;

import dev.incidex.model.VendorCalendar;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the date fragments vendors print (ISO instants, zone abbreviations, year-less days) into instants. */
public final class VendorDates {

    /*
     * A day and time as pages print them for people: month, day, an optional year, a 12- or 24-hour
     * time and an optional zone. "Mar 30, 12:12 UTC" (Statuspage feeds), "Mar 05, 2024 - 14:04 UTC"
     * (Statuspage history pages), "June 2, 2026 4:40 PM PDT" (status.io). Real pages wrap parts in
     * tags; callers pass the text after jsoup drops them.
     */
    private static final String DAY_TIME = "(?<month>[A-Za-z]{3,9})\\.?\\s+(?<day>\\d{1,2})"
            + "(?:,?\\s+(?<year>\\d{4})\\s*[-–,]?\\s*|,?\\s+)(?<hour>\\d{1,2}):(?<minute>\\d{2})\\s*(?<ampm>[AaPp][Mm])?";
    private static final String ZONE_WORD = "\\s*(?<zone>[A-Za-z][A-Za-z0-9+:/_-]*)?";
    private static final Pattern PRINTED = Pattern.compile(DAY_TIME + ZONE_WORD);
    // A window: "Apr 7, 13:00 - 15:00 UTC", "Dec 31, 22:00 - Jan 1, 02:00 UTC"; only the start is attested
    // (docs/source-kinds.md, statuspage feeds).
    private static final Pattern PRINTED_WINDOW = Pattern.compile("\\s+" + DAY_TIME
            + "(?:\\s*[-–]\\s*(?:(?<endMonth>[A-Za-z]{3,9})\\.?\\s+)?(?:(?<endDay>\\d{1,2}),\\s*)?"
            + "(?<endHour>\\d{1,2}):(?<endMinute>\\d{2})\\s*(?<endAmpm>[AaPp][Mm])?)?" + ZONE_WORD);

    /** A printed window; either end may be null when the text is not as expected. */
    public record Window(Instant start, Instant end) {
        public static final Window NONE = new Window(null, null);
    }

    private VendorDates() {}

    /**
     * An ISO-8601 timestamp as Statuspage writes it ({@code 2023-03-29T08:04:37.405-06:00}, {@code …Z}, or
     * with a colon-less {@code +0000}); one without an offset is read as UTC. Null or blank gives null.
     */
    public static Instant iso(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                // Salesforce-built pages (Okta) write the offset without a colon: 2024-08-08T22:17:00.000+0000.
                return t.matches(".*[+-]\\d{4}$")
                        ? OffsetDateTime.parse(t, BASIC_OFFSET).toInstant()
                        : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new DateTimeParseException("not an ISO-8601 timestamp: " + t, t, 0, e);
            }
        }
    }

    private static final DateTimeFormatter BASIC_OFFSET = new java.time.format.DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "+0000")
            .toFormatter(Locale.ROOT);

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss][.SSSSSS][.SSS]", Locale.ROOT);
    // JavaScript's Date.toString(): "Sat Jun 11 2022 18:55:50 GMT+0000 (Coordinated Universal Time)".
    private static final Pattern JS_DATE = Pattern.compile(
            "^[A-Za-z]{3} ([A-Za-z]{3}) (\\d{1,2}) (\\d{4}) (\\d{2}):(\\d{2}):(\\d{2}) GMT([+-]\\d{4})(?: \\(.*\\))?$");

    /**
     * When a post or API record was written: an ISO-8601 time, or null when missing or unreadable (the
     * caller decides whether that is fatal). Posts APIs (Mastodon, Bluesky, X, Microsoft Graph) all write these.
     */
    public static Instant posted(String iso) {
        try {
            return iso(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A date that carries its zone if it has one ({@code 2023-03-30T10:21:00+02:00}) and is read in
     * {@code zone} if it does not ({@code 2023-03-30 10:21:00}, as Cachet prints in its instance's zone).
     * Null or blank gives null; anything else unreadable throws.
     */
    public static Instant local(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(t, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new DateTimeParseException("not a date and time: " + t, t, 0, e);
            }
        }
    }

    /** Epoch seconds, written as a number or as a string of digits (AWS does both); null when blank. */
    public static Instant epochSeconds(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            // Whole seconds as AWS sends them; a fraction ("1680174333.5") keeps its milliseconds.
            return Instant.ofEpochMilli(
                    new java.math.BigDecimal(text.trim()).movePointRight(3).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new DateTimeParseException("not epoch seconds: " + text, text, 0, e);
        }
    }

    /**
     * ISO-8601 or JavaScript's {@code Date.toString()} form (Instatus documents both). Null or blank
     * gives null; anything else unreadable throws.
     */
    public static Instant isoOrJavaScript(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = JS_DATE.matcher(text.trim());
        if (m.matches()) {
            Month month = month(m.group(1));
            try {
                if (month != null) {
                    return LocalDateTime.of(
                                    Integer.parseInt(m.group(3)),
                                    month,
                                    Integer.parseInt(m.group(2)),
                                    Integer.parseInt(m.group(4)),
                                    Integer.parseInt(m.group(5)),
                                    Integer.parseInt(m.group(6)))
                            .atOffset(ZoneOffset.of(m.group(7)))
                            .toInstant();
                }
            } catch (DateTimeException e) {
                throw new DateTimeParseException("not a date: " + text, text, 0, e);
            }
        }
        return iso(text);
    }

    /**
     * The first printed day and time in {@code text} (see {@link #DAY_TIME}). A printed zone wins;
     * without one the time is read in {@code zone} (UTC when null). A year-less date is placed
     * {@linkplain #beforeReference before the reference}, and is unreadable without one. Null when
     * nothing readable is printed; this never throws.
     */
    public static Instant printed(String text, ZoneId zone, Instant reference) {
        Matcher m = text == null ? null : PRINTED.matcher(text);
        if (m == null || !m.find()) {
            return null;
        }
        Month month = month(m.group("month"));
        if (month == null) {
            return null;
        }
        ZoneId in = printedZone(m, zone);
        int day = Integer.parseInt(m.group("day"));
        int hour = hour(m.group("hour"), m.group("ampm"));
        int minute = Integer.parseInt(m.group("minute"));
        if (m.group("year") != null) {
            return VendorCalendar.at(Integer.parseInt(m.group("year")), month, day, hour, minute, in);
        }
        return reference == null ? null : beforeReference(month, day, hour, minute, in, reference);
    }

    /**
     * A printed window right at the start of {@code text} ("Apr 7, 13:00 - 15:00 UTC"), year-less,
     * announced around {@code reference}: the start is the nearest such day to it, the end follows the
     * start (past midnight or into the next year when it must).
     */
    public static Window printedWindow(String text, Instant reference) {
        Matcher m = text == null ? null : PRINTED_WINDOW.matcher(text);
        if (m == null || !m.lookingAt()) {
            return Window.NONE;
        }
        Month month = month(m.group("month"));
        if (month == null) {
            return Window.NONE;
        }
        ZoneId zone = printedZone(m, null);
        int day = Integer.parseInt(m.group("day"));
        Instant start = nearReference(
                month,
                day,
                hour(m.group("hour"), m.group("ampm")),
                Integer.parseInt(m.group("minute")),
                zone,
                reference);
        if (start == null || m.group("endMinute") == null) {
            return new Window(start, null);
        }
        try {
            LocalDateTime from = LocalDateTime.ofInstant(start, zone);
            Month endMonth = month(m.group("endMonth")) != null ? month(m.group("endMonth")) : month;
            int endDay = m.group("endDay") != null ? Integer.parseInt(m.group("endDay")) : day;
            LocalDateTime to = LocalDateTime.of(
                    from.getYear(),
                    endMonth,
                    endDay,
                    hour(m.group("endHour"), m.group("endAmpm")),
                    Integer.parseInt(m.group("endMinute")));
            if (!to.isAfter(from) && m.group("endDay") == null) {
                to = to.plusDays(1); // "23:00 - 01:00": the end time alone, past midnight
            } else if (to.isBefore(from)) {
                to = to.plusYears(1); // "Dec 31, 22:00 - Jan 1, 02:00"
            }
            return new Window(start, to.atZone(zone).toInstant());
        } catch (DateTimeException garbled) {
            return new Window(start, null);
        }
    }

    private static ZoneId printedZone(Matcher m, ZoneId otherwise) {
        if (m.group("zone") != null) {
            return VendorCalendar.printedZone(m.group("zone"));
        }
        return otherwise != null ? otherwise : ZoneOffset.UTC;
    }

    private static int hour(String hour, String amPm) {
        return VendorCalendar.hourOfDay(Integer.parseInt(hour), amPm);
    }

    /** A date as Rome hands it over; null stays null. */
    public static Instant of(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * The zone a vendor printed: an abbreviation ({@code UTC}, {@code CET}, {@code PDT}), an offset
     * ({@code +02:00}, {@code GMT+1}) or a region. Anything unknown is UTC; this never throws.
     * The words themselves are {@link VendorCalendar}', shared with the reading of stored text.
     */
    public static ZoneId zone(String text) {
        return VendorCalendar.zone(text);
    }

    /** A month as printed ({@code Mar}, {@code March}, {@code Sept}); null when it is not one. */
    public static Month month(String text) {
        return VendorCalendar.month(text);
    }

    /**
     * A year-less day and time (Statuspage feeds print "Mar 30, 12:12 UTC") placed in the year of
     * {@code reference}; see {@link VendorCalendar#beforeReference}.
     */
    public static Instant beforeReference(Month month, int day, int hour, int minute, ZoneId zone, Instant reference) {
        return VendorCalendar.beforeReference(month, day, hour, minute, zone, reference);
    }

    /** A year-less day and time nearest {@code reference}; see {@link VendorCalendar#nearReference}. */
    public static Instant nearReference(Month month, int day, int hour, int minute, ZoneId zone, Instant reference) {
        return VendorCalendar.nearReference(month, day, hour, minute, zone, reference);
    }
}
