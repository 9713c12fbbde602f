package dev.incidex.source.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.Fixtures;
import dev.incidex.source.statuspage.StatuspageAdapter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statuspage history.rss / history.atom items, and the quirks of their year-less update stamps. */
class StatuspageHistoryFeedTest {

    private final RssAdapter rss = new RssAdapter();
    private final AtomAdapter atom = new AtomAdapter();

    private static final List<Instant> INKY_TIMES = List.of(
            Instant.parse("2023-03-29T14:04:00Z"),
            Instant.parse("2023-03-29T19:06:00Z"),
            Instant.parse("2023-03-30T12:12:00Z"));
    private static final List<IncidentStatus> INKY_STATUSES =
            List.of(IncidentStatus.MONITORING, IncidentStatus.MONITORING, IncidentStatus.RESOLVED);

    @Test
    void inkyHistoryRssGivesOneIncidentWithThreeMinuteStampedUpdates() throws Exception {
        List<ObservedIncident> all = rss.read(Fixtures.file(
                "statuspage-inky-history.rss", "https://status.inky.com/history.rss", "application/rss+xml"));

        assertEquals(1, all.size());
        assertInky(all.get(0));
    }

    @Test
    void inkyHistoryAtomJoinsOnTheLinkNotTheNumericEntryId() throws Exception {
        List<ObservedIncident> all = atom.read(Fixtures.file(
                "statuspage-inky-history.atom", "https://status.inky.com/history.atom", "application/atom+xml"));

        assertEquals(1, all.size());
        assertInky(all.get(0));
        assertFalse(all.get(0).vendorKey().contains("15904218"));
    }

    @Test
    void rssAtomAndJsonViewsShareTheVendorKey() throws Exception {
        String json = new StatuspageAdapter()
                .read(Fixtures.file(
                        "statuspage-inky-incidents.json",
                        "https://status.inky.com/api/v2/incidents.json",
                        "application/json"))
                .get(0)
                .vendorKey();
        String fromRss = rss.read(
                        Fixtures.file("statuspage-inky-history.rss", "https://status.inky.com/history.rss", null))
                .get(0)
                .vendorKey();
        String fromAtom = atom.read(
                        Fixtures.file("statuspage-inky-history.atom", "https://status.inky.com/history.atom", null))
                .get(0)
                .vendorKey();
        assertEquals(json, fromRss);
        assertEquals(json, fromAtom);
    }

    private static void assertInky(ObservedIncident i) {
        assertEquals("q7wz3k1r9h2m", i.vendorKey());
        assertEquals("Informational Update for Users of Office 365", i.title());
        assertNull(i.impact(), "feeds do not state the impact");
        assertEquals(IncidentStatus.RESOLVED, i.status());
        assertFalse(i.maintenance());
        assertFalse(i.exactTimes());
        assertEquals(Instant.parse("2023-03-29T14:04:00Z"), i.startedAt());
        assertEquals(Instant.parse("2023-03-30T12:12:00Z"), i.resolvedAt());
        assertEquals("https://status.inky.com/incidents/q7wz3k1r9h2m", i.url());

        assertEquals(INKY_TIMES, i.updates().stream().map(ObservedUpdate::at).toList());
        assertEquals(
                INKY_STATUSES, i.updates().stream().map(ObservedUpdate::status).toList());
        assertEquals(
                List.of("Monitoring", "Update", "Resolved"),
                i.updates().stream().map(ObservedUpdate::vendorStatus).toList());
        assertTrue(i.updates().stream().noneMatch(ObservedUpdate::exactTime));
        String text = i.updates().get(1).text().plain();
        assertTrue(text.startsWith("Microsoft reports that the issue tracked as DZ534539"), text);
        assertFalse(i.updates().get(2).text().html().contains("Resolved</strong>"));
        assertFalse(i.updates().get(2).text().plain().contains("UTC"));
    }

    // ---- inline items: one quirk each ----

