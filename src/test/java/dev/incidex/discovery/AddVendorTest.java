package dev.incidex.discovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.incidex.catalog.Catalog;
import dev.incidex.catalog.CatalogSync;
import dev.incidex.catalog.CatalogVendor;
import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.testing.AllowPrivateAddresses;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Adding vendors over the API and the form, end to end: discovery, storage, the immediate poll, the
 * Statuspage history backfill, duplicates, bad URLs, and the catalog sync leaving added vendors alone.
 */
@QuarkusTest
@TestProfile(AllowPrivateAddresses.class)
@WithTestResource(VendorServerResource.class)
class AddVendorTest {

    static final String INCIDENTS = """
            {"page":{"id":"q1q1q1q1q1q1","name":"Quill","url":"%s","time_zone":"Etc/UTC"},
             "incidents":[{"id":"abc123def456","name":"API errors","status":"resolved","impact":"major",
               "created_at":"2024-05-01T10:00:05.000Z","updated_at":"2024-05-01T11:30:12.000Z",
               "started_at":"2024-05-01T10:00:05.000Z","resolved_at":"2024-05-01T11:30:12.000Z","shortlink":null,
               "incident_updates":[
                 {"id":"u2","status":"resolved","body":"This incident has been resolved.","incident_id":"abc123def456",
                  "created_at":"2024-05-01T11:30:12.000Z","updated_at":"2024-05-01T11:30:12.000Z","display_at":"2024-05-01T11:30:12.000Z"},
                 {"id":"u1","status":"investigating","body":"We are looking into it.","incident_id":"abc123def456",
                  "created_at":"2024-05-01T10:00:05.000Z","updated_at":"2024-05-01T10:00:05.000Z","display_at":"2024-05-01T10:00:05.000Z"}],
               "components":[]}]}
            """;

    @Inject
    CatalogSync sync;

    VendorServer server() {
        return VendorServerResource.server();
    }

    void serveQuill() {
        String base = server().baseUrl() + "/quill";
        server().serve(
                        "/quill/api/v2/summary.json",
                        200,
                        "application/json",
                        "{\"page\":{\"id\":\"q1q1q1q1q1q1\",\"name\":\"Quill\",\"url\":\"" + base
                                + "\",\"time_zone\":\"Etc/UTC\"},"
                                + "\"status\":{\"indicator\":\"none\",\"description\":\"All Systems Operational\"}}")
                .serve("/quill/api/v2/incidents.json", 200, "application/json", INCIDENTS.formatted(base))
                .serve(
                        "/quill/api/v2/scheduled-maintenances.json",
                        200,
                        "application/json",
                        "{\"scheduled_maintenances\":[]}")
                .serveFixture("/quill/history", "statuspage-history-page1.html", "text/html")
                .serveFixture("/quill/history?page=2", "statuspage-history-page2.html", "text/html")
                .serveFixture("/quill/incidents/abc123def456", "statuspage-incident-abc123def456.html", "text/html")
                .serveFixture("/quill/incidents/older1abcd23", "statuspage-incident-older1abcd23.html", "text/html")
                .serveFixture("/quill/incidents/maint9xyz876", "statuspage-incident-maint9xyz876.html", "text/html");
    }

    @Test
    void addAStatuspageByUrlPollsItAndImportsItsHistoryWithoutDuplicates() {
        serveQuill();
        String url = server().baseUrl() + "/quill";
        given().contentType(ContentType.JSON)
                .body(Map.of("url", url + "/"))
                .post("/api/vendors")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/vendors/quill"))
                .body("slug", equalTo("quill"))
                .body("name", equalTo("Quill"))
                .body("sources", hasSize(1))
                .body("sources[0].kind", equalTo("statuspage"))
                .body("sources[0].url", equalTo(url))
                .body("sources[0].health", equalTo("ok"))
                .body("state", equalTo("operational"));

        // The JSON's incident and the history page's copy of it are one incident; two more come from the history alone,
        // which the poller imports in the background after the first poll.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> given().get("/api/vendors/quill/incidents")
                        .then()
                        .statusCode(200)
                        .body("incidents", hasSize(3))
                        .body("incidents.title", hasItem("API errors"))
                        .body("incidents.title", hasItem("Delayed email notifications"))
                        .body("incidents.title", hasItem("Database maintenance")));
        int apiErrors = given().get("/api/vendors/quill/incidents")
                .then()
                .extract()
                .path("incidents.find { it.title == 'API errors' }.id");
        given().get("/api/incidents/" + apiErrors)
                .then()
                .statusCode(200)
                .body("updates", hasSize(2))
                .body("startedAt", equalTo("2024-05-01T10:00:05Z")) // the API's exact time, not the page's minute
                .body("durationSeconds", equalTo(5407));
        given().get("/api/vendors/quill/incidents")
                .then()
                .body("incidents.find { it.title == 'Delayed email notifications' }.durationSeconds", equalTo(7860))
                .body("incidents.find { it.title == 'Delayed email notifications' }.impact", equalTo("minor"));

