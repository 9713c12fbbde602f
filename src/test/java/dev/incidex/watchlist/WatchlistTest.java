package dev.incidex.watchlist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.apptasticsoftware.rssreader.Item;
import dev.incidex.feed.FeedFormat;
import dev.incidex.feed.IndependentReader;
import dev.incidex.feed.StatuspageDoc;
import dev.incidex.feed.StatuspageDoc.SpIncident;
import dev.incidex.feed.StatuspageDoc.Update;
import dev.incidex.incident.Incident;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Watchlists without accounts: create, page, feeds, edit, delete, all reached only through an unguessable token. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WatchlistTest {

    private static final String JSON = "application/json";

    @Inject
    TestPolls polls;

    @BeforeAll
    static void serve() {
        VendorServer server = VendorServerResource.server();
        server.serve(
                        "/watchco/api/v2/incidents.json",
                        200,
                        JSON,
                        StatuspageDoc.incidents(
                                new SpIncident(
                                        "watchaaaaaa1",
                                        "Email delays",
                                        "investigating",
                                        "major",
                                        "2024-07-01T12:00:00.000Z",
                                        null,
                                        List.of("Email"),
                                        List.of(new Update(
                                                "wa1", "investigating", "Mail is slow.", "2024-07-01T12:00:00.000Z"))),
                                new SpIncident(
                                        "watchbbbbbb2",
                                        "Search slow",
                                        "resolved",
                                        "minor",
                                        "2024-07-01T11:00:00.000Z",
                                        "2024-07-01T11:30:00.000Z",
                                        List.of("Search"),
                                        List.of(new Update(
                                                "wb1",
                                                "resolved",
                                                "Search is fast again.",
                                                "2024-07-01T11:30:00.000Z")))))
                .serve("/watchco/api/v2/scheduled-maintenances.json", 200, JSON, StatuspageDoc.maintenances())
                .serve(
                        "/watchco-two/api/v2/incidents.json",
                        200,
                        JSON,
                        StatuspageDoc.incidents(new SpIncident(
                                "watchtttttt3",
                                "Outage two",
                                "investigating",
                                "critical",
                                "2024-07-01T13:00:00.000Z",
                                null,
                                List.of(),
                                List.of(new Update("wt1", "investigating", "Down.", "2024-07-01T13:00:00.000Z")))))
                .serve("/watchco-two/api/v2/scheduled-maintenances.json", 200, JSON, StatuspageDoc.maintenances());
    }

    @Test
    @Order(1)
    void pollTheVendors() {
        assertThat(polls.pollVendor("watchco").failed()).isZero();
        assertThat(polls.pollVendor("watchco-two").failed()).isZero();
    }

    @Test
    @Order(2)
    void theNewFormOffersVendorsAndCanStartFromOneIncident() {
        Document blank = page(
                given().get("/watchlists/new").then().statusCode(200).extract().asString());
        assertThat(blank.select("input[name=vendor]").eachAttr("value")).contains("watchco", "watchco-two");
        assertThat(blank.select("input[name=vendor][checked]")).isEmpty();
        assertThat(blank.select("select[name=impact] option").eachAttr("value"))
                .containsExactly("", "notice", "minor", "major", "critical");

        Incident outage = incident("watchco-two", "watchtttttt3");
        Document one = page(given().get("/watchlists/new?incident=" + outage.id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(one.select("input[name=incident][checked]").eachAttr("value"))
                .containsExactly(String.valueOf(outage.id));
        assertThat(one.select("fieldset.tracked").text()).contains("WatchCo Two: Outage two");

        given().get("/watchlists/new?incident=999999999").then().statusCode(404);
    }

    @Test
    @Order(3)
    void createShowFeedsEditDelete() {
        String location = form().formParam("name", "Mail watch")
                .formParam("vendor", "watchco")
                .formParam("impact", "major")
                .formParam("components", "email")
                .post("/watchlists")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String token = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).endsWith("/watchlists/" + token);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        Document shown = page(given().get("/watchlists/" + token)
                .then()
                .statusCode(200)
                .header("Referrer-Policy", "no-referrer")
                .extract()
                .asString());
        assertThat(shown.select("h1").text()).isEqualTo("Mail watch");
        assertThat(shown.select("ul.watched a.title").eachText()).containsExactly("Email delays");
        assertThat(shown.select("head link[rel=alternate][type=application/rss+xml]")
                        .attr("href"))
                .isEqualTo("/watchlists/" + token + "/feed.rss");
        assertThat(shown.select("head link[rel=alternate][type=application/atom+xml]")
                        .attr("href"))
                .isEqualTo("/watchlists/" + token + "/feed.atom");
        assertThat(shown.select("input[name=vendor][checked]").eachAttr("value"))
                .containsExactly("watchco");
        assertThat(shown.select("select[name=impact] option[selected]").attr("value"))
                .isEqualTo("major");
        assertThat(shown.select("textarea[name=components]").val()).isEqualTo("email");

        for (FeedFormat format : FeedFormat.values()) {
            List<Item> items = feed(token, format);
            assertThat(items)
                    .extracting(i -> i.getTitle().orElseThrow())
                    .containsExactly("[Investigating] WatchCo: Email delays");
            assertThat(items.get(0).getGuid().orElseThrow())
                    .startsWith("tag:incidex.dev,2024:feed:/watchlists/" + token + "/feed:update:");
            assertThat(items.get(0).getChannel().getTitle()).isEqualTo("Incidex: Mail watch");
        }
        String etag = given().get("/watchlists/" + token + "/feed.atom")
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        given().header("If-None-Match", etag)
                .get("/watchlists/" + token + "/feed.atom")
                .then()
                .statusCode(304);

        // Edit: every WatchCo incident, plus one incident of another vendor.
        Incident outage = incident("watchco-two", "watchtttttt3");
        form().formParam("vendor", "watchco")
                .formParam("impact", "")
                .formParam("incident", String.valueOf(outage.id))
                .post("/watchlists/" + token)
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/watchlists/" + token));
        Document edited = page(given().get("/watchlists/" + token)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(edited.select("h1").text()).isEqualTo("Watchlist");
        assertThat(edited.select("ul.watched a.title").eachText())
                .containsExactly("Outage two", "Email delays", "Search slow");
        assertThat(edited.select("input[name=incident][checked]").eachAttr("value"))
                .containsExactly(String.valueOf(outage.id));
        given().header("If-None-Match", etag)
                .get("/watchlists/" + token + "/feed.atom")
                .then()
                .statusCode(200);
        assertThat(feed(token, FeedFormat.RSS))
                .extracting(i -> i.getTitle().orElseThrow())
                .containsExactly(
                        "[Investigating] WatchCo Two: Outage two",
                        "[Investigating] WatchCo: Email delays",
                        "[Resolved] WatchCo: Search slow");

        // A bad edit is refused with the form as sent, and changes nothing.
        Document refused = page(form().formParam("name", "Renamed")
                .formParam("vendor", "watchco", "no-such-vendor")
                .post("/watchlists/" + token)
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(refused.select(".error").text()).isEqualTo("There is no vendor 'no-such-vendor'.");
        assertThat(refused.select("input[name=name]").attr("value")).isEqualTo("Renamed");
        form().formParam("vendor", "watchco")
                .formParam("impact", "catastrophic")
                .post("/watchlists/" + token)
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString(
                        "The minimum impact must be none, minor, major or critical"));
        assertThat(feed(token, FeedFormat.ATOM)).hasSize(3);
        assertThat(page(given().get("/watchlists/" + token).then().extract().asString())
                        .select("h1")
                        .text())
                .isEqualTo("Watchlist");

        given().post("/watchlists/" + token + "/delete").then().statusCode(200);
        given().get("/watchlists/" + token).then().statusCode(404);
        given().get("/watchlists/" + token + "/feed.rss").then().statusCode(404);
        given().get("/watchlists/" + token + "/feed.atom").then().statusCode(404);
        form().formParam("vendor", "watchco")
                .post("/watchlists/" + token)
                .then()
                .statusCode(404);
        given().post("/watchlists/" + token + "/delete").then().statusCode(404);
        assertThat(count(token)).isZero();
    }

    @Test
    @Order(4)
    void badNewWatchlistsAre400WithTheFormFilledInAndStoreNothing() {
        long before = QuarkusTransaction.requiringNew().call(() -> Watchlist.count());
        Document empty = page(form().formParam("name", "Nothing")
                .post("/watchlists")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(empty.select(".error").text()).isEqualTo("Pick at least one vendor or incident to watch.");
        assertThat(empty.select("input[name=name]").attr("value")).isEqualTo("Nothing");

        Document unknown = page(form().formParam("vendor", "watchco", "nope")
                .formParam("components", "Email\nSearch")
                .post("/watchlists")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertThat(unknown.select(".error").text()).isEqualTo("There is no vendor 'nope'.");
        assertThat(unknown.select("input[name=vendor][checked]").eachAttr("value"))
                .containsExactly("watchco");
        assertThat(unknown.select("textarea[name=components]").val()).isEqualTo("Email\nSearch");

        form().formParam("vendor", "watchco")
                .formParam("impact", "maintenance")
                .post("/watchlists")
                .then()
                .statusCode(400);
        form().formParam("incident", "abc")
                .post("/watchlists")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("not an incident number"));
        form().formParam("incident", "999999999")
                .post("/watchlists")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("There is no incident 999999999."));
        long after = QuarkusTransaction.requiringNew().call(() -> Watchlist.count());
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(5)
    void tokensAre256RandomBitsFromSecureRandomAndNothingElseOpensAWatchlist() {
        assertThat(WatchlistTokens.random()).isInstanceOf(SecureRandom.class);
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = WatchlistTokens.next();
            assertThat(token).hasSize(WatchlistTokens.LENGTH).matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1000);

        String location = form().formParam("vendor", "watchco")
                .post("/watchlists")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String token = location.substring(location.lastIndexOf('/') + 1);
        long id = QuarkusTransaction.requiringNew()
                .call(() -> Watchlist.findByToken(token).orElseThrow().id);
        given().get("/watchlists/" + id).then().statusCode(404);
        given().get("/watchlists/" + WatchlistTokens.next()).then().statusCode(404);
        given().get("/watchlists/" + token.substring(0, 42) + (token.endsWith("A") ? "B" : "A"))
                .then()
                .statusCode(404);
        given().get("/watchlists/" + token).then().statusCode(200);
    }

    private static RequestSpecification form() {
        return given().redirects().follow(false).contentType(ContentType.URLENC.withCharset("UTF-8"));
    }

    private static List<Item> feed(String token, FeedFormat format) {
        byte[] body = given().get("/watchlists/" + token + "/feed." + format.extension())
                .then()
                .statusCode(200)
                .contentType(format.mediaType())
                .extract()
                .asByteArray();
        return IndependentReader.read(format, body);
    }

    private static Document page(String html) {
        return Jsoup.parse(html);
    }

    private static long count(String token) {
        return QuarkusTransaction.requiringNew().call(() -> Watchlist.count("token", token));
    }

    private static Incident incident(String vendor, String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("vendor.slug = ?1 and vendorKey = ?2", vendor, key)
                        .singleResult());
    }
}
