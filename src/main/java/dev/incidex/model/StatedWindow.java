package dev.incidex.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The impact window a vendor states in an update's words, as opposed to when it posted: "Start time:
 * Wednesday, March 29, 2023, 2:00 AM (7:00 AM UTC)", "between 23:35 and 00:24 UTC", "beginning at
 * Thursday, 2023-03-30 02:20 US/Pacific". The phrasings it reads (docs/stated-impact.md lists them):
 * <ul>
 * <li>a labelled moment: a start label ("Start time:", "Impact start:", "started at", "beginning at",
 *     "began at", "since") or an end label ("End time:", "Impact end:", "ended at", "resolved … as of",
 *     "recovered at", "mitigated at") right before it; forward-looking sentences ("expected", "will",
 *     "next update", "ETA") state nothing;</li>
 * <li>a range: "between A and B", "from A to B", or "A – B" after a start label;</li>
 * <li>a moment: an optional date (March 29[, 2023], 29 March 2023, 2023-03-29, 3/29/2023, with or
 *     without the weekday), a time (14:05, 2:00 PM, 2 PM, with seconds), a zone (UTC, GMT±h, PDT and the
 *     other abbreviations, US/Pacific, Europe/Berlin, "Pacific time", PT) and an optional "(7:00 AM UTC)",
 *     which wins over the local time before it; a date may also follow the time ("23:35 UTC on March 29").</li>
 * </ul>
 * A moment without a zone takes its range partner's; with none at all it states nothing. A date written
 * once in a range belongs to its start (or to the sentence before it); the end takes the same day, or the
 * next when it is earlier (cross-midnight). A moment without any date is the latest such time no more than
 * an hour after the update was posted; a date without a year takes the year nearest the post.
 */
public final class StatedWindow {

    /** What one text states: either end may be null. */
    public record Window(Instant start, Instant end) {
        public static final Window NONE = new Window(null, null);

        public boolean isEmpty() {
            return start == null && end == null;
        }
    }

    private static final String MONTH =
            "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                    + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String WEEKDAY =
            "(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\\.?,?\\s+)?";
    private static final String ZONE =
            "(?-i:" + VendorCalendar.PATTERN + "|Z(?![A-Za-z])|[+-]\\d{2}:?\\d{2}(?![\\d:]))";

    private static String date(String p) {
        return WEEKDAY + "(?:(?<" + p + "mon>" + MONTH + ")\\s+(?<" + p
                + "day>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(?<" + p + "year>\\d{4}))?"
                + "|(?<" + p + "day2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<" + p + "mon2>" + MONTH + "),?\\s+(?<" + p
                + "year2>\\d{4})"
                + "|(?<" + p + "iy>\\d{4})-(?<" + p + "im>\\d{2})-(?<" + p + "id>\\d{2})"
                + "|(?<" + p + "um>\\d{1,2})/(?<" + p + "ud>\\d{1,2})/(?<" + p + "uy>\\d{4}))";
    }

    private static final String TIME =
            "(?<![\\d:.])(?<h>\\d{1,2})(?:(?::(?<min>\\d{2})(?::(?<sec>\\d{2})(?:\\.\\d+)?)?)(?:\\s*(?<ap>[ap])\\.?m\\.?(?![a-z]))?"
                    + "|\\s*(?<ap2>[ap])\\.?m\\.?(?![a-z]))";
    private static final String PAREN =
            "(?:\\s*\\((?<ph>\\d{1,2})(?::(?<pmin>\\d{2}))?\\s*(?:(?<pap>[ap])\\.?m\\.?)?\\s*(?-i:UTC|GMT)\\))?";

    private static final Pattern MOMENT = Pattern.compile("(?i)(?:" + date("a") + "(?:T|,?\\s+(?:at\\s+)?))?" + TIME
            + "(?:\\s*(?<zone>" + ZONE + "))?" + PAREN + "(?:,?\\s+(?:on\\s+)?" + date("b") + ")?");
    private static final Pattern DATE_ONLY = Pattern.compile("(?i)" + date("a"));

