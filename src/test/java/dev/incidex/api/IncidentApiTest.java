package dev.incidex.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The JSON API: vendors with their state, a vendor's history, one incident; bad requests get a 4xx with a message. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class IncidentApiTest {

    @Inject
    TestPolls polls;

    @Test
    void vendorsHistoryAndOneIncident() {
        VendorServerResource.server()
                .serve(
                        "/apico/api/v2/incidents.json",
                        200,
                        "application/json",
                        dev.incidex.testing.StatuspageIncidents.oneOpenIncident("API latency"))
                .serve(
                        "/apico/api/v2/scheduled-maintenances.json",
                        200,
                        "application/json",
                        "{\"scheduled_maintenances\":[]}");
        polls.pollVendor("apico");

        given().get("/api/vendors")
                .then()
                .statusCode(200)
                .body("vendors.slug", hasItem("apico"))
                .body("vendors.find { it.slug == 'apico' }.state", equalTo("ongoing"))
                .body("vendors.find { it.slug == 'apico' }.sources[0].health", equalTo("ok"));
        int id = given().get("/api/vendors/apico/incidents")
                .then()
                .statusCode(200)
                .body("incidents", hasSize(1))
                .body("next", equalTo(null))
                .body("incidents[0].title", equalTo("API latency"))
                .body("incidents[0].impact", equalTo("major"))
                .body("incidents[0].status", equalTo("investigating"))
                .body("incidents[0].resolvedAt", equalTo(null))
                .body("incidents[0].durationSeconds", equalTo(null))
                .body("incidents[0].pageUrl", containsString("/vendors/apico/incidents/"))
                .extract()
                .path("incidents[0].id");
        given().get("/api/incidents/" + id)
                .then()
                .statusCode(200)
                .body("updates", hasSize(1))
                .body("updates[0].text", equalTo("We are looking into it."));
    }

    @Test
    void badRequestsGetA4xxWithAMessage() {
        given().get("/api/vendors/no-such-vendor/incidents")
                .then()
                .statusCode(404)
                .body("error", containsString("no-such-vendor"));
        given().get("/api/incidents/999999999").then().statusCode(404).body("error", containsString("999999999"));
        given().get("/api/incidents/abc").then().statusCode(400).body("error", containsString("number"));
        given().get("/api/vendors/apico/incidents?limit=0")
                .then()
                .statusCode(400)
                .body("error", containsString("limit"));
        given().get("/api/vendors/apico/incidents?limit=lots")
                .then()
                .statusCode(400)
                .body("error", containsString("limit"));
        given().get("/api/nothing-here").then().statusCode(404).body("status", equalTo(404));
        given().get("/vendors/no-such-vendor").then().statusCode(404).body(containsString("not found"));
        given().get("/vendors/apico/incidents/abc").then().statusCode(404);
    }
}
