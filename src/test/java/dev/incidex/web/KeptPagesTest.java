package dev.incidex.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.KeptPages;
import dev.incidex.catalog.Catalog;
import dev.incidex.catalog.CatalogSync;
import dev.incidex.catalog.CatalogVendor;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET pages and the vendor list are rendered once and reused until what they show changes: a merge, a poll, a
 * catalog change, another reader's zone or other parameters each get a page of their own.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class KeptPagesTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    TestPolls polls;

    @Inject
    KeptPages kept;

    @Inject
    CatalogSync sync;

    @BeforeEach
    void serveAndPoll() {
        serve(new GeneratedHistory("kp", "KeptCo", 6, 1, NOW.minus(Duration.ofHours(1)), Duration.ofDays(2)));
    }

    private void serve(GeneratedHistory history) {
        VendorServerResource.server()
                .serve("/keptco/api/v2/incidents.json", 200, "application/json", history.incidentsJson());
        assertThat(polls.pollVendor("keptco").failed()).isZero();
    }

    private static ExtractableResponse<Response> get(String path) {
        return given().get(path).then().statusCode(200).extract();
    }

    /** Runs {@code twice} and counts renders; again when a minute turned in between (the minute is in the key). */
    private long rendersOf(Supplier<Object> twice) {
        for (int attempt = 0; ; attempt++) {
            Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            long before = kept.renders();
            twice.get();
            long renders = kept.renders() - before;
            if (attempt == 2 || minute.equals(Instant.now().truncatedTo(ChronoUnit.MINUTES))) {
                return renders;
            }
        }
    }

    @Test
    void aSecondRequestIsServedFromTheKeptPageAndAConditionalGetIsAnswered304() {
        for (String path : new String[] {"/vendors/keptco", "/", "/api/vendors?limit=500", incidentPath()}) {
            String[] etags = new String[2];
            long renders = rendersOf(() -> {
                ExtractableResponse<Response> first = get(path);
                ExtractableResponse<Response> second = get(path);
                assertThat(second.asString()).isEqualTo(first.asString());
                etags[0] = first.header("ETag");
                etags[1] = second.header("ETag");
                return null;
            });
            assertThat(renders).as(path + " is rendered once for two requests").isLessThanOrEqualTo(1);
            assertThat(etags[1]).as(path).isNotBlank().isEqualTo(etags[0]);
            given().header("If-None-Match", etags[0]).get(path).then().statusCode(304);
        }
        // A kept incident page is found before the incident is read: under another vendor's slug it is still a 404,
        // under another spelling of its own still a redirect, however often it was kept.
        String incident = incidentPath();
        get(incident);
        given().get(incident.replace("/vendors/keptco/", "/vendors/somebody-else/"))
                .then()
                .statusCode(404);
        given().redirects()
                .follow(false)
                .get(incident.replace("/vendors/keptco/", "/vendors/KeptCo/"))
                .then()
                .statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith(incident));
        get("/vendors/keptco");
        given().redirects()
                .follow(false)
                .get("/vendors/KEPTCO")
                .then()
                .statusCode(301)
                .header("Location", org.hamcrest.Matchers.endsWith("/vendors/keptco"));
        given().get("/vendors/keptco-nobody").then().statusCode(404);
    }

    @Test
    void aMergeThatChangesTheVendorsIncidentsShowsOnTheNextRequest() {
        String incident = incidentPath();
        String openPage = get(incident).asString();
        assertThat(get("/vendors/keptco").asString()).doesNotContain("API delays #6");
        assertThat(ongoingOnFront()).contains("API errors #0");
        try {
            // One more (older) incident, and the open one resolved: a real poll and merge.
            serve(new GeneratedHistory("kp", "KeptCo", 7, 0, NOW.minus(Duration.ofHours(1)), Duration.ofDays(2)));
            assertThat(get("/vendors/keptco").asString()).contains("API delays #6");
            assertThat(ongoingOnFront()).doesNotContain("API errors #0");
            assertThat(get(incident).asString()).isNotEqualTo(openPage);
        } finally {
            serveAndPoll();
        }
    }

    private static java.util.List<String> ongoingOnFront() {
        // FrontAndSearchTest's vendor has incidents of the same titles.
        return org.jsoup.Jsoup.parse(get("/").asString()).select("ul.ongoing .incident-row").stream()
                .filter(r -> r.select("a.vendor").text().equals("KeptCo"))
                .map(r -> r.select("a.title").text())
                .toList();
    }

    @Test
    void otherZonesAndParametersGetPagesOfTheirOwn() {
        String utc = get("/vendors/keptco").asString();
        String tokyo = given().cookie("tz", "Asia/Tokyo")
                .get("/vendors/keptco")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String berlin = given().cookie("tz", "Europe/Berlin")
                .get("/vendors/keptco")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(tokyo).contains("value=\"Asia/Tokyo\" selected").isNotEqualTo(utc);
        assertThat(berlin).contains("value=\"Europe/Berlin\" selected").isNotEqualTo(tokyo);
        assertThat(get("/vendors/keptco").asString()).isEqualTo(utc);

        String major = get("/vendors/keptco?impact=major").asString();
        assertThat(major).contains("Webhooks delays #2").doesNotContain("Dashboard slowness #1");
        assertThat(utc).contains("Dashboard slowness #1");
        assertThat(utc).contains("API errors #0");
        assertThat(get("/api/vendors?limit=1").header("Link")).contains("cursor=");
        assertThat(get("/api/vendors?limit=2").asString())
                .isNotEqualTo(get("/api/vendors?limit=1").asString());
    }

    @Test
    void aRenamedVendorShowsOnEveryPage() {
        get("/vendors/keptco");
        get("/");
        get("/api/vendors?limit=500");
        get(incidentPath());
        Catalog catalog = sync.load();
        try {
            sync.apply(withKeptCo(
                    catalog,
                    v -> new CatalogVendor(
                            v.slug(), "KeptCo Renamed", v.site(), v.dependsOn(), v.sources(), v.checked())));
            assertThat(get("/vendors/keptco").asString()).contains("KeptCo Renamed");
            assertThat(get("/").asString()).contains("KeptCo Renamed");
            assertThat(get("/api/vendors?limit=500").asString()).contains("KeptCo Renamed");
            assertThat(get(incidentPath()).asString()).contains("KeptCo Renamed");
        } finally {
            sync.apply(catalog);
        }
        assertThat(get("/vendors/keptco").asString()).doesNotContain("KeptCo Renamed");
        assertThat(get("/").asString()).doesNotContain("KeptCo Renamed");
    }

    /**
     * A vendor whose URL the catalog changes keeps its old source, retired and listed after the new one, with the
     * incidents it brought; the new source is not known to work until it answers.
     */
    @Test
    void aSourceTheCatalogMovedIsRetiredAndListedLast() {
        Catalog catalog = sync.load();
        try {
            sync.apply(withKeptCo(
                    catalog,
                    v -> new CatalogVendor(
                            v.slug(),
                            v.name(),
                            v.site(),
                            v.dependsOn(),
                            v.sources().stream()
                                    .map(src -> new dev.incidex.catalog.CatalogSource(
                                            src.kind(),
                                            java.net.URI.create(src.url() + "?moved"),
                                            src.incidentIdPattern(),
                                            src.timeZone(),
                                            src.label()))
                                    .toList(),
                            v.checked())));
            org.jsoup.nodes.Document page =
                    org.jsoup.Jsoup.parse(get("/vendors/keptco").asString());
            // (Earlier starts of the app in this JVM, on other ports, may have left more retired sources.)
            List<String> health = page.select("tr.source .health").eachText();
            assertThat(health.get(0)).isEqualTo("unknown");
            assertThat(health.subList(1, health.size())).isNotEmpty().containsOnly("retired");
            assertThat(page.select("tr.source .url a").first().attr("href")).endsWith("?moved");
            assertThat(page.select("a[href^=/vendors/keptco/incidents/]")).isNotEmpty();
            given().get("/api/vendors/keptco")
                    .then()
                    .statusCode(200)
                    .body("sources[0].health", org.hamcrest.Matchers.equalTo("unknown"))
                    .body("sources[1].health", org.hamcrest.Matchers.equalTo("retired"));
        } finally {
            sync.apply(catalog);
        }
        List<String> health = org.jsoup.Jsoup.parse(get("/vendors/keptco").asString())
                .select("tr.source .health")
                .eachText();
        assertThat(health.get(0)).isEqualTo("ok");
        assertThat(health.subList(1, health.size())).isNotEmpty().containsOnly("retired");
    }

    /** The catalog with keptco's entry changed by {@code change}. */
    private static Catalog withKeptCo(Catalog catalog, java.util.function.UnaryOperator<CatalogVendor> change) {
        return new Catalog(
                catalog.origin(),
                catalog.vendors().stream()
                        .map(v -> v.slug().equals("keptco") ? change.apply(v) : v)
                        .toList(),
                catalog.waiting());
    }

    /** The page of the open incident (the newest). */
    private static String incidentPath() {
        String href = org.jsoup.Jsoup.parse(get("/vendors/keptco").asString())
                .select("a[href^=/vendors/keptco/incidents/]")
                .first()
                .attr("href");
        return href;
    }
}
