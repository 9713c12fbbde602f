package dev.incidex.source.feed;

import dev.incidex.model.IncidentStatus;
import dev.incidex.source.support.StatusWords;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads the body of an incident.io feed item: "{@code <b>Status: Resolved</b><br/><br/>message
 * <br/><br/><b>Affected components</b><ul><li>Conversations (Operational)</li></ul>}", the incident's latest state.
 */
final class IncidentIoFeedBody {

    record Parsed(String vendorStatus, IncidentStatus status, String messageHtml, List<String> components) {}

    private static final Pattern STATUS = Pattern.compile("^Status:\\s*(.+)$");
    // "Public API (Partial outage)": the bracket is the component's state, not part of its name.
    private static final Pattern COMPONENT_STATE = Pattern.compile("\\s*\\([^()]*\\)\\s*$");

    private IncidentIoFeedBody() {}

    /** Null when the body does not start its status with "Status: …". */
    static Parsed parse(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        Element statusLabel = null;
        Matcher m = null;
        for (Element e : body.select("b, strong")) {
            Matcher candidate = STATUS.matcher(e.text().trim());
            if (candidate.matches()) {
                statusLabel = e;
                m = candidate;
                break;
            }
        }
        if (statusLabel == null) {
            return null;
        }
        String vendorStatus = m.group(1).trim();
        IncidentStatus status = IncidentStatus.fromWord(vendorStatus);
        statusLabel.remove();

        List<String> components = new ArrayList<>();
        for (Element e : body.select("b, strong")) {
            if (e.text().trim().equalsIgnoreCase("Affected components")) {
                Element list = e.nextElementSibling();
                if (list != null && (list.nameIs("ul") || list.nameIs("ol"))) {
                    for (Element li : list.select("li")) {
                        String name = COMPONENT_STATE
                                .matcher(li.text())
                                .replaceFirst("")
                                .trim();
                        if (!name.isEmpty() && !components.contains(name)) {
                            components.add(name);
                        }
                    }
                    list.remove();
                }
                e.remove();
            }
        }
        trimBreaks(body);
        return new Parsed(
                vendorStatus, status != null ? status : StatusWords.infer(vendorStatus), body.html(), components);
    }

    /** Drops the {@code <br/>}s left around the message once the labels are gone. */
    private static void trimBreaks(Element body) {
        for (boolean fromStart : new boolean[] {true, false}) {
            while (body.childNodeSize() > 0) {
                Node n = fromStart ? body.childNode(0) : body.childNode(body.childNodeSize() - 1);
                boolean blank = n instanceof TextNode t && t.isBlank();
                if (blank || (n instanceof Element e && e.nameIs("br"))) {
                    n.remove();
                } else {
                    break;
                }
            }
        }
    }
}
