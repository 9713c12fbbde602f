package dev.incidex.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.poll.PollReport;
import dev.incidex.testing.Fixtures;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A vendor's components now and which of its regional sources reported what, through the real path: a local
 * vendor server, the poller, the database, then the vendor page, the incident page and the API.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class VendorComponentsTest {

    static final String JSON = "application/json";
    static final String NO_MAINTENANCE = "{\"scheduled_maintenances\":[]}";

    @Inject
    TestPolls polls;

    /** Ledgerline's US and EU Statuspages: an incident each, one both pages carry, and each page's components. */
    static void serveLedgerline() {
        Instant t = Instant.parse("2023-03-30T12:30:00Z");
        String us = new StatuspageIncidents()
                .add(new StatuspageIncidents.Spec(
                        "us0webhooks1",
                        "Webhooks are delayed",
                        "major",
                        "identified",
                        t,
                        null,
                        List.of(),
                        List.of("Webhook deliveries are delayed by up to 20 minutes.")))
                .add(shared())
                .json();
        String eu = new StatuspageIncidents()
                .add(new StatuspageIncidents.Spec(
                        "eu0payments1",
                        "Card payments failing in Frankfurt",
                        "critical",
                        "resolved",
                        t.minusSeconds(86_400),
                        t.minusSeconds(80_000),
                        List.of(),
                        List.of("Card payments fail for EU merchants.", "Payments work again.")))
                .add(shared())
                .json();
        VendorServerResource.server()
                .serve("/ledgerline-us/api/v2/incidents.json", 200, JSON, us)
                .serve("/ledgerline-us/api/v2/scheduled-maintenances.json", 200, JSON, NO_MAINTENANCE)
                .serveFixture("/ledgerline-us/api/v2/components.json", "statuspage/ledgerline-us-components.json", JSON)
                .serve("/ledgerline-eu/api/v2/incidents.json", 200, JSON, eu)
                .serve("/ledgerline-eu/api/v2/scheduled-maintenances.json", 200, JSON, NO_MAINTENANCE)
                .serveFixture(
                        "/ledgerline-eu/api/v2/components.json", "statuspage/ledgerline-eu-components.json", JSON);
    }

    private static StatuspageIncidents.Spec shared() {
        return new StatuspageIncidents.Spec(
                "both0login01",
                "Sign-in fails for some users",
                "minor",
                "resolved",
                Instant.parse("2023-03-29T08:00:00Z"),
                Instant.parse("2023-03-29T09:00:00Z"),
                List.of(),
                List.of("Some users cannot sign in.", "Sign-in works again."));
    }

    private static Document page(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
    }

    private static JsonPath api(String slug) {
        return given().get("/api/vendors/" + slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void componentsComeFirstGroupedWithTheirStatusAndWhichSourceListsThem() {
        serveLedgerline();
        PollReport report = polls.pollVendor("ledgerline");
        assertThat(report.failed()).isZero();

        Document html = page("/vendors/ledgerline");
        Element section = html.selectFirst("section.components");
        assertThat(section).as("a components section").isNotNull();
        Element history = html.selectFirst("h2#history");
        Element open = html.selectFirst("h2#open");
        assertThat(section.siblingIndex())
                .as("components before the open and recent incidents")
                .isLessThan(open.siblingIndex())
                .isLessThan(history.siblingIndex());

        List<Element> sets = section.select(".component-set");
        assertThat(sets).hasSize(2);
        Element us = sets.get(0);
        assertThat(us.select(".component-source .source-name").text()).isEqualTo("Ledgerline US");
        assertThat(us.selectFirst(".component-source time").attr("datetime")).isNotBlank();
        assertThat(us.select(".component-source").text()).contains("as of").contains("4 not operational");
        assertThat(statuses(us))
                .containsEntry("Website", "Operational")
                .containsEntry("Dashboard", "Major outage")
                .containsEntry("REST API", "Degraded")
                .containsEntry("Webhooks", "Partial outage")
                .containsEntry("GraphQL API", "Operational")
                .containsEntry("Invoicing", "Maintenance")
                .hasSize(8);
        assertThat(us.select("h3.group-name").eachText()).containsExactly("API", "Payments");
        assertThat(us.selectFirst("li.component:contains(Webhooks) .badge").attr("title"))
                .contains("partial_outage");

        Element eu = sets.get(1);
        assertThat(eu.select(".component-source .source-name").text()).isEqualTo("Ledgerline EU");
        assertThat(eu.select("details.component-group summary").eachText())
                .as("groups with nothing to look at are folded")
                .containsExactly("API All 3 operational", "Payments All 3 operational");

        // Which regional page reported each incident.
        assertThat(reporters(html, "Webhooks are delayed")).isEqualTo("Reported by Ledgerline US");
        assertThat(reporters(html, "Card payments failing in Frankfurt")).isEqualTo("Reported by Ledgerline EU");
        assertThat(reporters(html, "Sign-in fails for some users"))
                .isEqualTo("Reported by Ledgerline US, Ledgerline EU");
        assertThat(html.select("table.sources tr.source:not(.health-retired) .source-name")
                        .eachText())
                .containsExactly("Ledgerline US", "Ledgerline EU");

        String euIncident = html.selectFirst("a.title:contains(Card payments failing in Frankfurt)")
                .attr("href");
        assertThat(page(euIncident).select(".seen .source-name").eachText()).containsExactly("Ledgerline EU");

        JsonPath json = api("ledgerline");
        assertThat(json.getList("components.source")).containsExactly("Ledgerline US", "Ledgerline EU");
        assertThat(json.getList("components[0].components.name"))
                .containsExactly(
                        "Website",
                        "Dashboard",
                        "REST API",
                        "Webhooks",
                        "GraphQL API",
                        "Card processing",
                        "Payouts",
                        "Invoicing");
        Map<String, Object> rest = json.getMap("components[0].components.find { it.name == 'REST API' }");
        assertThat(rest)
                .containsEntry("group", "API")
                .containsEntry("status", "degraded")
                .containsEntry("vendorStatus", "degraded_performance")
                .containsEntry("updatedAt", "2023-03-30T12:58:30.441Z");
        assertThat(json.getList("sources.label")).containsExactly("Ledgerline US", "Ledgerline EU");
        assertThat(given().get("/api/vendors").then().statusCode(200).extract().asString())
                .as("lists carry no components")
                .doesNotContain("\"components\"");
    }

    @Test
    void aGoodReadReplacesTheSetAndAFailureKeepsIt() {
        serveLedgerline();
        assertThat(polls.pollVendor("ledgerline").failed()).isZero();
        String asOf = api("ledgerline").getString("components[0].asOf");
        String usComponents = "/ledgerline-us/api/v2/components.json";
        String fixed = Fixtures.text("statuspage/ledgerline-us-components.json")
                .replace("\"major_outage\"", "\"operational\"");

        // The incidents fail while the components changed: nothing of this poll is taken, the set is kept.
        VendorServerResource.server()
                .serve("/ledgerline-us/api/v2/incidents.json", 500, "text/plain", "upstream error")
                .serve(usComponents, 200, JSON, fixed.getBytes(StandardCharsets.UTF_8));
        assertThat(polls.pollVendor("ledgerline").failed()).isEqualTo(1);
        assertThat(dashboard()).isEqualTo("major-outage");

        // A page without components.json still polls, and keeps the set it had.
        serveLedgerline();
        VendorServerResource.server().serve(usComponents, 404, "text/plain", "not found");
        assertThat(polls.pollVendor("ledgerline").failed()).isZero();
        assertThat(dashboard()).isEqualTo("major-outage");

        // A good read replaces the set.
        VendorServerResource.server().serve(usComponents, 200, JSON, fixed.getBytes(StandardCharsets.UTF_8));
        assertThat(polls.pollVendor("ledgerline").failed()).isZero();
        assertThat(dashboard()).isEqualTo("operational");
        assertThat(Instant.parse(api("ledgerline").getString("components[0].asOf")))
                .isAfter(Instant.parse(asOf));
        assertThat(page("/vendors/ledgerline")
                        .select(".component-set")
                        .get(0)
                        .select(".component-source")
                        .text())
                .contains("3 not operational");
    }

    @Test
    void theWidgetAndSlackListTheComponentsTheirIncidentsAffect() {
        VendorServerResource.server()
                .serveFixture("/cmp-incidentio/api/v2/incidents.json", "incidentio/nimbus-compat-incidents.json", JSON)
                .serveFixture("/cmp-incidentio/api/v1/summary", "incidentio-widget-summary.json", JSON)
                .serveFixture("/cmp-slack/api/v2.0.0/current", "slack-status-current.json", JSON)
                .serveFixture("/cmp-slack/api/v2.0.0/history", "slack-status-history.json", JSON);
        assertThat(polls.pollVendor("cmp-widgets").failed()).isZero();

        JsonPath json = api("cmp-widgets");
        assertThat(json.getList("components[0].components.name"))
                .containsExactly("Public API", "Webhooks", "Dashboard");
        assertThat(json.getList("components[0].components.status"))
                .containsExactly("partial-outage", "degraded", "operational");
        assertThat(json.getList("components[0].components.group")).containsOnly("Platform", "Web app");
        assertThat(json.getList("components[1].components.name")).containsExactly("Messaging");
        assertThat(json.getList("components[1].components.status")).containsExactly("partial-outage");
        assertThat(json.getList("components[1].components.vendorStatus")).containsExactly("incident");

        // All clear: the widget lists no component, and the page says none is affected.
        VendorServerResource.server()
                .serve(
                        "/cmp-incidentio/api/v1/summary",
                        200,
                        JSON,
                        "{\"page_title\":\"Nimbus status\",\"ongoing_incidents\":[],\"in_progress_maintenances\":[],"
                                + "\"scheduled_maintenances\":[]}");
        assertThat(polls.pollVendor("cmp-widgets").failed()).isZero();
        assertThat(api("cmp-widgets").getList("components[0].components")).isEmpty();
        assertThat(page("/vendors/cmp-widgets")
                        .select(".component-set")
                        .get(0)
                        .select(".none-affected")
                        .text())
                .isEqualTo("No component reported affected.");
    }

    private String dashboard() {
        return api("ledgerline").getString("components[0].components.find { it.name == 'Dashboard' }.status");
    }

    private static Map<String, String> statuses(Element set) {
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (Element c : set.select("li.component")) {
            byName.put(c.selectFirst(".name").text(), c.selectFirst(".badge").text());
        }
        return byName;
    }

    private static String reporters(Document html, String title) {
        Element row = html.selectFirst(".incident-row:has(a.title:contains(" + title + "))");
        assertThat(row).as("a row for " + title).isNotNull();
        return row.select(".reported-by").text();
    }
}
