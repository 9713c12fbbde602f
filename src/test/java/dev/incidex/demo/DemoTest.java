package dev.incidex.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidex.testing.TestDatabase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The offline demo as a user runs it, on a random port rather than 8080: the scheduler polls the
 * demo catalog, whose vendors are the recorded files Incidex serves itself, and INKY's incident
 * appears on its vendor page.
 */
@QuarkusTest
@TestProfile(DemoTest.Demo.class)
class DemoTest {

    /** The demo profile's settings, polling on, a database of its own in memory. */
    public static class Demo implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test,demo";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.ownDatabase("incidex-demo-test"));
            config.putAll(Map.of(
                    "incidex.poll.enabled",
                    "true",
                    "incidex.poll.first-delay",
                    "0s",
                    // The test profile's social APIs point at a test server this test has no use for.
                    "vendor-server.url",
                    "http://127.0.0.1:9"));
            return config;
        }
    }

    @TestHTTPResource("/")
    URL root;

    @Test
    void theDemoOnARandomPortShowsInkysIncident() {
        assertThat(root.getPort()).isNotEqualTo(8080);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(given().get("/api/vendors/inky/incidents")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                        .contains("Informational Update for Users of Office 365"));
        Document vendor = Jsoup.parse(
                given().get("/vendors/inky").then().statusCode(200).extract().asString());
        assertThat(vendor.text()).contains("Informational Update for Users of Office 365");
        String sources = given().get("/api/vendors/inky")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(sources).doesNotContain("failing");
    }
}
