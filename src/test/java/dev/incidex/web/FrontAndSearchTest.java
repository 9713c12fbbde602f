package dev.incidex.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The front page (open incidents worst first, maintenance, vendors), search across vendors, and feed links. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class FrontAndSearchTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final GeneratedHistory HISTORY =
            new GeneratedHistory("fr", "FrontCo", 60, 2, NOW.minus(Duration.ofHours(2)), Duration.ofDays(5));
    private static boolean polled;

    @Inject
    TestPolls polls;

    @BeforeEach
    void serveAndPoll() {
        if (polled) {
            return;
        }
        String maintenances = "{\"scheduled_maintenances\":["
                + maintenance(
                        "frm1", "Upgrade of the FrontCo dashboard", "scheduled", NOW.plus(Duration.ofDays(3)), null)
                + ","
                + maintenance("frm2", "FrontCo network work", "in_progress", NOW.minus(Duration.ofHours(1)), null) + ","
                + maintenance(
                        "frm3",
                        "Finished FrontCo maintenance",
                        "completed",
                        NOW.minus(Duration.ofDays(3)),
                        NOW.minus(Duration.ofDays(3)).plus(Duration.ofHours(1)))
                + ","
                // The vendor never closed these: one's window passed days ago, the other gave no end and runs for
                // weeks.
                + maintenance("frm4", "Passed FrontCo window", "scheduled", NOW.minus(Duration.ofDays(5)), null) + ","
                + maintenance(
                                "frm5",
                                "Forgotten FrontCo migration",
                                "in_progress",
                                NOW.minus(Duration.ofDays(40)),
                                null)
                        .replaceFirst("\"scheduled_until\":\"[^\"]+\"", "\"scheduled_until\":null")
                + "]}";
        VendorServerResource.server()
                .serve("/frontco/api/v2/incidents.json", 200, "application/json", HISTORY.incidentsJson())
                .serve("/frontco/api/v2/scheduled-maintenances.json", 200, "application/json", maintenances);
        assertThat(polls.pollVendor("frontco").failed()).isZero();
        polled = true;
    }

    @Test
    void frontPageShowsOpenIncidentsWorstFirstMaintenanceAndVendors() {
        Document page =
                Jsoup.parse(given().get("/").then().statusCode(200).extract().asString());

        List<String> ongoing = page.select("ul.ongoing .incident-row").stream()
                .filter(r -> r.select("a.vendor").text().equals("FrontCo"))
                .map(r -> r.select("a.title").text())
                .toList();
        // #1 is minor, #0 a notice: the worse one comes first although it is older.
        assertThat(ongoing)
                .containsExactly(
                        HISTORY.incidents.get(1).title(),
                        HISTORY.incidents.get(0).title());

        List<Element> maintenance = page.select("ul.maintenance .incident-row").stream()
                .filter(r -> r.select("a.vendor").text().equals("FrontCo"))
                .toList();
        assertThat(maintenance)
                .extracting(r -> r.select("a.title").text())
                .containsExactly(
                        "Forgotten FrontCo migration", "FrontCo network work", "Upgrade of the FrontCo dashboard");
        assertThat(maintenance.get(0).select(".age").text()).isEqualTo("for 40 days — stale?");
        assertThat(maintenance.get(1).select(".badge").text()).isEqualTo("in progress");
        assertThat(maintenance.get(1).select(".age").text()).isEqualTo("for 1 h");
        assertThat(maintenance.get(2).select(".age")).isEmpty();
        assertThat(maintenance.get(2).select(".window").text()).contains(" – ").endsWith("UTC");
        assertThat(page.select("ul.ongoing .incident-row").stream()
                        .filter(r -> r.select("a.vendor").text().equals("FrontCo"))
                        .map(r -> r.select(".age").text()))
                .allSatisfy(age -> assertThat(age).matches("for \\d+ (h|days)"));

        assertThat(page.select("ul.resolved .incident-row a.title").eachText())
                .contains(HISTORY.incidents.get(2).title());
        Element vendor = page.select("ul.vendors li").stream()
                .filter(li -> li.select("a").text().equals("FrontCo"))
                .findFirst()
                .orElseThrow();
        assertThat(vendor.select(".vendor-state").text()).isEqualTo("2 ongoing incidents");

        assertThat(page.select("link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo("/feeds/incidents.rss");
        assertThat(page.select("link[rel=alternate][type=application/atom+xml]").attr("href"))
                .isEqualTo("/feeds/incidents.atom");
        assertThat(page.select("a.feed-link").eachAttr("href"))
                .containsExactly("/feeds/incidents.rss", "/feeds/incidents.atom");
        assertThat(page.select("header form.search[action=/search] input[name=q]"))
                .hasSize(1);
    }

    @Test
    void everyPageHasItsFeedLinksAndTheSearchBox() {
        Document vendor = Jsoup.parse(
                given().get("/vendors/frontco").then().statusCode(200).extract().asString());
        assertThat(vendor.select("link[rel=alternate]").eachAttr("href"))
                .containsExactly("/vendors/frontco/feed.rss", "/vendors/frontco/feed.atom");
        assertThat(vendor.select("a.feed-link").eachAttr("href"))
                .containsExactly("/vendors/frontco/feed.rss", "/vendors/frontco/feed.atom");

        String incidentHref = vendor.select(".incident-row a.title").first().attr("href");
        Document incident = Jsoup.parse(
                given().get(incidentHref).then().statusCode(200).extract().asString());
        String id = incidentHref.substring(incidentHref.lastIndexOf('/') + 1);
        assertThat(incident.select("link[rel=alternate]").eachAttr("href"))
                .containsExactly(incidentHref + "/feed.rss", incidentHref + "/feed.atom");
        assertThat(incident.select("a.feed-link").eachAttr("href"))
                .containsExactly(incidentHref + "/feed.rss", incidentHref + "/feed.atom");
        assertThat(incident.select("a.track").attr("href")).isEqualTo("/watchlists/new?incident=" + id);
        assertThat(incident.select("ol.timeline > li").eachAttr("id")).containsExactly("update-1");
        assertThat(incident.select("header form.search input[name=q]")).hasSize(1);

        Document search = Jsoup.parse(
                given().get("/search?q=xy").then().statusCode(200).extract().asString());
        assertThat(search.select("link[rel=alternate]").eachAttr("href"))
                .containsExactly("/feeds/search.rss?q=xy", "/feeds/search.atom?q=xy");
        assertThat(search.select("input[name=q]"))
                .as("one search box on the search page")
                .hasSize(1);
    }

    @Test
    void searchFindsUpdateTextAcrossVendorsAndLinksToIncidents() {
        Document page = Jsoup.parse(given().get("/search?q=flux capacitor")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<Element> rows = page.select(".result").stream()
                .filter(r -> r.select("a.vendor").text().equals("FrontCo"))
                .toList();
        assertThat(rows)
                .extracting(r -> r.select("a.title").text())
                .containsExactlyElementsOf(HISTORY.incidents.stream()
                        .filter(GeneratedHistory.Made::fluxCapacitor)
                        .map(GeneratedHistory.Made::title)
                        .toList());
        assertThat(page.select("input[name=q]")).as("one search box").hasSize(1);
        assertThat(page.select("form.search-page input[name=q]").val()).isEqualTo("flux capacitor");
        // Each result: its vendor, its state, its duration once resolved, and the matching text with the words marked.
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.select(".state").text()).isIn("Resolved", "Ongoing");
            assertThat(r.select(".snippet mark").eachText()).contains("flux", "capacitor");
        });
        assertThat(rows.stream().filter(r -> r.select(".state").text().equals("Resolved")))
                .allSatisfy(r -> assertThat(r.select(".duration").text()).matches("\\d+h \\d+m"));
        Document withCommonWords = Jsoup.parse(given().get("/search?q=the flux of a capacitor")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(withCommonWords.select(".ignored").text()).contains("“the”", "“of”", "“a”");
        assertThat(withCommonWords.select(".result")).hasSameSizeAs(page.select(".result"));
        String feed = given().get("/feeds/search.rss?q=flux capacitor")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        HISTORY.incidents.stream()
                .filter(GeneratedHistory.Made::fluxCapacitor)
                .forEach(m -> assertThat(feed).contains("FrontCo: " + m.title()));
        assertThat(feed)
                .doesNotContain(
                        HISTORY.incidents.stream()
                                        .filter(m -> !m.fluxCapacitor())
                                        .findFirst()
                                        .orElseThrow()
                                        .title() + "<");
        given().get("/feeds/search.atom").then().statusCode(400);
        String href = rows.get(0).select("a.title").attr("href");
        assertThat(href).matches("/vendors/frontco/incidents/\\d+");
        Document incident =
                Jsoup.parse(given().get(href).then().statusCode(200).extract().asString());
        assertThat(incident.select(".update-body").text()).contains("flux capacitor");
    }

    @Test
    void moreResultsPagesWithoutRepeats() {
        List<String> links = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        String url = "/search?q=investigating";
        int pages = 0;
        while (url != null) {
            Document page = Jsoup.parse(given().urlEncodingEnabled(false)
                    .get(url)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            hrefs.addAll(page.select(".result a.title").eachAttr("href"));
            page.select(".result").stream()
                    .filter(r -> r.select("a.vendor").text().equals("FrontCo"))
                    .forEach(r -> links.add(r.select("a.title").text()));
            Element next = page.selectFirst("a.next");
            url = next == null ? null : next.attr("href");
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(new HashSet<>(hrefs)).hasSameSizeAs(hrefs);
        assertThat(links)
                .containsExactlyElementsOf(HISTORY.incidents.stream()
                        .map(GeneratedHistory.Made::title)
                        .toList());
    }

    @Test
    void emptyQueryShowsTheFormAndALongOneIsA400() {
        Document empty = Jsoup.parse(
                given().get("/search?q=").then().statusCode(200).extract().asString());
        assertThat(empty.select("form.search-page input[name=q]")).hasSize(1);
        assertThat(empty.select(".result")).isEmpty();
        given().get("/search").then().statusCode(200);
        VendorHistoryPageTest.assertBad("/search?q=" + "y".repeat(201), "'q' is 201 characters long");
        VendorHistoryPageTest.assertBad("/search?q=xy&after=bm9wZQ", "'after' is not a position");
    }

    private static String maintenance(String id, String name, String status, Instant from, Instant resolved) {
        return """
                {"id":"%s","name":"%s","status":"%s","impact":"maintenance","created_at":"%s","started_at":"%s",
                 "scheduled_for":"%s","scheduled_until":"%s","resolved_at":%s,
                 "incident_updates":[{"id":"%su","status":"%s","body":"Planned work.","created_at":"%s","display_at":"%s"}],
                 "components":[]}""".formatted(
                        id,
                        name,
                        status,
                        from,
                        from,
                        from,
                        from.plus(Duration.ofHours(2)),
                        resolved == null ? "null" : "\"" + resolved + "\"",
                        id,
                        status,
                        from,
                        from);
    }
}
