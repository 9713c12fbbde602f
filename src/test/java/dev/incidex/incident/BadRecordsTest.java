package dev.incidex.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.catalog.Source;
import dev.incidex.model.IncidentStatus;
import dev.incidex.poll.PollReport;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.StatuspageIncidents.Spec;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * One malformed record never blocks its source: served by a local Statuspage, three good incidents
 * and one of each kind of bad record are polled through the real fetcher and merge. The good ones
 * are stored, each bad one is repaired or skipped, and the source shows what it had to do.
 * (Before: 3 good + 1 bad stored 0, on every poll.)
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class BadRecordsTest {

    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @Inject
    TestPolls polls;

    @Test
    void theGoodRecordsAreStoredAndEachBadOneIsRepairedOrSkippedWithAWarning() {
        String longKey = "k".repeat(300);
        String longTitle = "Very long title ".repeat(100);
        StatuspageIncidents served = new StatuspageIncidents()
                .add(spec("good-1", "Login failures", "investigating", T))
                .add(spec("unknown-status", "Queue stuck", "exploding", T.plusSeconds(60)))
                .add(spec("good-2", "Slow API", "identified", T.plusSeconds(120)))
                .add(spec(longKey, "An id too long for the column", "investigating", T.plusSeconds(180)))
                .add(spec("no-name", null, "investigating", T.plusSeconds(240)))
                .add(spec("long-title", longTitle, "investigating", T.plusSeconds(300)))
                .add(spec(
                        "far-future",
                        "Pinned to the top forever",
                        "investigating",
                        Instant.parse("2999-01-01T00:00:00Z")))
                .add(spec("good-3", "Webhooks delayed", "monitoring", T.plusSeconds(360)))
                .add(spec("bad-date", "A date no rule reads", "investigating", T.plusSeconds(420)));
        served.serveAs("badrecords");
        // The last record's dates become text no date reader takes.
        VendorServerResource.server()
                .serve(
                        "/badrecords/api/v2/incidents.json",
                        200,
                        "application/json",
                        served.json().replace("\"" + T.plusSeconds(420) + "\"", "\"the day before yesterday\""));

        PollReport first = polls.pollVendor("badrecords");

        assertThat(first.failed()).isZero();
        Map<String, Incident> stored = incidents();
        assertThat(stored.keySet())
                .contains("good-1", "good-2", "good-3", "unknown-status", "no-name", "long-title")
                .doesNotContain("far-future", "bad-date")
                .hasSize(7);
        Incident unknownStatus = stored.get("unknown-status");
        assertThat(unknownStatus.updates).singleElement().satisfies(u -> {
            assertThat(u.status).isEqualTo(IncidentStatus.INVESTIGATING);
            assertThat(u.vendorStatus).isEqualTo("exploding");
        });
        assertThat(stored.get("no-name").title).isEqualTo("We are looking into it.");
        assertThat(stored.get("long-title").title)
                .hasSizeLessThanOrEqualTo(1000)
                .startsWith("Very long title");
        String shortened = stored.keySet().stream()
                .filter(k -> k.startsWith("kkk"))
                .findFirst()
                .orElseThrow();
        assertThat(shortened).hasSizeLessThanOrEqualTo(200);

        Source source = polls.sources("badrecords").get(0);
        assertThat(source.health()).isEqualTo(Source.Health.OK);
        assertThat(source.lastWarning)
                .contains("'exploding' is not one Incidex knows")
                .contains("longer than 200 characters")
                .contains("has no title")
                .contains("longer than 1000 characters")
                .contains("and 4 more");
        given().get("/api/vendors/badrecords")
                .then()
                .statusCode(200)
                .body("sources[0].health", org.hamcrest.Matchers.equalTo("ok"))
                .body("sources[0].lastWarning", org.hamcrest.Matchers.containsString("exploding"));
        String page = given().get("/vendors/badrecords")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(Jsoup.parse(page).select("tr.source .warning").text())
                .contains("Read with repairs")
                .contains("exploding");

        // Polled again (the document changed, so it is read again): the repairs are stable, nothing is duplicated.
        new StatuspageIncidents()
                .add(spec("good-1", "Login failures", "resolved", T))
                .add(spec(longKey, "An id too long for the column", "investigating", T.plusSeconds(180)))
                .add(spec(
                        "far-future",
                        "Pinned to the top forever",
                        "investigating",
                        Instant.parse("2999-01-01T00:00:00Z")))
                .serveAs("badrecords");
        PollReport second = polls.pollVendor("badrecords");
        assertThat(second.merged().created()).isZero();
        assertThat(incidents()).hasSize(7);
        assertThat(polls.sources("badrecords").get(0).lastWarning)
                .contains("longer than 200")
                .contains("none of its dates is plausible")
                .doesNotContain("exploding");

        // A document read without repairs clears the warning.
        new StatuspageIncidents()
                .add(spec("good-1", "Login failures", "resolved", T))
                .serveAs("badrecords");
        polls.pollVendor("badrecords");
        assertThat(polls.sources("badrecords").get(0).lastWarning).isNull();
    }

    private static Spec spec(String key, String title, String status, Instant at) {
        return new Spec(key, title, "minor", status, at, null, List.of(), List.of("We are looking into it."));
    }

    private static Map<String, Incident> incidents() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>list("vendor.slug", "badrecords").stream()
                        .peek(i -> i.updates.size())
                        .collect(Collectors.toMap(i -> i.vendorKey, i -> i)));
    }
}