    private static final Pattern START = Pattern.compile(
            "(?i)(?:\\bstart(?:ed|ing|s)?|\\bbegan|\\bbegin(?:ning|s)?|\\bsince"
                    + "|\\bcommenc\\w*|\\bfirst (?:observed|detected|noticed))(?:\\s+(?:time|date|at|on|around|approximately|about|from))*\\s*[:\\-–]?\\s*$");
    private static final Pattern END = Pattern.compile(
            "(?i)(?:\\bend(?:ed|s)?|\\b(?:resolved|recovered|mitigated|restored|fixed|subsided)\\b[^:]{0,80}?"
                    + "\\b(?:as of|at|on|around))(?:\\s+(?:time|date|at|on|around|approximately|about))*\\s*[:\\-–]?\\s*$");
    private static final Pattern RANGE_OPEN =
            Pattern.compile("(?i)(?:\\bbetween|\\bfrom|\\bwindow|\\bimpact|\\bperiod|\\bduration)\\s*:?\\s*$");
    private static final Pattern RANGE_JOIN = Pattern.compile("(?i)^\\s*(?:and|to|until|till|through|-|–|—)\\s*$");
    private static final Pattern FORWARD = Pattern.compile(
            "(?i)\\b(?:expect\\w*|estimat\\w*|will|next update|eta|schedul\\w*|planned|should|anticipat\\w*|update by)\\b");
    private static final Pattern RECOVERED =
            Pattern.compile("(?i)\\b(?:recover\\w*|normal\\w*|stable|resolv\\w*|restor\\w*|healthy)\\b");

    /** Moments further back than this from their label are not labelled by it. */
    private static final int LEAD = 100;

    private StatedWindow() {}

    /**
     * The window {@code text} states, reading date-less times near {@code postedAt} (the update's time).
     * Never throws: text that states nothing readable gives {@link Window#NONE}.
     */
    public static Window read(String text, Instant postedAt) {
        if (text == null || text.isBlank() || postedAt == null) {
            return Window.NONE;
        }
        List<Moment> moments = moments(text);
        Instant start = null;
        Instant end = null;
        for (int i = 0; i < moments.size(); i++) {
            Moment m = moments.get(i);
            String lead = lead(text, i == 0 ? 0 : moments.get(i - 1).to, m.from);
            if (FORWARD.matcher(lead).find()) {
                continue;
            }
            Moment next = i + 1 < moments.size() ? moments.get(i + 1) : null;
            boolean opensRange =
                    RANGE_OPEN.matcher(lead).find() || START.matcher(lead).find();
            if (next != null
                    && opensRange
                    && RANGE_JOIN.matcher(text.substring(m.to, next.from)).matches()) {
                Instant[] range = range(m, next, DATE_ONLY.matcher(lead), postedAt);
                if (range != null) {
                    start = range[0];
                    end = range[1];
                }
                i++;
                continue;
            }
            if (START.matcher(lead).find()
                    && !(lead.toLowerCase(Locale.ROOT).contains("since")
                            && RECOVERED.matcher(lead).find())) {
                Instant at = m.resolve(null, postedAt);
                start = at != null ? at : start;
            } else if (END.matcher(lead).find()) {
                Instant at = m.resolve(null, postedAt);
                end = at != null ? at : end;
            }
        }
        return new Window(start, end);
    }

    /** The text between the previous moment (or the sentence's start) and this one. */
    private static String lead(String text, int previousEnd, int from) {
        int begin = Math.max(previousEnd, from - LEAD);
        String lead = text.substring(begin, from);
        int sentence = Math.max(lead.lastIndexOf('\n'), Math.max(lead.lastIndexOf(". "), lead.lastIndexOf("; ")));
        return sentence >= 0 ? lead.substring(sentence + 1) : lead;
    }

