package dev.incidex.source.feed;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.support.VendorDates;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads the body of a Statuspage history.rss/history.atom item: one {@code <p>} per update, newest
 * first, each "{@code <small>Mar 30, 12:12 UTC</small><br><strong>Resolved</strong> - text}".
 */
public final class StatuspageHistory {

    /** The updates oldest first, plus the maintenance window if the item announced one. */
    record Parsed(List<ObservedUpdate> updates, boolean maintenance, Instant windowStart, Instant windowEnd) {}

    private static final String SCHEDULED_EVENT = "THIS IS A SCHEDULED EVENT";
    private static final String DAY_TIME = "([A-Za-z]{3,9})\\.?\\s+(\\d{1,2}),?\\s+(\\d{1,2}):(\\d{2})\\s*([AaPp][Mm])?";
    // Real pages wrap day and time in <var>; hand-written copies don't ("Jun 5, 10:30 UTC"). Text is read after jsoup drops tags.
    private static final Pattern STAMP = Pattern.compile(DAY_TIME + "\\s*([A-Za-z][A-Za-z0-9+:/_-]*)?");
    // Only the beginning "THIS IS A SCHEDULED EVENT Apr 7, 13:00" is attested (FORMATS.md §6); the end part is optional.
    private static final Pattern WINDOW = Pattern.compile(Pattern.quote(SCHEDULED_EVENT) + "\\s+" + DAY_TIME
            + "(?:\\s*[-–]\\s*(?:([A-Za-z]{3,9})\\.?\\s+)?(?:(\\d{1,2}),\\s*)?(\\d{1,2}):(\\d{2})\\s*([AaPp][Mm])?)?"
            + "\\s*([A-Za-z][A-Za-z0-9+:/_-]*)?");
    private static final Pattern LEADING_DASH = Pattern.compile("^\\s*[-–—]\\s*");

    private record Paragraph(String label, Instant at, String html) {}

    private StatuspageHistory() {}

    /**
     * Parses {@code html}; {@code reference} is the item's own date (the time of its latest update),
     * which supplies the year the printed dates lack. Null when the body does not have this structure.
     */
    static Parsed parse(String html, Instant reference) {
        if (html == null || html.isBlank()) {
            return null;
        }
        List<Paragraph> newestFirst = new ArrayList<>();
        boolean scheduledEvent = false;
        Instant[] window = {null, null};
        for (Element p : Jsoup.parseBodyFragment(html).select("p")) {
            String text = p.text().trim();
            if (text.toUpperCase(Locale.ROOT).contains(SCHEDULED_EVENT)) {
                scheduledEvent = true;
                window = window(text, reference);
                continue;
            }
            Element label = p.children().stream().filter(e -> e.nameIs("strong") || e.nameIs("b")).findFirst().orElse(null);
            if (label == null || !isLabel(label.text())) {
                continue;
            }
            // Only "[stamp] <strong>Label</strong> - text" counts: a blog post's "<b>resolved</b>" mid-sentence must not.
            String header = textBefore(p, label);
            Instant at = stamp(header, reference);
            String after = htmlAfter(label);
            Matcher dash = LEADING_DASH.matcher(after);
            if ((at == null && !header.isBlank()) || !dash.lookingAt()) {
                continue;
            }
            newestFirst.add(new Paragraph(label.text().trim(), at, after.substring(dash.end())));
        }
        if (newestFirst.isEmpty() && !scheduledEvent) {
            return null;
        }
        return new Parsed(updates(newestFirst, scheduledEvent, reference), scheduledEvent, window[0], window[1]);
    }

    private static boolean isLabel(String text) {
        return text.trim().equalsIgnoreCase("Update") || IncidentStatus.fromWord(text) != null;
    }

