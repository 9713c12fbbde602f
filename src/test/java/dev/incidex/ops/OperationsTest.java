package dev.incidex.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Health and metrics as a probe and a Prometheus scrape see them, after real polls over HTTP. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class OperationsTest {

    private static final String JSON = "application/json";

    @Inject
    TestPolls polls;

    @Test
    void livenessAndReadinessAreUpAndReadinessChecksTheDatabase() {
        given().get("/q/health/live").then().statusCode(200);
        JsonPath ready =
                given().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getList("checks.name", String.class))
                .anySatisfy(name -> assertThat(name).containsIgnoringCase("database"));
    }

    @Test
    void failingSourcesAreReportedInTheirOwnGroupAndNeverInReadiness() {
        VendorServer server = VendorServerResource.server();
        server.serve("/opsco/api/v2/incidents.json", 200, JSON, StatuspageIncidents.oneOpenIncident("Queue delays"))
                .serve("/opsco/api/v2/scheduled-maintenances.json", 200, JSON, "{\"scheduled_maintenances\":[]}");
        polls.pollVendor("opsco");
        long failingBefore = sources().getLong("checks[0].data.failing");

        server.serve("/opsco/api/v2/incidents.json", 503, "text/plain", "down for maintenance");
        polls.pollVendor("opsco");

        JsonPath sources = sources();
        assertThat(sources.getString("checks[0].name")).isEqualTo("sources");
        assertThat(sources.getLong("checks[0].data.failing")).isEqualTo(failingBefore + 1);
        assertThat(sources.getLong("checks[0].data.enabled")).isGreaterThan(sources.getLong("checks[0].data.failing"));
        // Some sources answer, so the group is UP; a failing vendor never reaches the probes Kubernetes acts on.
        assertThat(sources.getString("status")).isEqualTo("UP");
        for (String probe : new String[] {"/q/health", "/q/health/live", "/q/health/ready"}) {
            assertThat(given().get(probe)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("checks.name", String.class))
                    .as(probe)
                    .doesNotContain("sources");
        }
        server.serve("/opsco/api/v2/incidents.json", 200, JSON, StatuspageIncidents.oneOpenIncident("Queue delays"));
        polls.pollVendor("opsco");
        assertThat(sources().getLong("checks[0].data.failing")).isEqualTo(failingBefore);
    }

    @Test
    void pollsFetchesNotModifiedAnswersMergesAndOpenIncidentsAreScraped() {
        VendorServer server = VendorServerResource.server();
        server.serve("/opsco/api/v2/incidents.json", 200, JSON, StatuspageIncidents.oneOpenIncident("Queue delays"))
                .serve("/opsco/api/v2/scheduled-maintenances.json", 200, JSON, "{\"scheduled_maintenances\":[]}");
        polls.pollVendor("opsco");
        String before = metrics();

        polls.pollVendor("opsco"); // unchanged: both documents answer 304
        String after = metrics();

        assertThat(value(after, "incidex_polls_total", "outcome=\"ok\"")
                        - value(before, "incidex_polls_total", "outcome=\"ok\""))
                .isEqualTo(1);
        assertThat(value(after, "incidex_fetches_total", "outcome=\"not_modified\"")
                        - value(before, "incidex_fetches_total", "outcome=\"not_modified\""))
                .isEqualTo(2);
        assertThat(value(after, "incidex_fetch_seconds_count", "outcome=\"not_modified\"")
                        - value(before, "incidex_fetch_seconds_count", "outcome=\"not_modified\""))
                .isEqualTo(2);
        assertThat(value(after, "incidex_fetch_bytes_sum", "")).isPositive();
        assertThat(value(after, "incidex_merge_seconds_count", "")).isPositive();
        assertThat(value(after, "incidex_incidents_open", "")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "incidex_leases_claimed_total", "") - value(before, "incidex_leases_claimed_total", ""))
                .isEqualTo(1);
        // The poll is over: nothing claimed, waiting for a fetch slot or for a merge thread.
        for (String queue : List.of("incidex_poll_in_flight", "incidex_poll_fetch_queue", "incidex_poll_merge_queue")) {
            assertThat(after).as(queue).containsPattern("(?m)^" + queue + " ");
            assertThat(value(after, queue, "")).as(queue).isZero();
        }
        assertThat(after).containsPattern("(?m)^incidex_leases_lost_total ");
    }

    private static JsonPath sources() {
        // The group answers 503 when DOWN; this test only ever sees it UP.
        return given().get("/q/health/group/sources")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample of {@code name} whose labels contain {@code label} (Prometheus text format), 0 when absent. */
    private static double value(String scrape, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? (\\S+)$").matcher(scrape);
        while (m.find()) {
            if (label.isEmpty() || (m.group(1) != null && m.group(1).contains(label))) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }
}
