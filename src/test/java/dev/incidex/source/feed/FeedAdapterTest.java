package dev.incidex.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.Fixtures;
import dev.incidex.source.UnreadableDocumentException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** incident.io feeds, feeds without a known structure, and hostile or broken XML. */
class FeedAdapterTest {

    private final RssAdapter rss = new RssAdapter();
    private final AtomAdapter atom = new AtomAdapter();

    @Test
    void kindsAreWhatTheUserDeclares() {
        assertEquals("rss", rss.kind());
        assertEquals("atom", atom.kind());
        assertEquals(
                List.of(URI.create("https://x.example/feed")), rss.documents(URI.create("https://x.example/feed")));
    }

    @Test
    void atomAdapterAlsoReadsAnRssBody() throws Exception {
        assertEquals(
                "q7wz3k1r9h2m",
                atom.read(Fixtures.file("statuspage-inky-history.rss", "https://status.inky.com/history.rss", null))
                        .get(0)
                        .vendorKey());
    }

    @Test
    void incidentIoFeedGivesLatestStateComponentsAndUlidKeys() throws Exception {
        List<ObservedIncident> all = rss.read(
                Fixtures.file("incidentio-feed.rss", "https://status.nimbus.example/feed.rss", "application/rss+xml"));
        assertEquals(3, all.size());

        ObservedIncident ongoing = all.get(0);
        assertEquals("01GWRZFM18AK0J2TARSPZMA9SR", ongoing.vendorKey(), "double-slash //incidents/<ULID> link");
        assertEquals("Elevated error rates on the Nimbus API", ongoing.title());
        assertEquals(IncidentStatus.IDENTIFIED, ongoing.status());
        assertEquals("Identified", ongoing.vendorStatus());
        assertFalse(ongoing.maintenance());
        assertNull(ongoing.resolvedAt());
        assertEquals(List.of("Public API", "Webhooks"), ongoing.components());
        assertEquals("https://status.nimbus.example//incidents/01GWRZFM18AK0J2TARSPZMA9SR", ongoing.url());
        ObservedUpdate u = ongoing.updates().get(0);
        assertEquals(Instant.parse("2023-03-30T11:26:53Z"), u.at());
        assertTrue(u.exactTime());
        assertTrue(
                u.text().plain().startsWith("We have identified a faulty deployment"),
                u.text().plain());
        assertFalse(u.text().plain().contains("Status:"));
        assertFalse(u.text().plain().contains("Affected components"));

        ObservedIncident resolved = all.get(1);
        assertEquals(IncidentStatus.RESOLVED, resolved.status());
        assertEquals(Instant.parse("2023-03-29T23:18:40Z"), resolved.resolvedAt());
        assertEquals(List.of("Webhooks"), resolved.components());

        ObservedIncident maintenance = all.get(2);
        assertEquals("01GWKQVEQ0XBPXCGV6HQZ3S4E7", maintenance.vendorKey());
        assertTrue(maintenance.maintenance());
        assertEquals(IncidentStatus.SCHEDULED, maintenance.status());
        assertNull(maintenance.resolvedAt());
    }

