package dev.incidex;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentUpdate;
import dev.incidex.poll.PollReport;
import dev.incidex.testing.Fixtures;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole trip for the seed's INKY incident: a local server serves INKY's Statuspage JSON,
 * history.rss and history.atom; the poller fetches them over HTTP; the three views merge into one
 * incident; its page reads as the seed does.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    @Inject
    TestPolls polls;

    @Inject
    EntityManagerFactory emf;

    @BeforeAll
    static void serveInky() {
        VendorServer server = VendorServerResource.server();
        server.serveFixture("/inky/api/v2/incidents.json", "statuspage-inky-incidents.json", "application/json")
                .serveFixture(
                        "/inky/api/v2/scheduled-maintenances.json",
                        "statuspage-inky-scheduled-maintenances.json",
                        "application/json")
                .serveFixture("/inky/history.rss", "statuspage-inky-history.rss", "application/rss+xml")
                .serveFixture("/inky/history.atom", "statuspage-inky-history.atom", "application/atom+xml");
    }

    @Test
    @Order(1)
    void threeSourcesOfOneIncidentBecomeOneIncidentWithTheSeedsTimeline() {
        PollReport report = polls.pollVendor("inky");

        assertThat(report.failed()).isZero();
        assertThat(report.documentsParsed()).isEqualTo(4);
        Incident incident = inkyIncident();
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Incident.count("vendor.slug = 'inky' and maintenance = false")))
                .isEqualTo(1);
        assertThat(incident.title).isEqualTo("Informational Update for Users of Office 365");

        Document page = Jsoup.parse(given().get(incidentPath(incident))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("h1").text()).isEqualTo("Informational Update for Users of Office 365");
        assertThat(page.select(".badge").eachText()).containsExactly("Notice", "Resolved");
        assertThat(page.select("a.vendor-source").attr("href"))
                .isEqualTo("https://status.inky.com/incidents/q7wz3k1r9h2m");
        assertThat(page.select("a.vendor-source").text()).isEqualTo("View vendor source →");
        assertThat(page.select(".duration").text()).isEqualTo("22h 7m");
        assertThat(page.select(".summary").text())
                .contains("INKY experienced a notice incident on March 29, 2023, lasting 22h 7m.");
        assertThat(fact(page, "Started")).isEqualTo("Mar 29, 2023, 02:04 PM UTC");
        assertThat(fact(page, "Resolved")).isEqualTo("Mar 30, 2023, 12:12 PM UTC");
        // Seen first long after it ended: imported, not "detected" on the day it was read.
        assertThat(page.select("dt").eachText()).doesNotContain("Detected by Incidex");
        assertThat(fact(page, "Imported by Incidex")).startsWith("imported on ").endsWith("not detected live");
        assertThat(fact(page, "INKY's id")).isEqualTo("q7wz3k1r9h2m");

        List<Element> updates = page.select("ol.timeline > li");
        assertThat(updates).hasSize(3);
        assertThat(updates.stream().map(u -> u.select(".status").text()).toList())
                .containsExactly("monitoring", "monitoring", "resolved");
        assertThat(updates.stream().map(u -> u.select("time").text()).toList())
                .containsExactly(
                        "Mar 29, 2023, 02:04 PM UTC", "Mar 29, 2023, 07:06 PM UTC", "Mar 30, 2023, 12:12 PM UTC");
        assertThat(updates.get(0).select(".update-body").text())
                .startsWith("Microsoft is investigating an issue (DZ534539");
        assertThat(updates.get(2).select(".update-body").text()).endsWith("This incident has been resolved.");
    }

    @Test
    @Order(2)
    void rePollingUnchangedDataWritesNothing() {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        int before = VendorServerResource.server().hits("/inky").size();

        PollReport report = polls.pollVendor("inky");

        assertThat(report.failed()).isZero();
        assertThat(report.documentsParsed()).isZero();
        assertThat(report.merged().wroteAnything()).isFalse();
        List<VendorServer.Hit> hits = VendorServerResource.server().hits("/inky");
        List<VendorServer.Hit> cycle = hits.subList(before, hits.size());
        // INKY's recorded page has no components.json: it is asked for each poll and its 404 changes nothing.
        assertThat(cycle)
                .filteredOn(h -> h.path().endsWith("/components.json"))
                .singleElement()
                .extracting(VendorServer.Hit::status)
                .isEqualTo(404);
        assertThat(cycle)
                .filteredOn(h -> !h.path().endsWith("/components.json"))
                .hasSize(4)
                .allSatisfy(h -> {
                    assertThat(h.ifNoneMatch()).isNotNull();
                    assertThat(h.status()).isEqualTo(304);
                });
        for (Class<?> entity : List.of(Incident.class, IncidentUpdate.class)) {
            assertThat(stats.getEntityStatistics(entity.getName()).getInsertCount())
                    .as(entity + " inserts")
                    .isZero();
            assertThat(stats.getEntityStatistics(entity.getName()).getUpdateCount())
                    .as(entity + " updates")
                    .isZero();
        }
    }

    @Test
    @Order(3)
    void aServerThatIgnoresValidatorsStillCostsNoWrites() {
        // Same bytes, but the server "forgot" its ETag: the content hash short-circuits the parse.
        VendorServer server = VendorServerResource.server();
        server.serveWithoutValidators(
                "/inky/history.rss", "application/rss+xml", Fixtures.bytes("statuspage-inky-history.rss"));
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        stats.clear();
        int before = server.hits("/inky/history.rss").size();

        PollReport report = polls.pollVendor("inky");

        assertThat(server.hits("/inky/history.rss").subList(before, before + 1))
                .extracting(VendorServer.Hit::status)
                .containsExactly(200);
        assertThat(report.documentsParsed()).isZero();
        assertThat(report.merged().wroteAnything()).isFalse();
        assertThat(stats.getEntityStatistics(IncidentUpdate.class.getName()).getUpdateCount())
                .isZero();
        assertThat(stats.getEntityStatistics(Incident.class.getName()).getUpdateCount())
                .isZero();
    }

    @Test
    @Order(4)
    void theApiShowsTheSameIncident() {
        Incident incident = inkyIncident();
        given().get("/api/incidents/" + incident.id)
                .then()
                .statusCode(200)
                .body("vendor", org.hamcrest.Matchers.equalTo("inky"))
                .body("impact", org.hamcrest.Matchers.equalTo("notice"))
                .body("status", org.hamcrest.Matchers.equalTo("resolved"))
                .body("startedAt", org.hamcrest.Matchers.equalTo("2023-03-29T14:04:37.405Z"))
                .body("resolvedAt", org.hamcrest.Matchers.equalTo("2023-03-30T12:12:05.614Z"))
                .body("durationSeconds", org.hamcrest.Matchers.equalTo(79648))
                .body("sourceUrl", org.hamcrest.Matchers.equalTo("https://status.inky.com/incidents/q7wz3k1r9h2m"))
                .body("pageUrl", org.hamcrest.Matchers.endsWith(incidentPath(incident)))
                .body("updates.status", org.hamcrest.Matchers.contains("monitoring", "monitoring", "resolved"))
                .body(
                        "updates.at",
                        org.hamcrest.Matchers.contains(
                                "2023-03-29T14:04:37.480Z", "2023-03-29T19:06:52.187Z", "2023-03-30T12:12:05.614Z"));
    }

    static Incident inkyIncident() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("vendor.slug = 'inky' and vendorKey = 'q7wz3k1r9h2m'")
                        .singleResult());
    }

    static String incidentPath(Incident incident) {
        return "/vendors/inky/incidents/" + incident.id;
    }

    private static String fact(Document page, String label) {
        return page.select("dl.facts > div").stream()
                .filter(d -> d.select("dt").text().equals(label))
                .map(d -> d.select("dd").text())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + label));
    }
}
