package dev.incidex.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.VendorStats;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vendor page's figures from a known history: two resolved incidents in the last year (59m 50s
 * and 3h 1m 20s), one a year and more ago, one still open, and a maintenance that must not count.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class VendorFiguresTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final Instant A = noon(10);
    static final Instant B = noon(40);
    static final Instant C = noon(400);
    static final Instant D = noon(2);
    private static boolean polled;

    @Inject
    TestPolls polls;

    @Inject
    VendorStats stats;

    @BeforeEach
    void serveAndPoll() {
        if (polled) {
            return;
        }
        String incidents = "{\"incidents\":["
                + incident("sa", "Checkout failing", "critical", A, A.plus(Duration.parse("PT59M50S"))) + ","
                + incident("sb", "Slow search", "minor", B, B.plus(Duration.parse("PT3H1M20S"))) + ","
                + incident("sc", "Old outage", "major", C, C.plus(Duration.ofHours(10))) + ","
                + incident("sd", "Login errors", "major", D, null) + "]}";
        Instant m = noon(5);
        String maintenances =
                "{\"scheduled_maintenances\":[{\"id\":\"sm\",\"name\":\"Database upgrade\",\"status\":\"completed\","
                        + "\"impact\":\"maintenance\",\"created_at\":\"" + m + "\",\"started_at\":\"" + m
                        + "\",\"scheduled_for\":\"" + m
                        + "\",\"scheduled_until\":\"" + m.plus(Duration.ofHours(2)) + "\",\"resolved_at\":\""
                        + m.plus(Duration.ofHours(2))
                        + "\",\"incident_updates\":[],\"components\":[]}]}";
        VendorServerResource.server()
                .serve("/statsco/api/v2/incidents.json", 200, "application/json", incidents)
                .serve("/statsco/api/v2/scheduled-maintenances.json", 200, "application/json", maintenances);
        assertThat(polls.pollVendor("statsco").failed()).isZero();
        polled = true;
    }

    @Test
    void resolveTimesUseExactDurationsOfTheLastYearsResolvedIncidents() {
        VendorStats.ResolveTimes times =
                QuarkusTransaction.requiringNew().call(() -> stats.resolveTimes("statsco", Instant.now()));

        assertThat(times.resolved()).isEqualTo(2);
        assertThat(times.total()).isEqualTo(Duration.parse("PT4H1M10S"));
        assertThat(times.mean()).isEqualTo(Duration.parse("PT2H0M35S"));

        Document page = page();
        assertThat(page.select("dd.mttr").text()).isEqualTo("2h 0m");
        // Minutes read off a clock would add up to 4h 0m; the exact instants give 4h 1m.
        assertThat(page.select("dd.impact-time").text()).isEqualTo("4h 1m");
        assertThat(page.select("dd.resolved-count").text()).isEqualTo("2");
    }

    @Test
    void aVendorWithNoHistoryShowsDashesNotZeroDivisions() {
        Document page = Jsoup.parse(given().get("/vendors/microsoft-365")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("dd.mttr")).isEmpty();
        assertThat(page.select("dd.resolved-count").text()).isEqualTo("No incidents in the last 365 days");
        assertThat(page.select("svg.month-chart title").first().text()).endsWith("(0 in all)");
        // Never polled: not one day is known to be quiet.
        assertThat(page.select("svg.day-strip rect.day"))
                .hasSize(90)
                .allSatisfy(cell -> assertThat(cell.className()).contains("day-unwatched"));
    }

    @Test
    void monthlyChartCountsIncidentsByTheMonthTheyStarted() {
        Map<YearMonth, Integer> want = new HashMap<>();
        for (Instant started : List.of(A, B, D)) {
            want.merge(YearMonth.from(started.atZone(ZoneOffset.UTC)), 1, Integer::sum);
        }
        Document page = page();
        List<Element> months = page.select("svg.month-chart g.month");
        assertThat(months).hasSize(12);
        assertThat(page.select("svg.month-chart > title").text())
                .isEqualTo("Incidents per month at StatsCo over the last 12 months (3 in all)");
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        for (int k = 0; k < 12; k++) {
            YearMonth month = current.minusMonths(11 - k);
            int count = want.getOrDefault(month, 0);
            Element g = months.get(k);
            assertThat(g.select("text.count").text()).as(month.toString()).isEqualTo(String.valueOf(count));
            assertThat(g.select("text.label").text())
                    .isEqualTo(month.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
            assertThat(g.select("title").text())
                    .startsWith(month.getMonth().getDisplayName(TextStyle.FULL, Locale.US) + " " + month.getYear()
                            + ": " + count);
        }
    }

    @Test
    void ninetyDayStripColoursEachDayByItsWorstImpact() {
        Document page = page();
        List<Element> cells = page.select("svg.day-strip rect.day");
        assertThat(cells).hasSize(90);
        assertThat(page.select("svg.day-strip > title").text())
                .isEqualTo("StatsCo: 5 of the last 90 days had incidents");
        assertThat(cell(cells, 10).className()).contains("day-critical");
        assertThat(cell(cells, 10).select("title").text()).endsWith(": 1 incident, worst Critical");
        assertThat(cell(cells, 40).className()).contains("day-minor");
        for (int daysAgo : List.of(0, 1, 2)) {
            assertThat(cell(cells, daysAgo).className())
                    .as("open incident, %d days ago", daysAgo)
                    .contains("day-major");
        }
        // Incidex began watching today: earlier days without an imported incident are not known to be quiet.
        assertThat(cell(cells, 5).className()).as("the maintenance day").contains("day-unwatched");
        assertThat(cell(cells, 3).select("title").text()).endsWith(": not watched by Incidex yet");
        assertThat(page.select("ul.legend li")).hasSize(8);
    }

    private static Element cell(List<Element> cells, int daysAgo) {
        return cells.get(89 - daysAgo);
    }

    private static Document page() {
        return Jsoup.parse(
                given().get("/vendors/statsco").then().statusCode(200).extract().asString());
    }

    private static Instant noon(int daysAgo) {
        return TODAY.minusDays(daysAgo).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static String incident(String id, String name, String impact, Instant started, Instant resolved) {
        return """
                {"id":"%s","name":"%s","status":"%s","impact":"%s","created_at":"%s","started_at":"%s","resolved_at":%s,
                 "incident_updates":[{"id":"%su","status":"investigating","body":"Looking into it.","created_at":"%s","display_at":"%s"}],
                 "components":[]}""".formatted(
                        id,
                        name,
                        resolved == null ? "investigating" : "resolved",
                        impact,
                        started,
                        started,
                        resolved == null ? "null" : "\"" + resolved + "\"",
                        id,
                        started,
                        started);
    }
}
