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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A vendor's history page: each filter, keyset paging over several pages, and 400 pages for bad parameters. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class VendorHistoryPageTest {

    static final GeneratedHistory HISTORY = new GeneratedHistory(
            "fc",
            "FilterCo",
            130,
            1,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)),
            Duration.ofDays(3).plusHours(5));
    private static boolean polled;

    @Inject
    TestPolls polls;

    @BeforeEach
    void serveAndPoll() {
        if (!polled) {
            VendorServerResource.server()
                    .serve("/filterco/api/v2/incidents.json", 200, "application/json", HISTORY.incidentsJson())
                    .serve(
                            "/filterco/api/v2/scheduled-maintenances.json",
                            200,
                            "application/json",
                            GeneratedHistory.noMaintenance());
            assertThat(polls.pollVendor("filterco").failed()).isZero();
            polled = true;
        }
    }

    @Test
    void pagesWalkTheWholeHistoryNewestFirstWithoutGapsOrRepeats() {
        List<Document> pages = walk("/vendors/filterco");

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).select("ul.history .incident-row")).hasSize(50);
        assertThat(pages.get(0).select("a.first")).isEmpty();
        assertThat(pages.get(1).select("a.first").attr("href")).isEqualTo("/vendors/filterco#history");
        assertThat(pages.get(2).select("a.next")).isEmpty();
        assertThat(titles(pages)).containsExactlyElementsOf(expected(m -> true));
    }

    @Test
    void filtersTravelWithTheNextPageLink() {
        List<Document> pages = walk("/vendors/filterco?q=investigating");

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).select("a.next").attr("href"))
                .contains("q=investigating")
                .contains("after=");
        assertThat(titles(pages)).containsExactlyElementsOf(expected(m -> true));
    }

    @Test
    void impactFilterKeepsOnlyThoseImpacts() {
        List<Document> critical = walk("/vendors/filterco?impact=critical");
        assertThat(titles(critical))
                .containsExactlyElementsOf(expected(m -> m.impact().equals("critical")));
        assertThat(critical.get(0).select("ul.history .incident-row .badge").eachText())
                .containsOnly("Critical");
        assertThat(critical.get(0).select("input[name=impact][value=critical]").hasAttr("checked"))
                .isTrue();

        List<Document> two = walk("/vendors/filterco?impact=minor&impact=major");
        assertThat(titles(two))
                .containsExactlyElementsOf(
                        expected(m -> m.impact().equals("minor") || m.impact().equals("major")));
    }

    @Test
    void statusFilterFindsTheOpenIncident() {
        assertThat(titles(walk("/vendors/filterco?status=investigating")))
                .containsExactly(HISTORY.incidents.get(0).title());
        assertThat(titles(walk("/vendors/filterco?status=resolved"))).hasSize(129);
    }

    @Test
    void componentFilterKeepsIncidentsAffectingIt() {
        List<Document> pages = walk("/vendors/filterco?component=Webhooks");
        assertThat(titles(pages))
                .containsExactlyElementsOf(expected(m -> m.component().equals("Webhooks")));
        assertThat(pages.get(0).select("#f-component option[selected]").text()).isEqualTo("Webhooks");
        assertThat(pages.get(0).select("#f-component option").eachText())
                .containsExactly("Any component", "API", "Dashboard", "Webhooks");
    }

    @Test
    void textFilterSearchesTitlesAndUpdates() {
        assertThat(titles(walk("/vendors/filterco?q=flux+capacitor")))
                .containsExactlyElementsOf(expected(GeneratedHistory.Made::fluxCapacitor));
        assertThat(titles(walk("/vendors/filterco?q=%2342")))
                .containsExactly(HISTORY.incidents.get(42).title());
    }

    @Test
    void dateRangeIsInclusiveOfBothDays() {
        LocalDate from = utcDate(HISTORY.incidents.get(30).startedAt());
        LocalDate to = utcDate(HISTORY.incidents.get(12).startedAt());
        List<Document> pages = walk("/vendors/filterco?from=" + from + "&to=" + to);
        List<String> want = expected(m -> !utcDate(m.startedAt()).isBefore(from)
                && !utcDate(m.startedAt()).isAfter(to));
        assertThat(want).hasSizeGreaterThanOrEqualTo(19);
        assertThat(titles(pages)).containsExactlyElementsOf(want);
        assertThat(pages.get(0).select("#f-from").val()).isEqualTo(from.toString());
    }

    @Test
    void filtersCombine() {
        List<String> want =
                expected(m -> m.impact().equals("critical") && m.component().equals("API"));
        assertThat(want).isNotEmpty();
        assertThat(titles(walk("/vendors/filterco?impact=critical&component=api")))
                .containsExactlyElementsOf(want);
    }

    @Test
    void badParametersGetA400PageThatSaysWhy() {
        assertBad("/vendors/filterco?from=2024-13-01", "'from' must be a date like 2024-05-31");
        assertBad("/vendors/filterco?to=yesterday", "'to' must be a date");
        assertBad("/vendors/filterco?from=2024-05-02&to=2024-05-01", "is before the 'from' date");
        assertBad("/vendors/filterco?impact=severe", "'impact' must be one of");
        assertBad("/vendors/filterco?status=broken", "'status' must be one of");
        assertBad("/vendors/filterco?after=not-a-cursor", "'after' is not a position this server gave out");
        assertBad("/vendors/filterco?q=" + "x".repeat(201), "'q' is 201 characters long; the most is 200");
        assertBad("/vendors/filterco?component=" + "x".repeat(301), "'component' is 301 characters long");
        given().get("/vendors/no-such-vendor").then().statusCode(404);
    }

    static void assertBad(String url, String message) {
        String html = given().urlEncodingEnabled(false)
                .get(url)
                .then()
                .statusCode(400)
                .contentType("text/html")
                .extract()
                .asString();
        assertThat(Jsoup.parse(html).select(".problem").text()).as(url).contains(message);
    }

    /** Follows "Older incidents →" from the first page to the last. */
    static List<Document> walk(String first) {
        List<Document> pages = new ArrayList<>();
        String url = first;
        while (url != null) {
            Document page = Jsoup.parse(given().urlEncodingEnabled(false)
                    .get(url)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            pages.add(page);
            Element next = page.selectFirst("a.next");
            url = next == null ? null : next.attr("href").replaceFirst("#.*$", "");
            assertThat(pages).as("pages").hasSizeLessThan(20);
        }
        return pages;
    }

    static List<String> titles(List<Document> pages) {
        return pages.stream()
                .flatMap(p -> p.select("ul.history .incident-row a.title").eachText().stream())
                .toList();
    }

    private static List<String> expected(Predicate<GeneratedHistory.Made> which) {
        return HISTORY.incidents.stream()
                .filter(which)
                .sorted(Comparator.comparing(GeneratedHistory.Made::startedAt).reversed())
                .map(GeneratedHistory.Made::title)
                .toList();
    }

    private static LocalDate utcDate(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