    @Test
    void plainBlogStyleItemBecomesOneIncidentWithInferredStatus() throws Exception {
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Acme blog</title><link>https://blog.acme.example</link><description>News</description>
                <item><title>Login problems</title><link>https://blog.acme.example/posts/41</link>
                <guid isPermaLink="false">acme-post-41</guid><pubDate>Wed, 29 Mar 2023 18:47:31 GMT</pubDate>
                <description>&lt;p&gt;Sign-ins failed for some users. The issue has been &lt;b&gt;resolved&lt;/b&gt;.&lt;/p&gt;</description></item>
                <item><title>Slow dashboards</title><link>https://blog.acme.example/posts/42</link>
                <pubDate>Thu, 30 Mar 2023 09:00:00 GMT</pubDate>
                <description>We are looking into reports of slow dashboards.</description></item>
                </channel></rss>
                """;
        List<ObservedIncident> all =
                rss.read(Fixtures.text(feed, "https://blog.acme.example/feed", "application/rss+xml"));
        assertEquals(2, all.size());

        ObservedIncident login = all.get(0);
        assertEquals("acme-post-41", login.vendorKey(), "guid first");
        assertEquals("Login problems", login.title());
        assertEquals(IncidentStatus.RESOLVED, login.status());
        assertEquals(Instant.parse("2023-03-29T18:47:31Z"), login.resolvedAt());
        assertEquals(1, login.updates().size());
        assertTrue(login.updates().get(0).exactTime());
        assertEquals(
                "Sign-ins failed for some users. The issue has been resolved.",
                login.updates().get(0).text().plain());

        ObservedIncident slow = all.get(1);
        assertEquals("https://blog.acme.example/posts/42", slow.vendorKey(), "no guid: the link");
        assertEquals(IncidentStatus.INVESTIGATING, slow.status());
        assertNull(slow.resolvedAt());
    }

    @Test
    void mastodonItemsWithoutTitleAreTitledFromTheirText() throws Exception {
        List<ObservedIncident> all = rss.read(
                Fixtures.file("mastodon-msft365status.rss", "https://mastodon.example/@MSFT365Status.rss", null));
        ObservedIncident newest = all.get(0);
        assertEquals("https://mastodon.example/@MSFT365Status/110108059303987240", newest.vendorKey());
        assertTrue(newest.title().startsWith("We've confirmed that reverting the change has resolved"), newest.title());
        assertTrue(newest.title().length() <= 80, newest.title());
        assertEquals(IncidentStatus.RESOLVED, newest.status());
        assertEquals(
                Instant.parse("2023-03-29T18:47:31Z"), newest.updates().get(0).at());
        assertEquals(IncidentStatus.IDENTIFIED, all.get(1).status());
        assertEquals(IncidentStatus.INVESTIGATING, all.get(2).status());
    }

    @Test
    void awsPdtPubDatesAndResolvedPrefixAreRead() throws Exception {
        List<ObservedIncident> all =
                rss.read(Fixtures.file("aws-status-all.rss", "https://status.aws.amazon.com/rss/all.rss", null));
        assertEquals(
                Instant.parse("2023-03-30T11:48:02Z"),
                all.get(0).updates().get(0).at());
        assertEquals(IncidentStatus.IDENTIFIED, all.get(0).status());
        assertEquals(IncidentStatus.RESOLVED, all.get(2).status());
    }

    @Test
    void betterStackBracketedStatusesAreTakenAsWritten() throws Exception {
        List<ObservedIncident> all =
                rss.read(Fixtures.file("betterstack-feed.rss", "https://status.orbitly.example/feed.rss", null));
        assertEquals(IncidentStatus.IDENTIFIED, all.get(0).status());
        assertEquals(IncidentStatus.RESOLVED, all.get(2).status());
        ObservedIncident scheduled = all.stream()
                .filter(i -> i.title().startsWith("[Scheduled]"))
                .findFirst()
                .orElseThrow();
        assertEquals(IncidentStatus.SCHEDULED, scheduled.status());
        assertTrue(scheduled.maintenance());
    }

    @Test
    void undatedItemTakesReceivedTimeButKeepsAStableKey() throws Exception {
        String feed = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://x.example</link><description>d</description>
                <item><title>Outage in EU</title><description>We are investigating.</description></item></channel></rss>
                """;
        byte[] body = feed.getBytes(StandardCharsets.UTF_8);
        URI url = URI.create("https://x.example/feed");
        ObservedIncident first = rss.read(new FetchedDocument(url, null, body, Instant.parse("2023-03-30T13:00:00Z")))
                .get(0);
        ObservedIncident second = rss.read(new FetchedDocument(url, null, body, Instant.parse("2023-03-30T13:05:00Z")))
                .get(0);
        assertEquals(first.vendorKey(), second.vendorKey());
        assertTrue(first.vendorKey().startsWith("sha256:"), first.vendorKey());
        assertEquals(
                Instant.parse("2023-03-30T13:00:00Z"), first.updates().get(0).at());
        assertFalse(first.updates().get(0).exactTime());
    }

    @Test
    void scriptAndOnerrorInADescriptionNeverSurvive() throws Exception {
        String feed = """
                <?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://x.example</link><description>d</description>
                <item><title>Hi</title><guid>g1</guid><pubDate>Thu, 30 Mar 2023 09:00:00 GMT</pubDate>
                <description><![CDATA[<p onclick="x()">Down <script>steal()</script><img src="x" onerror="steal()"><iframe src="https://evil.example"></iframe></p>]]></description>
                </item></channel></rss>
                """;
        VendorText text = rss.read(Fixtures.text(feed, "https://x.example/feed", null))
                .get(0)
                .updates()
                .get(0)
                .text();
        for (String bad : List.of("script", "steal", "onerror", "onclick", "iframe")) {
            assertFalse(text.html().contains(bad), bad + " in " + text.html());
        }
        assertEquals("Down", text.plain());
    }

    @Test
    void externalEntityIsRefusedAndTheFileNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String feed = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>&xxe;</title><link>https://x.example</link><description>d</description>
                <item><title>&xxe;</title><guid>g</guid><description>&xxe;</description></item></channel></rss>
                """.formatted(secret.toUri());
        UnreadableDocumentException e = assertThrows(
                UnreadableDocumentException.class,
                () -> rss.read(Fixtures.text(feed, "https://x.example/feed", "application/rss+xml")));
        assertFalse(e.getMessage().contains("TOP-SECRET-42"));
        assertTrue(e.getMessage().contains("DOCTYPE is disallowed"), e.getMessage());
    }

    @Test
    void billionLaughsIsRefused() {
        String feed = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
                <rss version="2.0"><channel><title>&lol4;</title><link>https://x.example</link><description>d</description></channel></rss>
                """;
        assertThrows(
                UnreadableDocumentException.class,
                () -> atom.read(Fixtures.text(feed, "https://x.example/feed", null)));
    }

    @Test
    void plainDoctypeIsRefusedToo() {
        String feed =
                "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">"
                        + "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example</link><description>d</description></channel></rss>";
        assertThrows(
                UnreadableDocumentException.class, () -> rss.read(Fixtures.text(feed, "https://x.example/feed", null)));
    }

    @Test
    void unparsableXmlIsUnreadableWithRomesMessage() {
        UnreadableDocumentException e = assertThrows(
                UnreadableDocumentException.class,
                () -> rss.read(
                        Fixtures.text("<rss version=\"2.0\"><channel><title>cut off", "https://x.example/feed", null)));
        assertTrue(e.getMessage().startsWith("not a readable RSS or Atom feed: "), e.getMessage());
        assertTrue(e.getMessage().length() > "not a readable RSS or Atom feed: ".length());
    }

    @Test
    void htmlPageInsteadOfAFeedIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> rss.read(Fixtures.text(
                        "<html><body><p>Welcome</p></body></html>", "https://x.example/feed", "text/html")));
    }
}
