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
import java.util.List;
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
                .untilAsserted(() -> {
                    assertThat(given().get("/api/vendors/inky/incidents")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .asString())
                            .contains("Informational Update for Users of Office 365");
                    assertThat(given().get("/api/vendors/microsoft-365/incidents")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .asString())
                            .contains("DZ534539");
                });
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

    /** The seed's story in the seed's words: INKY's three updates, and Microsoft's DZ534539 posts as the article quotes them. */
    @Test
    void theIncidentPagesTellTheSeedsStoryInItsWords() {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/api/vendors/microsoft-365/incidents")
                                .jsonPath()
                                .getList("incidents")
                                .size()
                        == 1);
        Document inky = page("inky");
        assertThat(inky.select("h1").text()).isEqualTo("Informational Update for Users of Office 365");
        assertThat(inky.select(".badges .badge").eachText()).containsExactly("Notice", "Resolved");
        assertThat(fact(inky, "Started")).isEqualTo("Mar 29, 2023, 02:04 PM UTC");
        assertThat(fact(inky, "Resolved")).isEqualTo("Mar 30, 2023, 12:12 PM UTC");
        assertThat("Duration " + fact(inky, "Duration")).isEqualTo("Duration 22h 7m");
        assertThat(fact(inky, "Impact (vendor-stated)")).startsWith("10h 15m");
        assertThat(fact(inky, "Imported by Incidex")).startsWith("imported on");
        assertThat(fact(inky, "INKY's id")).isEqualTo("q7wz3k1r9h2m");
        List<String> updates = inky.select("ol.timeline > li .update-body").eachText();
        assertThat(updates).hasSize(3);
        assertThat(updates.get(0))
                .startsWith(
                        "We are monitoring incident DZ534539 as described on Twitter at"
                                + " https://twitter.com/MSFT365Status/status/1641048649525260289 Microsoft 365 Defender Incident ID"
                                + " DZ534539 Title: O365 Admins are receiving false alerts that malicious URLs have been clicked")
                .contains("the alert emails refer to 'A potentially malicious URL click was detected'")
                .endsWith("Scope of impact: Impact is specific to any O365 admin served through the affected O365"
                        + " infrastructure.");
        assertThat(updates.get(1))
                .startsWith("Microsoft is stating the service is restored and they are working on cleanup Microsoft has"
                        + " identified that the recent addition of multiple safe URLs to the SafeLinks feature")
                .contains("a large amount of them originated from URL clicks directing to Zoom.us domains");
        assertThat(updates.get(2)).isEqualTo("This incident has been resolved.");

        Document microsoft = page("microsoft-365");
        assertThat(microsoft.select("h1").text())
                .isEqualTo("Legitimate URL links are being incorrectly marked as malicious by the Microsoft Defender"
                        + " service");
        assertThat(fact(microsoft, "Microsoft 365's id")).isEqualTo("DZ534539");
        assertThat(fact(microsoft, "Duration")).isEqualTo("6h 43m");
        assertThat(microsoft.select("ol.timeline > li .update-body").eachText())
                .satisfiesExactly(
                        first -> assertThat(first)
                                .startsWith("We're investigating an issue where legitimate URL links are being"
                                        + " incorrectly marked as malicious by the Microsoft Defender service."
                                        + " Additionally, some of the alerts are not showing content as expected."),
                        second -> assertThat(second)
                                .startsWith("Users are still able to access the legitimate URLs despite the false"
                                        + " positive alerts."),
                        third -> assertThat(third)
                                .startsWith("We determined that recent additions to the SafeLinks feature resulted in"
                                        + " the false alerts and we subsequently reverted these additions to fix the"
                                        + " issue."));

        // Searching for Microsoft's id finds both vendors' incidents.
        Document search = Jsoup.parse(given().get("/search?q=DZ534539")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(search.text())
                .contains("Informational Update for Users of Office 365")
                .contains("Legitimate URL links are being incorrectly marked as malicious");
    }

    private static Document page(String slug) {
        String path =
                given().get("/api/vendors/" + slug + "/incidents").jsonPath().getString("incidents[0].pageUrl");
        return Jsoup.parse(given().get(java.net.URI.create(path).getPath())
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static String fact(Document page, String label) {
        return page.select("dl.facts > div").stream()
                .filter(d -> d.select("dt").text().equals(label))
                .map(d -> d.select("dd").text())
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no fact " + label + " in " + page.select("dl.facts").text()));
    }
}
