package dev.incidex;

import static dev.incidex.testing.ReplicaDatabases.onReplica;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.incidex.testing.OnPostgres;
import dev.incidex.testing.ReplicaDatabases;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The replica's URL is set but {@code quarkus.datasource."read".active=false}: everything reads the primary, and a
 * write marks nobody. The replica holds a different title, so an answer read from it would show.
 */
@QuarkusTest
@Tag("postgresql")
@TestProfile(OnPostgres.class)
@WithTestResource(VendorServerResource.class)
@WithTestResource(value = ReplicaDatabases.class, initArgs = @ResourceArg(name = "replica", value = "inactive"))
class ReadReplicaInactiveOnPostgresTest {

    @Inject
    TestPolls polls;

    @Test
    void withTheReplicaInactiveEverythingReadsThePrimary() {
        new StatuspageIncidents().add(ReadReplicaOnPostgresTest.latency()).serveAs("replicaco");
        polls.pollVendor("replicaco");
        ReplicaDatabases.replicate();
        onReplica("update incident set title = 'Seen on the replica' where title = 'API latency'");

        int id = given().get("/api/vendors/replicaco/incidents")
                .then()
                .statusCode(200)
                .body("incidents[0].title", equalTo("API latency"))
                .extract()
                .path("incidents[0].id");
        for (String page : List.of(
                "/", "/vendors/replicaco", "/vendors/replicaco/incidents/" + id, "/vendors/replicaco/feed.rss")) {
            String body = given().get(page).then().statusCode(200).extract().asString();
            assertThat(body).as(page).contains("API latency").doesNotContain("Seen on the replica");
        }
        Response created = given().contentType(ContentType.URLENC)
                .redirects()
                .follow(false)
                .formParam("vendor", "replicaco")
                .post("/watchlists");
        created.then().statusCode(303);
        assertThat(created.getCookie(ReadReplica.WROTE_COOKIE)).isNull();
    }
}
