package dev.incidex;

import static dev.incidex.testing.ReplicaDatabases.count;
import static dev.incidex.testing.ReplicaDatabases.onReplica;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.incidex.testing.OnPostgres;
import dev.incidex.testing.ReplicaDatabases;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * With a read replica configured (datasource "read"), pages, feeds and the API read from it while polling writes
 * to the primary; a client that has just written, and watchlist pages, read the primary. The replica is a second
 * schema on the local PostgreSQL that the test fills from the primary ({@link ReplicaDatabases#replicate()}) and
 * then changes, so every answer shows which of the two it was read from.
 */
@QuarkusTest
@Tag("postgresql")
@TestProfile(OnPostgres.class)
@WithTestResource(VendorServerResource.class)
@WithTestResource(ReplicaDatabases.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaOnPostgresTest {

    static final String OF_VENDOR = " i join vendor v on v.id = i.vendor_id where v.slug = 'replicaco'";

    @Inject
    TestPolls polls;

    static StatuspageIncidents.Spec latency() {
        return new StatuspageIncidents.Spec(
                "rep1latency",
                "API latency",
                "major",
                "investigating",
                Instant.parse("2024-05-01T10:00:00Z"),
                null,
                List.of(),
                List.of("We are looking into it."));
    }

    /** Polled into the primary, copied to the replica, then the replica's title changed behind the app's back. */
    private void replicaSaysSomethingElse() {
        new StatuspageIncidents().add(latency()).serveAs("replicaco");
        polls.pollVendor("replicaco");
        ReplicaDatabases.replicate();
        onReplica("update incident set title = 'Seen on the replica' where title = 'API latency'");
    }

    /** First: it begins with no incident anywhere. */
    @Test
    @Order(1)
    void pagesFeedsAndTheApiReadTheReplicaWhilePollingWritesThePrimary() {
        // The replica as it stood at start-up: the catalog's vendors, no incident yet.
        ReplicaDatabases.replicate();
        new StatuspageIncidents().add(latency()).serveAs("replicaco");
        polls.pollVendor("replicaco");
        // Polled into the primary; the replica has not caught up, and readers see what it holds.
        assertThat(count("primary", "select count(*) from incident" + OF_VENDOR))
                .isEqualTo(1);
        given().get("/api/vendors/replicaco/incidents").then().statusCode(200).body("incidents", hasSize(0));
        given().get("/api/vendors/replicaco").then().statusCode(200).body("state", not(equalTo("ongoing")));

        ReplicaDatabases.replicate();
        onReplica("update incident set title = 'Seen on the replica' where title = 'API latency'");

        int id = given().get("/api/vendors/replicaco/incidents")
                .then()
                .statusCode(200)
                .body("incidents", hasSize(1))
                .body("incidents[0].title", equalTo("Seen on the replica"))
                .extract()
                .path("incidents[0].id");
        given().get("/api/incidents/" + id).then().statusCode(200).body("title", equalTo("Seen on the replica"));
        given().get("/api/vendors/replicaco").then().statusCode(200).body("state", equalTo("ongoing"));
        String onReplica = "Seen on the replica";
        for (String page : List.of(
                "/",
                "/vendors/replicaco",
                "/vendors/replicaco/incidents/" + id,
                "/search?q=latency",
                "/vendors/replicaco/feed.rss",
                "/vendors/replicaco/incidents/" + id + "/feed.atom",
                "/feeds/incidents.atom?vendor=replicaco")) {
            String body = given().get(page).then().statusCode(200).extract().asString();
            assertThat(body).as(page).contains(onReplica).doesNotContain("API latency");
        }

        // Polling writes the primary, never the replica: a new incident is there only.
        new StatuspageIncidents()
                .add(latency())
                .add(new StatuspageIncidents.Spec(
                        "rep2login",
                        "Login errors",
                        "minor",
                        "identified",
                        Instant.parse("2024-05-02T10:00:00Z"),
                        null,
                        List.of(),
                        List.of("Some logins fail.")))
                .serveAs("replicaco");
        polls.pollVendor("replicaco");
        assertThat(count("primary", "select count(*) from incident" + OF_VENDOR))
                .isEqualTo(2);
        assertThat(count("read", "select count(*) from incident" + OF_VENDOR)).isEqualTo(1);
        given().get("/api/vendors/replicaco/incidents").then().statusCode(200).body("incidents", hasSize(1));

        // Once the replica catches up, readers see what polling wrote.
        ReplicaDatabases.replicate();
        given().get("/api/vendors/replicaco/incidents")
                .then()
                .statusCode(200)
                .body("incidents.title", containsInAnyOrder("API latency", "Login errors"));
    }

    @Test
    @Order(2)
    void aClientThatHasJustWrittenReadsThePrimaryAndSoDoWatchlists() {
        replicaSaysSomethingElse();

        Response created = given().contentType(ContentType.URLENC)
                .redirects()
                .follow(false)
                .formParam("vendor", "replicaco")
                .post("/watchlists");
        created.then().statusCode(303);
        String wrote = created.getCookie(ReadReplica.WROTE_COOKIE);
        assertThat(wrote).as("the answer to a write marks the writer").isNotNull();
        // The watchlist is on the primary only; its page reads the primary, so its creator finds it at once.
        assertThat(count("read", "select count(*) from watchlist")).isZero();
        assertThat(count("primary", "select count(*) from watchlist")).isEqualTo(1);
        given().get(created.getHeader("Location")).then().statusCode(200).body(containsString("API latency"));

        // For a while, the writer's pages and API answers come from the primary too; a stranger's from the replica.
        given().cookie(ReadReplica.WROTE_COOKIE, wrote)
                .get("/vendors/replicaco")
                .then()
                .statusCode(200)
                .body(allOf(containsString("API latency"), not(containsString("Seen on the replica"))));
        given().cookie(ReadReplica.WROTE_COOKIE, wrote)
                .get("/api/vendors/replicaco/incidents")
                .then()
                .body("incidents.title", allOf(hasItem("API latency"), not(hasItem("Seen on the replica"))));
        given().get("/vendors/replicaco")
                .then()
                .statusCode(200)
                .body(allOf(containsString("Seen on the replica"), not(containsString("API latency"))));
        // A mark this server never gave (a year ahead) pins nobody to the primary.
        long forged = Instant.now().plusSeconds(365L * 24 * 3600).getEpochSecond();
        given().cookie(ReadReplica.WROTE_COOKIE, String.valueOf(forged))
                .get("/api/vendors/replicaco/incidents")
                .then()
                .body("incidents.title", allOf(hasItem("Seen on the replica"), not(hasItem("API latency"))));
    }
}
