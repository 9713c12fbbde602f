package dev.incidex.source.support;

import com.rometools.rome.feed.synd.SyndEntry;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads the body of a status.io feed item: updates <em>oldest first</em>, each
 * "{@code <small>June 2, 2026 16:40 PDT</small><br /><b>Investigating</b> - text}", separated by
 * {@code <br /><br />}. The printed dates carry their year and a zone abbreviation. Shared by the
 * {@code rss}/{@code atom} kinds and the {@code statusio} kind, which both meet status.io's feeds.
 */
public final class StatusIoFeedBody {

    private static final Pattern LEADING_DASH = Pattern.compile("^\\s*[-–—]\\s*");

    private StatusIoFeedBody() {}

    /** A status.io item as one incident; null when its body is not status.io's. */
    public static ObservedIncident incident(SyndEntry entry, String title, String link, String html) {
        List<ObservedUpdate> updates = parse(html);
        if (updates == null) {
            return null;
        }
        ObservedUpdate oldest = updates.get(0);
        ObservedUpdate newest = updates.get(updates.size() - 1);
        IncidentStatus status = newest.status();
        return new ObservedIncident(
                FeedEntries.incidentKey(entry, link, title),
                title,
                null,
                status,
                newest.vendorStatus(),
                status.isMaintenance(),
                oldest.at(),
                status.isClosed() ? newest.at() : null,
                null,
                null,
                false,
                link,
                List.of(),
                updates);
    }

    /** The updates oldest first; null when the body does not have this structure (every stamp must read). */
    public static List<ObservedUpdate> parse(String html) {
        if (html == null || !html.contains("<small")) {
            return null;
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        List<ObservedUpdate> updates = new ArrayList<>();
        List<Node> nodes = new ArrayList<>(body.childNodes());
        // A wrapping <p> or <div> is looked through.
        if (nodes.size() == 1 && nodes.get(0) instanceof Element only && (only.nameIs("p") || only.nameIs("div"))) {
            nodes = new ArrayList<>(only.childNodes());
        }
        for (int i = 0; i < nodes.size(); i++) {
            if (!(nodes.get(i) instanceof Element small) || !small.nameIs("small")) {
                continue;
            }
            Instant at = VendorDates.printed(small.text(), null, null); // status.io prints the year
            if (at == null) {
                return null;
            }
            int j = i + 1;
            while (j < nodes.size() && (isBreak(nodes.get(j)) || isBlank(nodes.get(j)))) {
                j++;
            }
            if (j >= nodes.size()
                    || !(nodes.get(j) instanceof Element label)
                    || !(label.nameIs("b") || label.nameIs("strong"))) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            int k = j + 1;
            for (; k < nodes.size(); k++) {
                if (nodes.get(k) instanceof Element e && e.nameIs("small")) {
                    break;
                }
                text.append(nodes.get(k).outerHtml());
            }
            Matcher dash = LEADING_DASH.matcher(text);
            if (!dash.lookingAt()) {
                return null;
            }
            String vendorStatus = label.text().trim();
            IncidentStatus status = IncidentStatus.fromWord(vendorStatus);
            IncidentStatus current = status != null
                    ? status
                    : updates.isEmpty()
                            ? StatusWords.infer(vendorStatus)
                            : updates.get(updates.size() - 1).status();
            String message = text.substring(dash.end()).replaceAll("(?:\\s*<br\\s*/?>\\s*)+$", "");
            updates.add(new ObservedUpdate(null, current, vendorStatus, at, false, VendorText.ofHtml(message)));
            i = k - 1;
        }
        return updates.isEmpty() ? null : updates;
    }

    private static boolean isBreak(Node n) {
        return n instanceof Element e && e.nameIs("br");
    }

    private static boolean isBlank(Node n) {
        return n instanceof TextNode t && t.isBlank();
    }
}
