package dev.incidex.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's API points: vendors paged like incidents, lists without {@code "updates": null}, slugs in any
 * case, one name for impact on pages and in JSON, the vendor's own incident id as a searchable field, and
 * JSON 404s for paths no endpoint answers.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class ApiPolishTest {

    @Inject
    TestPolls polls;

    @BeforeEach
    void polishco() {
        String incidents = new StatuspageIncidents()
                .add(new StatuspageIncidents.Spec(
                        "pq7wz3k1r9h2m",
                        "Informational update for users of Office 365",
                        "none",
                        "resolved",
                        Instant.parse("2023-03-29T14:04:37Z"),
                        Instant.parse("2023-03-30T12:12:05Z"),
                        List.of(),
                        List.of("We are monitoring incident DZ534539.", "This incident has been resolved.")))
                .json();
        VendorServerResource.server()
                .serve("/polishco/api/v2/incidents.json", 200, "application/json", incidents)
                .serve(
                        "/polishco/api/v2/scheduled-maintenances.json",
                        200,
                        "application/json",
                        "{\"scheduled_maintenances\":[]}");
        assertThat(polls.pollVendor("polishco").failed()).isZero();
    }

    @Test
    void vendorsArePagedLikeIncidentsByTheNextLinkWithoutSkipsOrRepeats() {
        List<String> slugs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String url = "/api/vendors?limit=7";
        int pages = 0;
        while (url != null) {
            Response page = given().urlEncodingEnabled(false).get(url);
            page.then().statusCode(200);
            JsonPath json = page.jsonPath();
            List<Map<String, Object>> vendors = json.getList("vendors");
            assertThat(vendors).hasSizeLessThanOrEqualTo(7);
            vendors.forEach(v -> {
                slugs.add((String) v.get("slug"));
                names.add(((String) v.get("name")).toLowerCase(Locale.ROOT));
            });
            String next = json.getString("next");
            if (next != null) {
                assertThat(page.getHeader("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
                url = next.substring(next.indexOf("/api/"));
            } else {
                assertThat(page.getHeader("Link")).isNull();
                url = null;
            }
            pages++;
        }
        assertThat(pages).isGreaterThan(3);
        assertThat(slugs).doesNotHaveDuplicates().contains("polishco", "apico");
        assertThat(names).isSortedAccordingTo(Comparator.naturalOrder());
        List<Object> all = given().get("/api/vendors?limit=500").jsonPath().getList("vendors.slug");
        assertThat(slugs)
                .containsExactlyElementsOf(all.stream().map(String.class::cast).toList());

        given().get("/api/vendors")
                .then()
                .statusCode(200)
                .body("vendors.find { it.slug == 'polishco' }.name", equalTo("Polish Co"))
                .body("vendors.find { it.slug == 'polishco' }.sources[0].health", equalTo("ok"));
        given().get("/api/vendors?cursor=bm9wZQ").then().statusCode(400).body("error", containsString("cursor"));
        given().get("/api/vendors?limit=0").then().statusCode(400).body("error", containsString("limit"));
        given().get("/api/vendors?page=2").then().statusCode(400).body("error", containsString("page"));
    }

    @Test
    void listsLeaveUpdatesOutAndOneIncidentHasThemWithTheVendorsOwnId() {
        String list = given().get("/api/vendors/polishco/incidents")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list).doesNotContain("\"updates\"");
        given().get("/api/vendors/polishco/incidents")
                .then()
                .body("incidents[0]", not(hasKey("updates")))
                .body("incidents[0].vendorIncidentId", equalTo("pq7wz3k1r9h2m"))
                .body("incidents[0].imported", equalTo(true));
        int id = given().get("/api/vendors/polishco/incidents").jsonPath().getInt("incidents[0].id");
        given().get("/api/incidents/" + id)
                .then()
                .statusCode(200)
                .body("updates.text", hasItem("This incident has been resolved."))
                .body("vendorIncidentId", equalTo("pq7wz3k1r9h2m"));
        // The vendor's own id is searchable, in any case, though no text quotes it.
        given().get("/api/search?q=PQ7WZ3K1R9H2M").then().statusCode(200).body("incidents.id", hasItem(id));
        given().get("/api/search?q=DZ534539").then().statusCode(200).body("incidents.id", hasItem(id));
    }

    @Test
    void impactIsNamedAsThePagesNameIt() {
        JsonPath list = given().get("/api/vendors/polishco/incidents").jsonPath();
        assertThat(list.getString("incidents[0].impact")).isEqualTo("notice");
        int id = list.getInt("incidents[0].id");
        String page = given().get("/vendors/polishco/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String badge = org.jsoup.Jsoup.parse(page).selectFirst(".badges .badge").text();
        assertThat(badge.toLowerCase(Locale.ROOT)).isEqualTo(list.getString("incidents[0].impact"));
        // Both the page's word and Statuspage's "none" filter the same incidents.
        assertThat(given().get("/api/vendors/polishco/incidents?impact=notice")
                        .jsonPath()
                        .getList("incidents.id"))
                .containsExactly(id)
                .isEqualTo(given().get("/api/vendors/polishco/incidents?impact=none")
                        .jsonPath()
                        .getList("incidents.id"));
        assertThat(given().get("/api/vendors/polishco/incidents.csv").asString())
                .contains(",notice,");
    }

    @Test
    void slugsMatchInAnyCase() {
        given().get("/api/vendors/POLISHCO").then().statusCode(200).body("slug", equalTo("polishco"));
        given().get("/api/vendors/PolishCo/incidents")
                .then()
                .statusCode(200)
                .body("incidents[0].vendor", equalTo("polishco"));
        given().get("/api/vendors/PolishCo/incidents.csv").then().statusCode(200);
        int id = given().get("/api/vendors/polishco/incidents").jsonPath().getInt("incidents[0].id");

        given().redirects()
                .follow(false)
                .get("/vendors/PolishCo?impact=notice")
                .then()
                .statusCode(301)
                .header("Location", containsString("/vendors/polishco?impact=notice"));
        given().redirects()
                .follow(false)
                .get("/vendors/POLISHCO/incidents/" + id)
                .then()
                .statusCode(301)
                .header("Location", containsString("/vendors/polishco/incidents/" + id));
        given().get("/vendors/PolishCo").then().statusCode(200).body(containsString("Polish Co"));
        given().get("/vendors/PolishCo/feed.atom").then().statusCode(200).body(containsString("Polish Co"));
        given().get("/vendors/PolishCo/incidents/" + id + "/feed.rss")
                .then()
                .statusCode(200)
                .body(containsString("/vendors/polishco/incidents/" + id));
        given().get("/feeds/incidents.rss?vendor=PolishCo")
                .then()
                .statusCode(200)
                .body(containsString("Polish Co"));
    }

    @Test
    void unknownApiPathsAnswerJsonNamingTheEntryPoints() {
        for (String path : List.of("/api/nope", "/api/vendors/polishco/y/z", "/api")) {
            given().get(path)
                    .then()
                    .statusCode(404)
                    .contentType(containsString("json"))
                    .body("status", equalTo(404))
                    .body("error", containsString("/api/vendors"))
                    .body("error", containsString("/q/openapi"))
                    .body("error", not(containsString("Unable to find")))
                    .body("openapi", containsString("/q/openapi"));
        }
        // The API's own 404 still names what was missing.
        given().get("/api/vendors/no-such-vendor")
                .then()
                .statusCode(404)
                .body("error", containsString("no-such-vendor"));
    }
}
