package dev.incidex.poll;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.catalog.Source;
import dev.incidex.incident.Incident;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Polling over real HTTP: edits update in place, failures mark the source and keep every incident. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class PollingTest {

    private static final String JSON = "application/json";

    @Inject
    TestPolls polls;

    @Test
    void anEditedTitleUpdatesTheOneIncident() {
        VendorServer server = VendorServerResource.server();
        server.serve("/editco/api/v2/incidents.json", 200, JSON, StatuspageIncidents.oneOpenIncident("Login failures"))
                .serve("/editco/api/v2/scheduled-maintenances.json", 200, JSON, "{\"scheduled_maintenances\":[]}");
        polls.pollVendor("editco");
        server.serve(
                "/editco/api/v2/incidents.json",
                200,
                JSON,
                StatuspageIncidents.oneOpenIncident("Login failures for SSO users"));

        PollReport second = polls.pollVendor("editco");

        assertThat(second.merged().created()).isZero();
        assertThat(second.merged().changed()).isEqualTo(1);
        List<Incident> incidents =
                QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>list("vendor.slug", "editco"));
        assertThat(incidents)
                .singleElement()
                .satisfies(i -> assertThat(i.title).isEqualTo("Login failures for SSO users"));
    }

    @Test
    void aFailingSourceIsShownFailingAndKeepsItsIncidents() {
        VendorServer server = VendorServerResource.server();
        server.serve(
                        "/flaky/api/v2/incidents.json",
                        200,
                        JSON,
                        StatuspageIncidents.oneOpenIncident("Database failover"))
                .serve("/flaky/api/v2/scheduled-maintenances.json", 200, JSON, "{\"scheduled_maintenances\":[]}");
        polls.pollVendor("flaky");
        assertThat(health("flaky")).isEqualTo(Source.Health.OK);

        server.serve("/flaky/api/v2/incidents.json", 500, "text/plain", "boom");
        PollReport broken = polls.pollVendor("flaky");

        assertThat(broken.failed()).isEqualTo(1);
        Source source = polls.sources("flaky").get(0);
        assertThat(source.health()).isEqualTo(Source.Health.FAILING);
        assertThat(source.lastError).contains("HTTP 500");
        assertThat(source.errorCount).isEqualTo(1);
        assertThat(source.nextPollAt).isAfter(source.lastPolledAt);
        assertThat(incidentTitles("flaky")).containsExactly("Database failover");

        // An unclaimed Statuspage answers 200 with a marketing page: unreadable, not "operational".
        server.serve(
                "/flaky/api/v2/incidents.json",
                200,
                "text/html",
                "<!DOCTYPE html><html><body>Statuspage</body></html>");
        polls.pollVendor("flaky");
        source = polls.sources("flaky").get(0);
        assertThat(source.errorCount).isEqualTo(2);
        assertThat(source.lastError).contains("incidents.json");
        assertThat(incidentTitles("flaky")).containsExactly("Database failover");
        QuarkusTransaction.requiringNew()
                .run(() -> assertThat(
                                Incident.<Incident>find("vendor.slug", "flaky").singleResult().resolvedAt)
                        .isNull());

        Document page = Jsoup.parse(
                given().get("/vendors/flaky").then().statusCode(200).extract().asString());
        assertThat(page.select("tr.source:not(.health-retired) .health").text()).isEqualTo("failing");
        assertThat(page.select("tr.source .error").text())
                .contains("incidents.json")
                .contains("2 in a row");
        assertThat(page.select("ul.history .incident-row a.title").text()).isEqualTo("Database failover");

        server.serve(
                "/flaky/api/v2/incidents.json", 200, JSON, StatuspageIncidents.oneOpenIncident("Database failover"));
        polls.pollVendor("flaky");
        assertThat(health("flaky")).isEqualTo(Source.Health.OK);
    }

    @Test
    void aPermanentRedirectToAnotherHostIsShownAsAMoveOnTheVendorPage() {
        VendorServer server = VendorServerResource.server();
        String feed = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>MovedCo status</title><link>https://status.movedco.example</link>
                <item><title>Checkout errors</title><guid>movedco-1</guid><pubDate>Tue, 01 Dec 2026 10:00:00 +0000</pubDate>
                <description>We are investigating checkout errors.</description></item></channel></rss>
                """;
        String newHome = server.otherHostBaseUrl() + "/movedco-new/history.rss";
        server.serve("/movedco-new/history.rss", 200, "application/rss+xml", feed)
                .redirect("/movedco/history.rss", 301, newHome);

        polls.pollVendor("movedco");

        Source source = polls.sources("movedco").get(0);
        assertThat(source.health()).isEqualTo(Source.Health.OK);
        assertThat(source.movedTo).isEqualTo(newHome);
        assertThat(incidentTitles("movedco")).containsExactly("Checkout errors");
        Document page = Jsoup.parse(
                given().get("/vendors/movedco").then().statusCode(200).extract().asString());
        assertThat(page.select("tr.source .moved").text()).startsWith("moved to " + newHome);
        assertThat(page.select("tr.source .moved a").attr("href")).isEqualTo(newHome);
        given().get("/api/vendors/movedco")
                .then()
                .statusCode(200)
                .body("sources[0].movedTo", org.hamcrest.Matchers.equalTo(newHome));

        // A temporary redirect is no move: the note goes with the next full answer that came without a permanent one.
        server.serve(
                        "/movedco-new/history.rss",
                        200,
                        "application/rss+xml",
                        feed.replace("investigating", "looking into"))
                .redirect("/movedco/history.rss", 302, newHome);
        polls.pollVendor("movedco");
        assertThat(polls.sources("movedco").get(0).movedTo).isNull();
        page = Jsoup.parse(
                given().get("/vendors/movedco").then().statusCode(200).extract().asString());
        assertThat(page.select("tr.source .moved")).isEmpty();
    }

    @Test
    void aRedirectWithinTheHostIsNoMove() {
        VendorServer server = VendorServerResource.server();
        server.serve("/editco/api/v2/incidents.json", 200, JSON, StatuspageIncidents.oneOpenIncident("Login failures"))
                .serve("/editco/api/v2/scheduled-maintenances.json", 200, JSON, "{\"scheduled_maintenances\":[]}");
        server.serve(
                        "/editco-tidy/api/v2/incidents.json",
                        200,
                        JSON,
                        StatuspageIncidents.oneOpenIncident("Login failures"))
                .redirect(
                        "/editco/api/v2/incidents.json", 308, server.baseUrl() + "/editco-tidy/api/v2/incidents.json");

        polls.pollVendor("editco");

        assertThat(polls.sources("editco").get(0).movedTo).isNull();
        server.serve("/editco/api/v2/incidents.json", 200, JSON, StatuspageIncidents.oneOpenIncident("Login failures"));
    }

    @Test
    void aSourceThatNeverAnsweredIsUnknownNotOperational() {
        // silentco's server has nothing to serve: its source has never answered well.
        given().get("/api/vendors/silentco")
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("unknown"))
                .body("sources[0].health", org.hamcrest.Matchers.equalTo("unknown"));
        Document page = Jsoup.parse(given().get("/vendors/silentco")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("tr.source:not(.health-retired) .health").text()).isEqualTo("unknown");

        polls.pollVendor("silentco"); // a 404: failing, still not operational
        given().get("/api/vendors/silentco")
                .then()
                .statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("unknown"))
                .body("sources[0].health", org.hamcrest.Matchers.equalTo("failing"));
    }

    private Source.Health health(String vendor) {
        return polls.sources(vendor).get(0).health();
    }

    private static List<String> incidentTitles(String vendor) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>list("vendor.slug", vendor).stream()
                        .map(i -> i.title)
                        .toList());
    }
}