        given().get("/vendors/quill")
                .then()
                .statusCode(200)
                .body(containsString("API errors"))
                .body(containsString("Delayed email notifications"));
        assertThat(server().hits("/quill/history")).hasSizeGreaterThanOrEqualTo(2);

        // The same page again, however spelled, is a conflict naming the vendor that has it.
        given().contentType(ContentType.JSON)
                .body(Map.of("url", url))
                .post("/api/vendors")
                .then()
                .statusCode(409)
                .body("existingVendor", equalTo("quill"))
                .body("error", containsString("already has"));

        // A restart's catalog sync changes nothing of an added vendor.
        sync.apply(sync.load());
        assertUserVendorUntouched("quill", "Quill");
    }

    @Test
    void theCatalogNeverTakesOverOrRetiresAnAddedVendor() {
        server().serveFixture("/taken/feed.atom", "statuspage-inky-history.atom", "application/atom+xml");
        String slug = given().contentType(ContentType.JSON)
                .body(Map.of("url", server().baseUrl() + "/taken/feed.atom"))
                .post("/api/vendors")
                .then()
                .statusCode(201)
                .extract()
                .path("slug");
        String name = given().get("/api/vendors/" + slug).then().extract().path("name");
        try {
            // A catalog that lists a vendor under the same slug, and leaves out every other vendor.
            sync.apply(new Catalog(
                    "test", List.of(new CatalogVendor(slug, "Catalog Takeover", null, List.of(), List.of()))));
            assertUserVendorUntouched(slug, name);
        } finally {
            sync.apply(sync.load());
        }
        assertUserVendorUntouched(slug, name);
    }

    private static void assertUserVendorUntouched(String slug, String name) {
        QuarkusTransaction.requiringNew().run(() -> {
            Vendor v = Vendor.findBySlug(slug).orElseThrow();
            assertThat(v.origin).isEqualTo(Vendor.ORIGIN_USER);
            assertThat(v.name).isEqualTo(name);
            assertThat(v.sources).isNotEmpty().allMatch(s -> s.enabled);
        });
    }

    @Test
    void theFormAddsAFeedAndRedirectsToTheVendorsPage() {
        server().serveFixture("/formfeed/history.rss", "statuspage-inky-history.rss", "application/rss+xml");
        String location = given().redirects()
                .follow(false)
                .contentType(ContentType.URLENC)
                .formParam("url", server().baseUrl() + "/formfeed/history.rss")
                .post("/vendors")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String slug = location.substring(location.lastIndexOf('/') + 1);
        given().get("/vendors/" + slug).then().statusCode(200);
        given().get("/vendors")
                .then()
                .statusCode(200)
                .body(containsString("href=\"/vendors/" + slug + "\""))
                .body(containsString("<form method=\"post\" action=\"/vendors\""));
        QuarkusTransaction.requiringNew().run(() -> {
            Source s = Vendor.findBySlug(slug).orElseThrow().sources.get(0);
            assertThat(s.kind).isEqualTo("rss");
            assertThat(s.lastSuccessAt).as("polled at once").isNotNull();
        });
    }

    @Test
    void theFormShowsWhatWasWrong() {
        given().contentType(ContentType.URLENC)
                .formParam("url", "ftp://files.example.com/")
                .post("/vendors")
                .then()
                .statusCode(400)
                .body(containsString("only http and https"))
                .body(containsString("value=\"ftp://files.example.com/\""));
    }

    @Test
    void badRequestsAre4xxWithAMessage() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/vendors")
                .then()
                .statusCode(400)
                .body("error", containsString("url"));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "not a url at all"))
                .post("/api/vendors")
                .then()
                .statusCode(400)
                .body("error", containsString("not a URL"));
        given().contentType(ContentType.JSON)
                .body(Map.of("url", "https://user:secret@status.example.com"))
                .post("/api/vendors")
                .then()
                .statusCode(400)
                .body("error", containsString("user name or password"));
        server().serve("/nothing-here", 200, "text/html", "<html><title>Blog</title></html>");
        given().contentType(ContentType.JSON)
                .body(Map.of("url", server().baseUrl() + "/nothing-here"))
                .post("/api/vendors")
                .then()
                .statusCode(422)
                .body("status", equalTo(422))
                .body("error", containsString("no status page found"));
    }
}
