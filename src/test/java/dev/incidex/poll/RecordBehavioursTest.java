package dev.incidex.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.incidex.catalog.Source;
import dev.incidex.incident.Incident;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.testing.Fixtures;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.StatuspageIncidents.Spec;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's numbered behaviours, each on a real-shaped document served over HTTP and read through the
 * poller, the merge, the pages and the API.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class RecordBehavioursTest {

    private static final String JSON = "application/json";
    private static final String RSS = "application/rss+xml";

    @Inject
    TestPolls polls;

    @Inject
    Poller poller;

    /** 5. An AWS event whose first post was retitled "[解決済] … | [RESOLVED] …" is one resolved incident. */
    @Test
    void awsEventResolvedByATagOnItsFirstPostIsResolvedOnItsPage() {
        VendorServerResource.server()
                .serveFixture("/b8-aws/rss/ec2-ap-northeast-1.rss", "aws/ec2-ap-northeast-1-retitled.rss", RSS);
        polls.pollVendor("b8-aws");

        List<Incident> all = incidents("b8-aws");
        assertThat(all).hasSize(3);
        Incident network = byTitle(all, "Network Connectivity");
        assertThat(network.updates).hasSize(3);
        assertThat(network.status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(network.resolvedAt).isEqualTo(Instant.parse("2021-09-02T11:10:31Z"));
        assertThat(all.stream().filter(i -> i.resolvedAt == null))
                .extracting(i -> i.title)
                .containsExactly("Increased API Error Rates");
        Document page = page(network);
        assertThat(page.select(".badges .badge").text()).contains("Resolved");
        assertThat(page.select(".facts .duration").text()).isEqualTo("3h 22m");
    }

    /** 7. A single feed item has no known duration, unless its text states the window. */
    @Test
    void aSingleFeedItemShowsNoDurationUnlessItsTextStatesTheWindow() {
        VendorServerResource.server().serve("/b8-single/feed.rss", 200, RSS, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <rss version="2.0"><channel><title>Mailroom status</title><link>https://status.mailroom.example</link>
                        <item><title>Email delivery delays resolved</title><guid>https://status.mailroom.example/n/812</guid>
                        <link>https://status.mailroom.example/n/812</link><pubDate>Tue, 10 Nov 2026 14:30:00 +0000</pubDate>
                        <description>Outbound email was delayed for some customers. The issue is resolved.</description></item>
                        <item><title>Login errors resolved</title><guid>https://status.mailroom.example/n/811</guid>
                        <link>https://status.mailroom.example/n/811</link><pubDate>Mon, 09 Nov 2026 11:00:00 +0000</pubDate>
                        <description>Between 10:05 and 10:50 UTC some logins failed. The issue is resolved.</description></item>
                        </channel></rss>
                        """);
        polls.pollVendor("b8-single");

        Incident delays = byTitle(incidents("b8-single"), "Email delivery delays resolved");
        assertThat(delays.resolvedAt).isEqualTo(Instant.parse("2026-11-10T14:30:00Z"));
        assertThat(page(delays).select(".facts .duration").text()).isEqualTo("—");
        given().get("/api/incidents/" + delays.id)
                .then()
                .statusCode(200)
                .body("durationSeconds", nullValue())
                .body("resolved", equalTo(true));

        Incident logins = byTitle(incidents("b8-single"), "Login errors resolved");
        assertThat(page(logins).select(".facts .duration").text()).isEqualTo("45m");
        given().get("/api/incidents/" + logins.id).then().statusCode(200).body("durationSeconds", equalTo(2700));
    }

    /** 9. Optional documents the vendor does not publish leave the source healthy, with a note. */
    @Test
    void missingOptionalDocumentsLeaveTheSourceHealthyWithANote() {
        VendorServer server = VendorServerResource.server();
        // No scheduled-maintenances.json: the server answers 404.
        server.serve(
                "/b8-nomaint/api/v2/incidents.json",
                200,
                JSON,
                StatuspageIncidents.oneOpenIncident("Webhooks delayed"));
        // No /api/v1/summary widget endpoint on this incident.io page.
        server.serveFixture("/b8-nowidget/api/v2/incidents.json", "incidentio/nimbus-compat-incidents.json", JSON);

        PollReport report = polls.pollVendor("b8-nomaint").plus(polls.pollVendor("b8-nowidget"));

        assertThat(report.failed()).isZero();
        for (String slug : List.of("b8-nomaint", "b8-nowidget")) {
            Source source = polls.sources(slug).get(0);
            assertThat(source.health()).as(slug).isEqualTo(Source.Health.OK);
            assertThat(source.lastWarning).as(slug).contains("is not published (HTTP 404)");
            assertThat(incidents(slug)).as(slug).isNotEmpty();
        }
        assertThat(polls.sources("b8-nomaint").get(0).lastWarning).contains("scheduled-maintenances.json");
        assertThat(polls.sources("b8-nowidget").get(0).lastWarning).contains("/api/v1/summary");
        Document vendor = Jsoup.parse(given().get("/vendors/b8-nomaint")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(vendor.select("tr.source:not(.health-retired) .health").text())
                .isEqualTo("ok");
    }

    /**
     * 10. An incident the vendor stops listing while older ones are still listed was removed: kept, marked, off
     * the front page; an open one the vendor has not spoken of for incidex.incidents.stale-after (7 days; 3650 in
     * the test profile, whose fixtures are old) is stale; a maintenance whose window passed is overdue.
     */
    @Test
    void removedStaleAndOverdueAreShownAsSuch() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Spec old = new Spec(
                "gone00000001",
                "Old resolved outage",
                "minor",
                "resolved",
                now.minus(Duration.ofDays(20)),
                now.minus(Duration.ofDays(20)).plusSeconds(3600),
                List.of(),
                List.of("Resolved."));
        Spec removed = new Spec(
                "gone00000002",
                "Posted by mistake",
                "major",
                "investigating",
                now.minus(Duration.ofHours(3)),
                null,
                List.of(),
                List.of("We are investigating."));
        Spec forgotten = new Spec(
                "gone00000003",
                "Forgotten degradation",
                "minor",
                "monitoring",
                now.minus(Duration.ofDays(4000)),
                null,
                List.of(),
                List.of("We are monitoring."));
        Spec live = new Spec(
                "gone00000004",
                "B8 checkout errors",
                "major",
                "investigating",
                now.minus(Duration.ofHours(1)),
                null,
                List.of(),
                List.of("We are investigating checkout errors."));
        Instant windowStart = now.minus(Duration.ofDays(2));
        String maintenances = "{\"scheduled_maintenances\":[{\"id\":\"gonemaint001\",\"name\":\"Database upgrade\","
                + "\"status\":\"scheduled\",\"impact\":\"maintenance\",\"created_at\":\""
                + now.minus(Duration.ofDays(9)) + "\",\"updated_at\":\"" + now.minus(Duration.ofDays(9))
                + "\",\"started_at\":\"" + now.minus(Duration.ofDays(9)) + "\",\"resolved_at\":null,"
                + "\"scheduled_for\":\"" + windowStart + "\",\"scheduled_until\":\"" + windowStart.plusSeconds(7200)
                + "\",\"shortlink\":null,\"incident_updates\":[{\"id\":\"gonemaint001-u0\",\"status\":\"scheduled\","
                + "\"body\":\"We will upgrade the database.\",\"created_at\":\"" + now.minus(Duration.ofDays(9))
                + "\",\"updated_at\":\"" + now.minus(Duration.ofDays(9)) + "\",\"display_at\":\""
                + now.minus(Duration.ofDays(9)) + "\"}],\"components\":[]}]}";
        VendorServer server = VendorServerResource.server();
        server.serve(
                        "/b8-gone/api/v2/incidents.json",
                        200,
                        JSON,
                        new StatuspageIncidents()
                                .add(live)
                                .add(removed)
                                .add(forgotten)
                                .add(old)
                                .json())
                .serve("/b8-gone/api/v2/scheduled-maintenances.json", 200, JSON, maintenances);
        polls.pollVendor("b8-gone");
        assertThat(frontTitles()).contains("Posted by mistake", "B8 checkout errors");

        // The vendor takes "Posted by mistake" down; the older ones are still listed.
        server.serve(
                "/b8-gone/api/v2/incidents.json",
                200,
                JSON,
                new StatuspageIncidents().add(live).add(forgotten).add(old).json());
        polls.pollVendor("b8-gone");

        List<Incident> all = incidents("b8-gone");
        assertThat(all).hasSize(5);
        Incident gone = byTitle(all, "Posted by mistake");
        assertThat(gone.removedAt).isNotNull();
        assertThat(byTitle(all, "B8 checkout errors").removedAt).isNull();
        assertThat(byTitle(all, "Old resolved outage").removedAt).isNull();
        assertThat(page(gone).select(".notice.removed").text()).startsWith("Removed by the vendor.");
        given().get("/api/incidents/" + gone.id)
                .then()
                .statusCode(200)
                .body("removedByVendorAt", org.hamcrest.Matchers.notNullValue());

        List<String> front = frontTitles();
        assertThat(front).contains("B8 checkout errors").doesNotContain("Posted by mistake", "Forgotten degradation");
        assertThat(front).doesNotContain("Database upgrade");

        Incident stale = byTitle(all, "Forgotten degradation");
        assertThat(page(stale).select(".notice.stale").text())
                .startsWith("Stale.")
                .contains("last spoke about it on");
        assertThat(page(stale).select(".notice.stale time").attr("datetime"))
                .isEqualTo(now.minus(Duration.ofDays(4000)).toString());
        given().get("/api/incidents/" + stale.id).then().body("stale", equalTo(true));
        given().get("/api/incidents/" + byTitle(all, "B8 checkout errors").id)
                .then()
                .body("stale", equalTo(false));

        Incident maintenance = byTitle(all, "Database upgrade");
        Document maintenancePage = page(maintenance);
        assertThat(maintenancePage.select(".badges .badge").text()).contains("Overdue");
        assertThat(maintenancePage.select(".notice.overdue").text()).startsWith("Overdue.");
        given().get("/api/incidents/" + maintenance.id).then().body("overdue", equalTo(true));
        Document vendor = Jsoup.parse(
                given().get("/vendors/b8-gone").then().statusCode(200).extract().asString());
        assertThat(vendor.select("ul.history .incident-row")
                        .select(":has(a.title:containsOwn(Database upgrade)) .state")
                        .text())
                .isEqualTo("Overdue");
        assertThat(vendor.select("ul.history .incident-row")
                        .select(":has(a.title:containsOwn(Posted by mistake)) .removed")
                        .text())
                .isEqualTo("removed by the vendor");

        // Listed again: no longer removed.
        server.serve(
                "/b8-gone/api/v2/incidents.json",
                200,
                JSON,
                new StatuspageIncidents()
                        .add(live)
                        .add(removed)
                        .add(forgotten)
                        .add(old)
                        .json());
        polls.pollVendor("b8-gone");
        assertThat(byTitle(incidents("b8-gone"), "Posted by mistake").removedAt).isNull();
    }

    /** The JSON's title outranks the history feed's, whichever source is polled last. */
    @Test
    void theJsonTitleOutranksTheFeedsInBothPollOrders() {
        for (String slug : List.of("b8-precise-a", "b8-precise-b")) {
            StatuspageIncidents json = new StatuspageIncidents()
                    .add(new Spec(
                            "prec00000001",
                            "Elevated API error rates in EU",
                            "critical",
                            "investigating",
                            Instant.parse("2026-11-20T10:00:00Z"),
                            null,
                            List.of(),
                            List.of("We are investigating elevated error rates.")));
            json.serveAs(slug);
            VendorServerResource.server().serve("/" + slug + "/history.rss", 200, RSS, """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <rss version="2.0"><channel><title>Status - Incident History</title><link>https://status.example.test</link>
                            <item><title>API errors</title>
                            <description>&lt;p&gt;&lt;small&gt;Nov &lt;var data-var='date'&gt;20&lt;/var&gt;, &lt;var data-var='time'&gt;10:00&lt;/var&gt; UTC&lt;/small&gt;&lt;br&gt;&lt;strong&gt;Investigating&lt;/strong&gt; - We are investigating elevated error rates.&lt;/p&gt;</description>
                            <pubDate>Fri, 20 Nov 2026 10:00:00 +0000</pubDate>
                            <link>https://status.example.test/incidents/prec00000001</link>
                            <guid>https://status.example.test/incidents/prec00000001</guid></item>
                            </channel></rss>
                            """);
        }
        // A: the JSON first, then the feed; B: the feed first, then the JSON.
        List<Source> a = polls.sources("b8-precise-a");
        poller.pollSource(kind(a, "statuspage"));
        poller.pollSource(kind(a, "rss"));
        List<Source> b = polls.sources("b8-precise-b");
        poller.pollSource(kind(b, "rss"));
        poller.pollSource(kind(b, "statuspage"));

        for (String slug : List.of("b8-precise-a", "b8-precise-b")) {
            assertThat(incidents(slug)).as(slug).singleElement().satisfies(i -> {
                assertThat(i.title).isEqualTo("Elevated API error rates in EU");
                assertThat(i.impact).isEqualTo(Impact.CRITICAL);
                assertThat(i.updates).hasSize(1);
            });
        }
    }

    /** The JSON's explicit impact outranks the one incident.io's widget infers from component states. */
    @Test
    void theJsonImpactOutranksTheWidgetsInferredImpact() {
        String json = Fixtures.text("incidentio/nimbus-compat-incidents.json")
                .replaceFirst("\"impact\": \"major\"", "\"impact\": \"critical\"");
        assertThat(json).contains("\"impact\": \"critical\"");
        VendorServerResource.server()
                .serve("/b8-impact/api/v2/incidents.json", 200, JSON, json)
                .serveFixture("/b8-impact/api/v1/summary", "incidentio-widget-summary.json", JSON);
        polls.pollVendor("b8-impact");
        // The widget, read after the JSON in the same poll, says partial_outage (major); the JSON says critical.
        Incident ongoing = incidents("b8-impact").stream()
                .filter(i -> "01GWRZFM18AK0J2TARSPZMA9SR".equals(i.vendorKey))
                .findFirst()
                .orElseThrow();
        assertThat(ongoing.impact).isEqualTo(Impact.CRITICAL);
        polls.pollVendor("b8-impact");
        assertThat(incidents("b8-impact").stream()
                        .filter(i -> "01GWRZFM18AK0J2TARSPZMA9SR".equals(i.vendorKey))
                        .findFirst()
                        .orElseThrow()
                        .impact)
                .isEqualTo(Impact.CRITICAL);
    }

    private static long kind(List<Source> sources, String kind) {
        return sources.stream().filter(s -> kind.equals(s.kind)).findFirst().orElseThrow().id;
    }

    private static List<Incident> incidents(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Incident> all = Incident.<Incident>list("vendor.slug", slug);
            all.forEach(i -> i.updates.size());
            return all;
        });
    }

    private static Incident byTitle(List<Incident> all, String title) {
        return all.stream()
                .filter(i -> title.equals(i.title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no incident '" + title + "' among "
                        + all.stream().map(i -> i.title).toList()));
    }

    private static Document page(Incident incident) {
        String slug =
                QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(incident.id).vendor.slug);
        return Jsoup.parse(given().get("/vendors/" + slug + "/incidents/" + incident.id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static List<String> frontTitles() {
        return Jsoup.parse(given().get("/").then().statusCode(200).extract().asString())
                .select("a.title")
                .eachText();
    }
}
