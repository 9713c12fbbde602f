package dev.incidex.source.feed;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.support.VendorDates;
import java.time.Instant;
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
final class StatuspageHistory {

    /** The updates oldest first, plus the maintenance window if the item announced one. */
    record Parsed(List<ObservedUpdate> updates, boolean maintenance, Instant windowStart, Instant windowEnd) {}

    private static final String SCHEDULED_EVENT = "THIS IS A SCHEDULED EVENT";
    /** Where the next update's paragraph begins: a {@code <p>} opening on its date stamp. */
    private static final Pattern UPDATE_START = Pattern.compile("(?=<p>\\s*<small>)", Pattern.CASE_INSENSITIVE);

    private static final Pattern LEADING_DASH = Pattern.compile("^\\s*[-–—]\\s*");

    private record Paragraph(String label, Instant at, String html) {}

    private StatuspageHistory() {}

    /**
     * Parses {@code html}; {@code reference} is the item's own date (the time of its latest update),
     * which supplies the year the printed dates lack. Null when the body does not have this structure.
     */
    static Parsed parse(String html, Instant reference) {
        return parse(html, reference, reference);
    }

    /**
     * As {@link #parse(String, Instant)}, with {@code latest} the latest time a printed date may stand
     * for. Postmortems are posted days after the item's date (its resolution), so a stamp may lie after
     * {@code reference}, never after the document was fetched.
     */
    static Parsed parse(String html, Instant reference, Instant latest) {
        if (html == null || html.isBlank()) {
            return null;
        }
        List<Paragraph> newestFirst = new ArrayList<>();
        boolean scheduledEvent = false;
        VendorDates.Window window = VendorDates.Window.NONE;
        for (String chunk : UPDATE_START.split(html)) {
            // Each update is parsed on its own: a <ul> inside an update's <p> ends that <p> in HTML, and
            // the list and the words after it must stay with that update, not vanish.
            Element body = Jsoup.parseBodyFragment(chunk).body();
            Element p = body.selectFirst("p");
            if (p == null) {
                continue;
            }
            String rest = body.childNodes().stream()
                    .filter(n -> n.siblingIndex() > p.siblingIndex())
                    .map(Node::outerHtml)
                    .collect(Collectors.joining());
            String text = p.text().trim();
            if (text.toUpperCase(Locale.ROOT).contains(SCHEDULED_EVENT)) {
                scheduledEvent = true;
                int marker = text.indexOf(SCHEDULED_EVENT);
                // Only the beginning "THIS IS A SCHEDULED EVENT Apr 7, 13:00" is attested (docs/source-kinds.md,
                // statuspage feeds).
                window = marker < 0
                        ? window
                        : VendorDates.printedWindow(text.substring(marker + SCHEDULED_EVENT.length()), reference);
                continue;
            }
            Element label = p.children().stream()
                    .filter(e -> e.nameIs("strong") || e.nameIs("b"))
                    .findFirst()
                    .orElse(null);
            if (label == null || !isLabel(label.text())) {
                continue;
            }
            // Only "[stamp] <strong>Label</strong> - text" counts: a blog post's "<b>resolved</b>" mid-sentence must
            // not.
            String header = textBefore(p, label);
            Instant at = VendorDates.printed(header, null, latest);
            String after = htmlAfter(label) + rest;
            Matcher dash = LEADING_DASH.matcher(after);
            if ((at == null && !header.isBlank()) || !dash.lookingAt()) {
                continue;
            }
            newestFirst.add(new Paragraph(label.text().trim(), at, after.substring(dash.end())));
        }
        if (newestFirst.isEmpty() && !scheduledEvent) {
            return null;
        }
        return new Parsed(
                updates(newestFirst, scheduledEvent, reference), scheduledEvent, window.start(), window.end());
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
            sb.append(n instanceof TextNode t ? t.text() : n instanceof Element e ? e.text() : "")
                    .append(' ');
        }
        return sb.toString();
    }

    private static String htmlAfter(Element label) {
        return label.siblingNodes().stream()
                .filter(n -> n.siblingIndex() > label.siblingIndex())
                .map(Node::outerHtml)
                .collect(Collectors.joining());
    }
}
