package dev.incidex.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.Incident;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Times read in UTC until the reader chooses a zone; the choice is a cookie and every time follows it. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class TimeZoneTest {

    private static String path;

    @Inject
    TestPolls polls;

    @BeforeEach
    void serveAndPoll() {
        if (path != null) {
            return;
        }
        VendorServerResource.server()
                .serveFixture("/zoneco/api/v2/incidents.json", "statuspage-inky-incidents.json", "application/json")
                .serveFixture(
                        "/zoneco/api/v2/scheduled-maintenances.json",
                        "statuspage-inky-scheduled-maintenances.json",
                        "application/json");
        polls.pollVendor("zoneco");
        long id = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("vendor.slug = 'zoneco' and maintenance = false")
                        .singleResult()
                        .id);
        path = "/vendors/zoneco/incidents/" + id;
    }

    @Test
    void utcByDefault() {
        Document page =
                Jsoup.parse(given().get(path).then().statusCode(200).extract().asString());
        assertThat(page.select("dl.facts > div:contains(Started) dd").text()).isEqualTo("Mar 29, 2023, 02:04 PM UTC");
        assertThat(page.select("ol.timeline > li time").eachText())
                .containsExactly(
                        "Mar 29, 2023, 02:04 PM UTC", "Mar 29, 2023, 07:06 PM UTC", "Mar 30, 2023, 12:12 PM UTC");
        assertThat(page.select("#tz-zone option[selected]").val()).isEqualTo("UTC");
    }

    @Test
    void aChosenZoneChangesEveryTimeOnThePage() {
        Document ny = Jsoup.parse(given().cookie("tz", "America/New_York")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(ny.select("dl.facts > div:contains(Started) dd").text()).isEqualTo("Mar 29, 2023, 10:04 AM EDT");
        assertThat(ny.select("dl.facts > div:contains(Resolved) dd").text()).isEqualTo("Mar 30, 2023, 08:12 AM EDT");
        assertThat(ny.select("ol.timeline > li time").eachText())
                .containsExactly(
                        "Mar 29, 2023, 10:04 AM EDT", "Mar 29, 2023, 03:06 PM EDT", "Mar 30, 2023, 08:12 AM EDT");
        assertThat(ny.select("#tz-zone option[selected]").val()).isEqualTo("America/New_York");
        assertThat(ny.select(".duration").text()).isEqualTo("22h 7m");

        Document tokyo = Jsoup.parse(given().cookie("tz", "Asia/Tokyo")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(tokyo.select("dl.facts > div:contains(Started) dd").text()).isEqualTo("Mar 29, 2023, 11:04 PM JST");
        assertThat(tokyo.select(".summary").text()).contains("on March 29, 2023");
        // A zone outside the footer's short list is still offered, selected.
        Document kathmandu = Jsoup.parse(given().cookie("tz", "Asia/Kathmandu")
                .get("/vendors/zoneco")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(kathmandu.select("#tz-zone option[selected]").val()).isEqualTo("Asia/Kathmandu");
    }

    @Test
    void aCookieThatIsNotAZoneReadsAsUtc() {
        for (String bad : new String[] {"Mars/Olympus", "+05:00", "../../etc"}) {
            Document page = Jsoup.parse(given().cookie("tz", bad)
                    .get(path)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(page.select("dl.facts > div:contains(Started) dd").text())
                    .isEqualTo("Mar 29, 2023, 02:04 PM UTC");
        }
    }

    @Test
    void choosingAZoneSetsAYearLongCookieAndGoesBack() {
        Response answer = given().redirects()
                .follow(false)
                .header("Referer", "http://localhost" + path + "?x=1")
                .formParam("zone", "Europe/Berlin")
                .post("/settings/timezone");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith(path + "?x=1");
        String setCookie = answer.header("Set-Cookie");
        assertThat(setCookie)
                .contains("tz=Europe/Berlin")
                .contains("Path=/")
                .contains("Max-Age=31536000")
                .containsIgnoringCase("SameSite=Lax");

        Response noReferer =
                given().redirects().follow(false).formParam("zone", "UTC").post("/settings/timezone");
        assertThat(noReferer.statusCode()).isEqualTo(303);
        assertThat(noReferer.header("Location")).endsWith("/");
    }

    @Test
    void anUnknownZoneIsA400() {
        String html = given().formParam("zone", "Mars/Olympus")
                .post("/settings/timezone")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertThat(Jsoup.parse(html).select(".problem").text()).contains("'Mars/Olympus' is not a time zone");
        given().formParam("zone", "").post("/settings/timezone").then().statusCode(400);
    }

    @Test
    void theSettingsPageOffersEveryZone() {
        Document page = Jsoup.parse(given().cookie("tz", "Europe/Berlin")
                .get("/settings")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select("#all-zones option").size()).isGreaterThan(400);
        assertThat(page.select("#all-zones option[selected]").val()).isEqualTo("Europe/Berlin");
    }
}