    static String item(String pubDate, String link, String html) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Acme Status - Incident History</title><link>https://status.acme.example</link>
                <description>Statuspage</description>
                <item><title>Something broke</title><description><![CDATA[%s]]></description>
                <pubDate>%s</pubDate><link>%s</link><guid>%s</guid></item></channel></rss>
                """.formatted(html, pubDate, link, link);
    }

    private ObservedIncident readOne(String pubDate, String html) throws Exception {
        String link = "https://status.acme.example/incidents/abc123def456";
        List<ObservedIncident> all = rss.read(Fixtures.text(
                item(pubDate, link, html), "https://status.acme.example/history.rss", "application/rss+xml"));
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static String p(String stamp, String label, String text) {
        return "<p><small>" + stamp + "</small><br><strong>" + label + "</strong> - " + text + "</p>";
    }

    @Test
    void spacePaddedDayIsRead() throws Exception {
        ObservedIncident i = readOne(
                "Sun, 09 Apr 2023 10:20:00 +0000",
                p(
                        "Apr <var data-var='date'> 9</var>, <var data-var='time'>10:20</var> UTC",
                        "Investigating",
                        "Looking."));
        assertEquals(Instant.parse("2023-04-09T10:20:00Z"), i.updates().get(0).at());
    }

    @Test
    void missingVarWrappersAreRead() throws Exception {
        ObservedIncident i = readOne(
                "Mon, 05 Jun 2023 11:00:00 +0000",
                p("Jun 5, 11:00 UTC", "Resolved", "Fixed.") + p("Jun 5, 10:30 UTC", "Investigating", "Looking."));
        assertEquals(
                List.of(Instant.parse("2023-06-05T10:30:00Z"), Instant.parse("2023-06-05T11:00:00Z")),
                i.updates().stream().map(ObservedUpdate::at).toList());
        assertEquals(IncidentStatus.RESOLVED, i.status());
    }

    @Test
    void yearRolloverPutsDecemberUpdatesInThePreviousYear() throws Exception {
        ObservedIncident i = readOne(
                "Mon, 01 Jan 2024 00:20:00 +0000",
                p("Jan <var data-var='date'>1</var>, <var data-var='time'>00:20</var> UTC", "Resolved", "Back.")
                        + p(
                                "Dec <var data-var='date'>31</var>, <var data-var='time'>23:50</var> UTC",
                                "Investigating",
                                "Down."));
        assertEquals(Instant.parse("2023-12-31T23:50:00Z"), i.startedAt());
        assertEquals(Instant.parse("2024-01-01T00:20:00Z"), i.resolvedAt());
    }

    @Test
    void cetZoneAbbreviationIsOneHourAheadOfUtc() throws Exception {
        ObservedIncident i = readOne(
                "Thu, 02 Mar 2023 13:12:00 +0000",
                p(
                        "Mar <var data-var='date'>2</var>, <var data-var='time'>14:12</var> CET",
                        "Identified",
                        "Cause found."));
        assertEquals(Instant.parse("2023-03-02T13:12:00Z"), i.updates().get(0).at());
        assertEquals(IncidentStatus.IDENTIFIED, i.status());
    }

    @Test
    void pdtZoneAbbreviationIsSevenHoursBehindUtc() throws Exception {
        ObservedIncident i = readOne(
                "Thu, 30 Mar 2023 16:40:00 +0000",
                p(
                        "Mar <var data-var='date'>30</var>, <var data-var='time'>09:40</var> PDT",
                        "Investigating",
                        "Looking."));
        assertEquals(Instant.parse("2023-03-30T16:40:00Z"), i.updates().get(0).at());
    }

    @Test
    void unknownZoneFallsBackToUtcWithoutCrashing() throws Exception {
        ObservedIncident i = readOne(
                "Thu, 30 Mar 2023 12:00:00 +0000",
                p(
                        "Mar <var data-var='date'>30</var>, <var data-var='time'>12:00</var> XYZT",
                        "Investigating",
                        "Looking."));
        assertEquals(Instant.parse("2023-03-30T12:00:00Z"), i.updates().get(0).at());
    }

    @Test
    void oldestUpdateLabelMeansInvestigatingAndLaterUpdateKeepsTheStatus() throws Exception {
        ObservedIncident i = readOne(
                "Thu, 30 Mar 2023 12:00:00 +0000",
                p("Mar 30, 12:00 UTC", "Update", "Still on it.")
                        + p("Mar 30, 11:00 UTC", "Identified", "Found it.")
                        + p("Mar 30, 10:00 UTC", "Update", "Looking."));
        assertEquals(
                List.of(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.IDENTIFIED),
                i.updates().stream().map(ObservedUpdate::status).toList());
        assertEquals(IncidentStatus.IDENTIFIED, i.status());
        assertNull(i.resolvedAt());
    }

    @Test
    void scheduledEventParagraphGivesTheWindowAndMarksMaintenance() throws Exception {
        String html =
                "<p><strong>THIS IS A SCHEDULED EVENT Apr <var data-var='date'>4</var>, <var data-var='time'>02:00</var>"
                        + " - <var data-var='time'>04:00</var> UTC</strong></p>"
                        + p(
                                "Apr <var data-var='date'>4</var>, <var data-var='time'>03:41</var> UTC",
                                "Completed",
                                "The scheduled maintenance has been completed.")
                        + p(
                                "Apr <var data-var='date'>4</var>, <var data-var='time'>02:00</var> UTC",
                                "In progress",
                                "Scheduled maintenance is currently in progress.")
                        + p(
                                "Mar <var data-var='date'>27</var>, <var data-var='time'>16:41</var> UTC",
                                "Scheduled",
                                "The dashboard will be unavailable.");
        ObservedIncident i = readOne("Tue, 04 Apr 2023 03:41:00 +0000", html);

        assertTrue(i.maintenance());
        assertEquals(
                List.of(IncidentStatus.SCHEDULED, IncidentStatus.IN_PROGRESS, IncidentStatus.COMPLETED),
                i.updates().stream().map(ObservedUpdate::status).toList());
        assertEquals(IncidentStatus.COMPLETED, i.status());
        assertEquals(Instant.parse("2023-04-04T02:00:00Z"), i.scheduledFor());
        assertEquals(Instant.parse("2023-04-04T04:00:00Z"), i.scheduledUntil());
        assertEquals(Instant.parse("2023-04-04T02:00:00Z"), i.startedAt());
        assertEquals(Instant.parse("2023-04-04T03:41:00Z"), i.resolvedAt());
        assertEquals(Instant.parse("2023-03-27T16:41:00Z"), i.updates().get(0).at());
    }

    @Test
    void scheduledEventAnnouncedForNextYearLiesAfterTheItemDate() throws Exception {
        String html =
                "<p><strong>THIS IS A SCHEDULED EVENT Jan <var data-var='date'>3</var>, <var data-var='time'>23:00</var>"
                        + " - <var data-var='time'>01:00</var> UTC</strong></p>"
                        + p(
                                "Dec <var data-var='date'>20</var>, <var data-var='time'>09:00</var> UTC",
                                "Scheduled",
                                "Upgrade.");
        ObservedIncident i = readOne("Wed, 20 Dec 2023 09:00:00 +0000", html);
        assertEquals(Instant.parse("2024-01-03T23:00:00Z"), i.scheduledFor());
        assertEquals(Instant.parse("2024-01-04T01:00:00Z"), i.scheduledUntil(), "end time alone, past midnight");
        assertEquals(IncidentStatus.SCHEDULED, i.status());
    }

    @Test
    void unreadableScheduledEventWindowIsSkippedButStillMaintenance() throws Exception {
        String html = "<p><strong>THIS IS A SCHEDULED EVENT sometime next week</strong></p>"
                + p("Mar 28, 09:00 UTC", "Update", "We will announce the window.");
        ObservedIncident i = readOne("Tue, 28 Mar 2023 09:00:00 +0000", html);
        assertTrue(i.maintenance());
        assertNull(i.scheduledFor());
        assertEquals(1, i.updates().size());
        assertEquals(
                IncidentStatus.SCHEDULED,
                i.updates().get(0).status(),
                "an oldest \"Update\" of a maintenance is scheduled");
        // Only announced: it has not started, whatever the announcement's date (issue 8, behaviour 2).
        assertNull(i.startedAt());
    }

    @Test
    void paragraphWithoutDateLineTakesItsNewerNeighboursTime() throws Exception {
        ObservedIncident i = readOne(
                "Thu, 30 Mar 2023 12:00:00 +0000",
                "<p><strong>Resolved</strong> - Done.</p>" + p("Mar 30, 10:00 UTC", "Investigating", "Looking."));
        assertEquals(
                List.of(Instant.parse("2023-03-30T10:00:00Z"), Instant.parse("2023-03-30T12:00:00Z")),
                i.updates().stream().map(ObservedUpdate::at).toList());
    }

    @Test
    void linkFragmentIsStrippedFromTheVendorKey() throws Exception {
        String body = item(
                "Thu, 30 Mar 2023 12:00:00 +0000",
                "https://status.acme.example/incidents/abc123def456#update-9",
                p("Mar 30, 12:00 UTC", "Investigating", "Looking."));
        assertEquals(
                "abc123def456",
                rss.read(Fixtures.text(body, "https://status.acme.example/history.rss", null))
                        .get(0)
                        .vendorKey());
    }

    @Test
    void scriptAndOnerrorInAnUpdateNeverSurvive() throws Exception {
        ObservedIncident i = readOne(
                "Thu, 30 Mar 2023 12:00:00 +0000",
                p(
                        "Mar 30, 12:00 UTC",
                        "Investigating",
                        "Looking <script>alert(1)</script><img src=x onerror=alert(2)> <a href='javascript:alert(3)'>here</a>."));
        String html = i.updates().get(0).text().html();
        assertFalse(html.contains("script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(i.updates().get(0).text().plain().startsWith("Looking"));
    }
}