    private static List<ObservedUpdate> updates(List<Paragraph> newestFirst, boolean maintenance, Instant reference) {
        // A paragraph without a readable date (fixtures that drop the <small> line) takes its newer neighbour's time.
        List<Paragraph> timed = new ArrayList<>();
        Instant newer = reference;
        for (Paragraph p : newestFirst) {
            Instant at = p.at() != null ? p.at() : newer;
            timed.add(new Paragraph(p.label(), at, p.html()));
            newer = at;
        }
        Collections.reverse(timed);
        // Statuspage prints "Update" when the status did not change, so it inherits the older update's status.
        IncidentStatus current = maintenance ? IncidentStatus.SCHEDULED : IncidentStatus.INVESTIGATING;
        List<ObservedUpdate> updates = new ArrayList<>();
        for (Paragraph p : timed) {
            IncidentStatus named = IncidentStatus.fromWord(p.label());
            current = named != null ? named : current;
            updates.add(new ObservedUpdate(null, current, p.label(), p.at(), false, VendorText.ofHtml(p.html())));
        }
        return updates;
    }

    private static String textBefore(Element p, Element label) {
        StringBuilder sb = new StringBuilder();
        for (Node n : p.childNodes()) {
            if (n == label) {
                break;
            }
            sb.append(n instanceof TextNode t ? t.text() : n instanceof Element e ? e.text() : "").append(' ');
        }
        return sb.toString();
    }

    private static String htmlAfter(Element label) {
        return label.siblingNodes().stream().filter(n -> n.siblingIndex() > label.siblingIndex())
                .map(Node::outerHtml).collect(Collectors.joining());
    }

    private static Instant stamp(String header, Instant reference) {
        Matcher m = STAMP.matcher(header);
        if (!m.find()) {
            return null;
        }
        Month month = VendorDates.month(m.group(1));
        if (month == null) {
            return null;
        }
        ZoneId zone = VendorDates.zone(m.group(6));
        return VendorDates.beforeReference(month, Integer.parseInt(m.group(2)),
                hour(m.group(3), m.group(5)), Integer.parseInt(m.group(4)), zone, reference);
    }

    /** Start and end of the announced window; either may be null when the text is not as expected. */
    private static Instant[] window(String text, Instant reference) {
        Matcher m = WINDOW.matcher(text);
        if (!m.find()) {
            return new Instant[] {null, null};
        }
        Month month = VendorDates.month(m.group(1));
        if (month == null) {
            return new Instant[] {null, null};
        }
        ZoneId zone = VendorDates.zone(m.group(11));
        int day = Integer.parseInt(m.group(2));
        Instant start = VendorDates.nearReference(month, day, hour(m.group(3), m.group(5)), Integer.parseInt(m.group(4)), zone, reference);
        if (start == null || m.group(9) == null) {
            return new Instant[] {start, null};
        }
        try {
            LocalDateTime from = LocalDateTime.ofInstant(start, zone);
            Month endMonth = m.group(6) != null && VendorDates.month(m.group(6)) != null ? VendorDates.month(m.group(6)) : month;
            int endDay = m.group(7) != null ? Integer.parseInt(m.group(7)) : day;
            LocalDateTime to = LocalDateTime.of(from.getYear(), endMonth, endDay, hour(m.group(8), m.group(10)), Integer.parseInt(m.group(9)));
            if (!to.isAfter(from) && m.group(7) == null) {
                to = to.plusDays(1); // "23:00 - 01:00": the end time alone, past midnight
            } else if (to.isBefore(from)) {
                to = to.plusYears(1); // "Dec 31, 22:00 - Jan 1, 02:00"
            }
            return new Instant[] {start, to.atZone(zone).toInstant()};
        } catch (DateTimeException garbled) {
            return new Instant[] {start, null};
        }
    }

    private static int hour(String hour, String amPm) {
        int h = Integer.parseInt(hour);
        if (amPm == null) {
            return h;
        }
        return amPm.equalsIgnoreCase("pm") ? h % 12 + 12 : h % 12;
    }
}
