package dev.incidex.source.statuspage;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.support.VendorDates;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a Statuspage's HTML history: the {@code /history} pages (which incidents exist, which older
 * pages follow) and one incident's page {@code /incidents/<code>} (title, impact, updates). For
 * incidents older than the API's 50. No HTTP; the caller fetches.
 */
public final class StatuspageHistoryPage {

    /** The incident codes a history page links, and the further history pages it links. */
    public record Listing(List<String> incidentCodes, List<String> morePages) {}

    private static final Pattern INCIDENT_PATH = Pattern.compile("/incidents/([a-z0-9]{6,40})/?$");
    private static final Pattern IMPACT_CLASS = Pattern.compile("\\bimpact-(none|minor|major|critical|maintenance)\\b");

    private StatuspageHistoryPage() {}

    public static Listing listing(String html, String pageUrl) {
        Document doc = Jsoup.parse(html, pageUrl);
        Set<String> codes = new LinkedHashSet<>();
        Set<String> pages = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.absUrl("href");
            String path = href.replaceFirst("[?#].*$", "");
            Matcher m = INCIDENT_PATH.matcher(path);
            if (m.find()) {
                codes.add(m.group(1));
            } else if (path.endsWith("/history") && href.contains("page=")) {
                pages.add(href.replaceFirst("#.*$", ""));
            }
        }
        return new Listing(List.copyOf(codes), List.copyOf(pages));
    }

    /**
     * One incident's page as an observation keyed on its code, so it meets the API's copy of the same
     * incident. Times are minute-precision, so the API outranks it. Null when the page has no updates.
     *
     * @param zone the page's time zone, for stamps that print none
     */
    public static ObservedIncident incident(String html, String pageUrl, String code, ZoneId zone) {
        Document doc = Jsoup.parse(html, pageUrl);
        Element name = doc.selectFirst(".incident-name");
        if (name == null) {
            name = doc.selectFirst("h1");
        }
        String title = name == null ? null : name.text().strip();
        Impact impact = null;
        Element marked = name != null && IMPACT_CLASS.matcher(name.className()).find()
                ? name
                : doc.selectFirst("[class*=impact-]");
        if (marked != null) {
            Matcher m = IMPACT_CLASS.matcher(marked.className());
            impact = m.find() ? Impact.fromCode(m.group(1)) : null;
        }
        List<Element> rows = doc.select(".update-row");
        List<String[]> newestFirst = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (Element row : rows) {
            Element label = row.selectFirst(".update-title");
            Element stamp = row.selectFirst(".update-timestamp");
            // "Posted 3 years ago. Mar 05, 2024 - 14:04 UTC": the page prints the year, unlike the feeds.
            Instant at = stamp == null ? null : VendorDates.printed(stamp.text(), zone, null);
            if (label == null || at == null) {
                continue;
            }
            Element body = row.selectFirst(".update-body .whitespace-pre-wrap");
            if (body == null) {
                body = row.selectFirst(".update-body");
            }
            newestFirst.add(new String[] {label.text().strip(), body == null ? "" : body.html()});
            times.add(at);
        }
        if (newestFirst.isEmpty()) {
            return null;
        }
        Collections.reverse(newestFirst);
        Collections.reverse(times);
        boolean maintenance = impact == Impact.MAINTENANCE;
        IncidentStatus current = maintenance ? IncidentStatus.SCHEDULED : IncidentStatus.INVESTIGATING;
        List<ObservedUpdate> updates = new ArrayList<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            String label = newestFirst.get(i)[0];
            IncidentStatus named = IncidentStatus.fromWord(label);
            current = named != null ? named : current; // "Update": the status did not change
            updates.add(new ObservedUpdate(
                    null,
                    current,
                    label,
                    times.get(i),
                    false,
                    VendorText.ofHtml(newestFirst.get(i)[1])));
        }
        ObservedUpdate newest = updates.get(updates.size() - 1);
        // Start and end come from the updates through Timeline, as for the JSON and the feeds: a maintenance's
        // first update is its announcement, not its start.
        return new ObservedIncident(
                code,
                title,
                impact,
                newest.status(),
                newest.vendorStatus(),
                maintenance,
                maintenance ? null : updates.get(0).at(),
                null,
                null,
                null,
                false,
                pageUrl,
                List.of(),
                updates);
    }
}