    private static Instant[] range(Moment a, Moment b, Matcher leadDate, Instant postedAt) {
        ZoneId zoneA = a.zone != null ? a.zone : b.zone;
        ZoneId zoneB = b.zone != null ? b.zone : a.zone;
        if ((zoneA == null && a.utcTime == null) || (zoneB == null && b.utcTime == null)) {
            return null;
        }
        LocalDate dayA = a.date(postedAt);
        LocalDate dayB = b.date(postedAt);
        if (dayA == null && dayB != null && b.dateAfterTime) {
            dayA = dayB; // "between 23:35 and 00:24 UTC on March 29": the date is the start's
            dayB = null;
        }
        if (dayA == null && dayB == null && leadDate.find()) {
            dayA = dateOf(leadDate::group, "a", postedAt);
        }
        Instant end;
        Instant start;
        if (dayA != null) {
            start = a.at(dayA, zoneA);
            end = dayB != null ? b.at(dayB, zoneB) : b.at(dayA, zoneB);
            if (dayB == null && end != null && start != null && end.isBefore(start)) {
                end = b.at(dayA.plusDays(1), zoneB);
            }
        } else {
            end = dayB != null ? b.at(dayB, zoneB) : b.latestBefore(postedAt, zoneB);
            if (end == null) {
                return null;
            }
            LocalDate endDay =
                    end.atZone(zoneA == null ? ZoneOffset.UTC : zoneA).toLocalDate();
            start = a.at(endDay, zoneA);
            if (start != null && start.isAfter(end)) {
                start = a.at(endDay.minusDays(1), zoneA);
            }
        }
        return start == null || end == null ? null : new Instant[] {start, end};
    }

    private static List<Moment> moments(String text) {
        List<Moment> found = new ArrayList<>();
        Matcher m = MOMENT.matcher(text);
        while (m.find()) {
            Moment moment = Moment.of(m);
            if (moment != null) {
                found.add(moment);
            }
        }
        return found;
    }

    /** The day a date pattern prefixed {@code p} names; a year-less one takes the year nearest the post. */
    private static LocalDate dateOf(Function<String, String> group, String p, Instant postedAt) {
        try {
            if (group.apply(p + "mon") != null) {
                Month month = VendorCalendar.month(group.apply(p + "mon"));
                int day = Integer.parseInt(group.apply(p + "day"));
                if (group.apply(p + "year") != null) {
                    return LocalDate.of(Integer.parseInt(group.apply(p + "year")), month, day);
                }
                Instant near = VendorCalendar.nearReference(month, day, 12, 0, ZoneOffset.UTC, postedAt);
                return near == null ? null : near.atZone(ZoneOffset.UTC).toLocalDate();
            }
            if (group.apply(p + "mon2") != null) {
                return LocalDate.of(
                        Integer.parseInt(group.apply(p + "year2")),
                        VendorCalendar.month(group.apply(p + "mon2")),
                        Integer.parseInt(group.apply(p + "day2")));
            }
            if (group.apply(p + "iy") != null) {
                return LocalDate.of(
                        Integer.parseInt(group.apply(p + "iy")),
                        Integer.parseInt(group.apply(p + "im")),
                        Integer.parseInt(group.apply(p + "id")));
            }
            if (group.apply(p + "uy") != null) {
                return LocalDate.of(
                        Integer.parseInt(group.apply(p + "uy")),
                        Integer.parseInt(group.apply(p + "um")),
                        Integer.parseInt(group.apply(p + "ud")));
            }
        } catch (DateTimeException | NullPointerException impossible) {
            return null; // "February 30", or a month word that is not one
        }
        return null;
    }

    /** One time the text names, with what it says of its day and zone. */
    private static final class Moment {
        int from;
        int to;
        LocalTime time;
        ZoneId zone;
        /** The "(7:00 AM UTC)" after a local time: wins over it. */
        LocalTime utcTime;

        boolean dateAfterTime;

