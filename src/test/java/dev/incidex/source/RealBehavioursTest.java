package dev.incidex.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.feed.AtomAdapter;
import dev.incidex.source.feed.RssAdapter;
import dev.incidex.source.statuspage.StatuspageAdapter;
import dev.incidex.testing.RealDocuments;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbered behaviours of issue 8, each on a real document (real/README.md) or a real-shaped one. */
class RealBehavioursTest {

    @Test
    void htmlInStatuspageJsonBodiesIsSanitizedMarkupAndPlainText() throws Exception {
        // GitHub, 2010: "…hang tight!\r\n\r\n<a href=\"http://github.com/blog/680-…\">More</a>" inside a list.
        ObservedUpdate u =
                statuspage("github-incident-gz5s7chlxwk8.json").updates().get(0);
        assertThat(u.text().html())
                .contains("<a href=\"http://github.com/blog/680-db-maintenance-today-18-00-pst\"")
                .contains("<li>")
                .doesNotContain("&lt;a")
                .doesNotContain("\r");
        assertThat(u.text().plain())
                .doesNotContain("<")
                .doesNotContain("&amp;")
                .contains("hang tight!")
                .contains("More");

        // GitHub, 2011: "<ul><li><strong>2011-01-28 22:18:00</strong> - Experiencing high DB load…</li><li>…"
        ObservedUpdate list =
                statuspage("github-incident-b6k0xlsngh5t.json").updates().get(0);
        assertThat(list.text().html()).startsWith("<ul><li><strong>2011-01-28 22:18:00</strong>");
        assertThat(list.text().plain().lines().toList())
                .containsExactly(
                        "2011-01-28 22:18:00 - Experiencing high DB load currently. We're on it.",
                        "2011-01-28 23:02:00 - The DB spike cause has been fixed. All systems are back to normal.");
    }

    @Test
    void plainStatuspageBodiesStayPlainAndKeepTheirLineBreaks() {
        assertThat(dev.incidex.model.VendorText.ofVendorBody("a < b\nnext").html())
                .isEqualTo("a &lt; b<br>next");
        assertThat(dev.incidex.model.VendorText.ofVendorBody("Fish &amp; chips<br />done")
                        .plain())
                .isEqualTo("Fish & chips\ndone");
    }

    @Test
    void maintenanceInAHistoryFeedStartsWhenItWentInProgressNotWhenAnnounced() throws Exception {
        // GitHub's Codespaces maintenance: Scheduled May 22 15:26, In progress May 28 16:30, Completed May 29 16:30.
        ObservedIncident m = feed(
                new AtomAdapter(),
                "atom/github-history-2025-05-31-first7.atom",
                "2025-05-31T04:30:47Z",
                "67vdd3b7d1zq");
        assertThat(m.maintenance()).isTrue();
        assertThat(m.startedAt()).isEqualTo(Instant.parse("2025-05-28T16:30:00Z"));
        assertThat(m.resolvedAt()).isEqualTo(Instant.parse("2025-05-29T16:30:00Z"));
        assertThat(m.status()).isEqualTo(IncidentStatus.COMPLETED);
    }

    @Test
    void backDatedIncidentStartsAtItsFirstDisplayedUpdateAndNeverResolvesBeforeItStarts() throws Exception {
        // GitHub: started_at 2020-11-16T09:55, but created_at, display_at and resolved_at are 2020-11-10T20:00.
        ObservedIncident i = statuspage("github-incident-nk9gdvl03ztg.json");
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2020-11-10T20:00:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2020-11-10T20:00:00Z"));
        // GitHub: started_at 2020-05-23T00:30:30, first displayed update 2020-05-22T16:41:53.
        assertThat(statuspage("github-incident-6tcfpztf6j9m.json").startedAt())
                .isEqualTo(Instant.parse("2020-05-22T16:41:53.189Z"));
    }

    @Test
    void blockMarkupInsideAFeedUpdateKeepsEveryWord() throws Exception {
        // Real-shaped: Statuspage puts a <ul> inside the update's <p> and leaves <li> unclosed.
        String item =
                "<p><small>Jun <var data-var='date'>3</var>, <var data-var='time'>04:00</var> UTC</small><br><strong>Resolved</strong>"
                        + " - Regions affected:<ul><li>us-east-1<li>eu-west-1</ul>All regions are healthy again.</p>"
                        + "<p><small>Jun <var data-var='date'>3</var>, <var data-var='time'>02:00</var> UTC</small><br><strong>Investigating</strong>"
                        + " - We are looking into errors.</p>";
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title><item><title>Errors</title>"
                + "<description><![CDATA[" + item
                + "]]></description><pubDate>Mon, 03 Jun 2024 04:00:00 +0000</pubDate>"
                + "<link>https://status.example.com/incidents/abc123</link><guid>https://status.example.com/incidents/abc123</guid></item></channel></rss>";
        FetchedDocument doc = new FetchedDocument(
                URI.create("https://status.example.com/history.rss"),
                "application/rss+xml",
                rss.getBytes(StandardCharsets.UTF_8),
                Instant.parse("2024-06-04T00:00:00Z"));
        ObservedIncident i = new RssAdapter().read(doc).get(0);
        assertThat(i.updates()).hasSize(2);
        String resolved = i.updates().get(1).text().plain();
        assertThat(resolved).contains("us-east-1").contains("eu-west-1").contains("All regions are healthy again.");
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-06-03T04:00:00Z"));
    }

    @Test
    void postmortemAfterTheResolutionNeverMovesTheResolvedTime() throws Exception {
        // Parse, 2013: Investigating Dec 24 08:58 PST, Resolved 11:21 PST, Postmortem Dec 26 10:22 PST; the item's
        // pubDate is the resolution, so the postmortem's stamp lies after it.
        ObservedIncident i =
                feed(new RssAdapter(), "rss/parse-history-2014-01.rss", "2014-01-10T00:00:00Z", "p9hy357zjvb3");
        assertThat(i.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(
                        Instant.parse("2013-12-24T16:58:00Z"),
                        Instant.parse("2013-12-24T19:21:00Z"),
                        Instant.parse("2013-12-26T18:22:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2013-12-24T19:21:00Z"));
        assertThat(i.status()).isEqualTo(IncidentStatus.POSTMORTEM);
    }

    private static ObservedIncident statuspage(String name) throws Exception {
        FetchedDocument doc = new FetchedDocument(
                URI.create("https://www.githubstatus.com/api/v2/incidents/x.json"),
                "application/json",
                RealDocuments.bytes("statuspage/" + name),
                Instant.parse("2022-08-10T08:09:51Z"));
        List<ObservedIncident> all = new StatuspageAdapter().read(doc);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static ObservedIncident feed(SourceAdapter adapter, String path, String received, String key)
            throws Exception {
        FetchedDocument doc = new FetchedDocument(
                URI.create("https://status.example.com/" + path),
                "application/xml",
                RealDocuments.bytes(path),
                Instant.parse(received));
        return adapter.read(doc).stream()
                .filter(i -> key.equals(i.vendorKey()))
                .findFirst()
                .orElseThrow();
    }
}