        static Moment of(Matcher m) {
            Moment moment = new Moment();
            moment.from = m.start();
            moment.to = m.end();
            moment.time = time(
                    m.group("h"),
                    m.group("min"),
                    m.group("sec"),
                    m.group("ap") != null ? m.group("ap") : m.group("ap2"));
            if (moment.time == null) {
                return null;
            }
            if (m.group("zone") != null) {
                Optional<ZoneId> zone = VendorCalendar.known(m.group("zone").strip());
                moment.zone = zone.orElse(null);
            }
            if (m.group("ph") != null) {
                moment.utcTime = time(m.group("ph"), m.group("pmin"), null, m.group("pap"));
            }
            moment.dateAfterTime = m.group("bmon") != null
                    || m.group("bmon2") != null
                    || m.group("biy") != null
                    || m.group("buy") != null;
            for (String name : GROUPS) {
                if (m.group(name) != null) {
                    moment.groups.put(name, m.group(name));
                }
            }
            boolean hasDate = moment.dateAfterTime
                    || m.group("amon") != null
                    || m.group("amon2") != null
                    || m.group("aiy") != null
                    || m.group("auy") != null;
            // A bare "12:00" with nothing around it is as likely a version or a score as a time.
            if (!hasDate && moment.zone == null && moment.utcTime == null && m.group("min") == null) {
                return null;
            }
            return moment;
        }

        private static final String[] GROUPS = {
            "amon", "aday", "ayear", "aday2", "amon2", "ayear2", "aiy", "aim", "aid", "aum", "aud", "auy", "bmon",
            "bday", "byear", "bday2", "bmon2", "byear2", "biy", "bim", "bid", "bum", "bud", "buy"
        };
        final Map<String, String> groups = new HashMap<>();

        /** The day it names, or null when it names none. */
        LocalDate date(Instant postedAt) {
            boolean before = groups.containsKey("amon")
                    || groups.containsKey("amon2")
                    || groups.containsKey("aiy")
                    || groups.containsKey("auy");
            return before
                    ? dateOf(groups::get, "a", postedAt)
                    : dateAfterTime ? dateOf(groups::get, "b", postedAt) : null;
        }

        /** This moment on {@code day}; the zone is the range's when it names none itself. */
        Instant at(LocalDate day, ZoneId rangeZone) {
            if (day == null) {
                return null;
            }
            if (utcTime != null) {
                // The local time places the day; the UTC time in brackets is the instant: pick the UTC day
                // that keeps the two within the widest offset there is.
                Instant local = day.atTime(time).toInstant(ZoneOffset.UTC);
                Instant best = null;
                for (int k = -1; k <= 1; k++) {
                    Instant candidate = day.plusDays(k).atTime(utcTime).toInstant(ZoneOffset.UTC);
                    if (best == null
                            || Math.abs(candidate.getEpochSecond() - local.getEpochSecond())
                                    < Math.abs(best.getEpochSecond() - local.getEpochSecond())) {
                        best = candidate;
                    }
                }
                return best;
            }
            ZoneId z = zone != null ? zone : rangeZone;
            return z == null ? null : day.atTime(time).atZone(z).toInstant();
        }

        /** Its own day, or the latest day that puts it no more than an hour after {@code postedAt}. */
        Instant resolve(ZoneId rangeZone, Instant postedAt) {
            LocalDate day = date(postedAt);
            ZoneId z = utcTime != null ? ZoneOffset.UTC : zone != null ? zone : rangeZone;
            if (z == null) {
                return null;
            }
            return day != null ? at(day, rangeZone) : latestBefore(postedAt, z);
        }

        Instant latestBefore(Instant postedAt, ZoneId z) {
            if (z == null && utcTime == null) {
                return null;
            }
            ZoneId in = utcTime != null ? ZoneOffset.UTC : z;
            LocalTime t = utcTime != null ? utcTime : time;
            LocalDate day = postedAt.atZone(in).toLocalDate();
            Instant candidate = day.atTime(t).atZone(in).toInstant();
            if (candidate.isAfter(postedAt.plusSeconds(3600))) {
                candidate = day.minusDays(1).atTime(t).atZone(in).toInstant();
            }
            return candidate;
        }

        private static LocalTime time(String h, String min, String sec, String ampm) {
            try {
                int hour = Integer.parseInt(h);
                int minute = min == null ? 0 : Integer.parseInt(min);
                int second = sec == null ? 0 : Integer.parseInt(sec);
                if (ampm != null && (hour < 1 || hour > 12)) {
                    return null; // "13 PM" in prose is not a time of day
                }
                hour = VendorCalendar.hourOfDay(hour, ampm);
                return LocalTime.of(hour, minute, second);
            } catch (DateTimeException | NumberFormatException e) {
                return null;
            }
        }
    }
}
