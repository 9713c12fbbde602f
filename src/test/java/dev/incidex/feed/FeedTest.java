package dev.incidex.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.apptasticsoftware.rssreader.Item;
import dev.incidex.feed.StatuspageDoc.SpIncident;
import dev.incidex.feed.StatuspageDoc.Update;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentUpdate;
import dev.incidex.poll.PollReport;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Incidex's RSS and Atom feeds, read back by a parser that is not Rome: one item per update with
 * stable tag: ids, filters, conditional GET, and a per-incident feed that grows by one item per update.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedTest {

    private static final String JSON = "application/json";

    static final SpIncident LOGIN = new SpIncident(
            "feedaaaaaaa1",
            "Login failures",
            "identified",
            "major",
            "2024-06-01T10:00:00.000Z",
            null,
            List.of("API"),
            List.of(
                    new Update("ua2", "identified", "We found the cause & are fixing it.", "2024-06-01T10:30:00.000Z"),
                    new Update(
                            "ua1",
                            "investigating",
                            "We are looking into login failures.",
                            "2024-06-01T10:00:00.000Z")));
    static final SpIncident DASHBOARDS = new SpIncident(
            "feedbbbbbbb2",
            "Slow dashboards",
            "resolved",
            "minor",
            "2024-06-01T09:00:00.000Z",
            "2024-06-01T09:40:00.000Z",
            List.of("Dashboard"),
            List.of(new Update("ub1", "resolved", "Dashboards are fast again.", "2024-06-01T09:40:00.000Z")));
    static final SpIncident UPGRADE = new SpIncident(
            "feedmmmmmmm3",
            "Database upgrade",
            "completed",
            "maintenance",
            "2024-06-01T08:00:00.000Z",
            "2024-06-01T08:30:00.000Z",
            List.of(),
            List.of(new Update("um1", "completed", "The upgrade is done.", "2024-06-01T08:30:00.000Z")));
    static final SpIncident OUTAGE = new SpIncident(
            "filtccccccc4",
            "Total outage",
            "investigating",
            "critical",
            "2024-06-01T11:00:00.000Z",
            null,
            List.of("api"),
            List.of(new Update("uc1", "investigating", "Nothing works.", "2024-06-01T11:00:00.000Z")));

    @Inject
    TestPolls polls;

    @BeforeAll
    static void serve() {
        VendorServer server = VendorServerResource.server();
        server.serve("/feedco/api/v2/incidents.json", 200, JSON, StatuspageDoc.incidents(LOGIN, DASHBOARDS))
                .serve("/feedco/api/v2/scheduled-maintenances.json", 200, JSON, StatuspageDoc.maintenances(UPGRADE))
                .serve("/feedfilterco/api/v2/incidents.json", 200, JSON, StatuspageDoc.incidents(OUTAGE))
                .serve("/feedfilterco/api/v2/scheduled-maintenances.json", 200, JSON, StatuspageDoc.maintenances());
    }

    @Test
    @Order(1)
    void pollBothVendors() {
        assertThat(polls.pollVendor("feedco").failed()).isZero();
        assertThat(polls.pollVendor("feedfilterco").failed()).isZero();
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    @Order(2)
    void aVendorFeedHasOneItemPerUpdateNewestFirst(FeedFormat format) {
        ExtractableResponse<Response> answer = get("/vendors/feedco/feed." + format.extension());
        assertThat(answer.contentType()).isEqualTo(format.mediaType());

        List<Item> items = IndependentReader.read(format, answer.asByteArray());

        assertThat(items)
                .extracting(i -> i.getTitle().orElseThrow())
                .containsExactly(
                        "[Identified] FeedCo: Login failures",
                        "[Investigating] FeedCo: Login failures",
                        "[Resolved] FeedCo: Slow dashboards",
                        "[Completed] FeedCo: Database upgrade");
        Incident login = incident("feedco", "feedaaaaaaa1");
        Incident dashboards = incident("feedco", "feedbbbbbbb2");
        assertThat(items)
                .extracting(i -> i.getLink().orElseThrow())
                .allSatisfy(l -> assertThat(l).matches("http://(localhost|127\\.0\\.0\\.1):\\d+/.*"));
        assertThat(items.get(0).getLink().orElseThrow())
                .endsWith("/vendors/feedco/incidents/" + login.id + "#update-2");
        assertThat(items.get(1).getLink().orElseThrow())
                .endsWith("/vendors/feedco/incidents/" + login.id + "#update-1");
        assertThat(items.get(2).getLink().orElseThrow())
                .endsWith("/vendors/feedco/incidents/" + dashboards.id + "#update-1");
        assertThat(items)
                .extracting(i -> i.getGuid().orElseThrow())
                .containsExactly(
                        itemId(VENDOR_FEED, update(login, "ua2")), itemId(VENDOR_FEED, update(login, "ua1")),
                        itemId(VENDOR_FEED, update(dashboards, "ub1")),
                                itemId(VENDOR_FEED, update(incident("feedco", "feedmmmmmmm3"), "um1")));
        assertThat(items)
                .extracting(i -> instant(format, i))
                .containsExactly(
                        Instant.parse("2024-06-01T10:30:00Z"), Instant.parse("2024-06-01T10:00:00Z"),
                        Instant.parse("2024-06-01T09:40:00Z"), Instant.parse("2024-06-01T08:30:00Z"));
        String body = format == FeedFormat.RSS
                ? items.get(0).getDescription().orElseThrow()
                : items.get(0).getContent().or(items.get(0)::getDescription).orElseThrow();
        assertThat(body).contains("We found the cause &amp; are fixing it.");
        assertThat(items.get(0).getChannel().getTitle()).isEqualTo("Incidex: FeedCo incidents");
        if (format == FeedFormat.RSS) {
            assertThat(items.get(0).getIsPermaLink()).contains(false);
            assertThat(items.get(0).getCategories()).contains("FeedCo", "Major");
        }
    }

    @Test
    @Order(3)
    void theAllIncidentsFeedFiltersByVendorImpactAndComponent() {
        List<String> all = titles("/feeds/incidents.atom");
        assertThat(all).contains("[Investigating] FeedFilterCo: Total outage", "[Completed] FeedCo: Database upgrade");

        assertThat(titles("/feeds/incidents.rss?vendor=feedco&vendor=feedfilterco&impact=major"))
                .containsExactly(
                        "[Investigating] FeedFilterCo: Total outage",
                        "[Identified] FeedCo: Login failures",
                        "[Investigating] FeedCo: Login failures");
        assertThat(titles("/feeds/incidents.rss?vendor=feedco&impact=minor"))
                .containsExactly(
                        "[Identified] FeedCo: Login failures",
                        "[Investigating] FeedCo: Login failures",
                        "[Resolved] FeedCo: Slow dashboards");
        assertThat(titles("/feeds/incidents.rss?vendor=feedco&impact=critical&maintenance=true"))
                .containsExactly("[Completed] FeedCo: Database upgrade");
        assertThat(titles("/feeds/incidents.atom?vendor=feedco&vendor=feedfilterco&component=Api"))
                .containsExactly(
                        "[Investigating] FeedFilterCo: Total outage",
                        "[Identified] FeedCo: Login failures",
                        "[Investigating] FeedCo: Login failures");
        assertThat(titles("/feeds/incidents.atom?component=DASHBOARD"))
                .containsExactly("[Resolved] FeedCo: Slow dashboards");
        assertThat(titles("/feeds/incidents.rss?vendor=feedfilterco&component=Dashboard"))
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    @Order(3)
    void aReaderOfSeveralFeedsSeesEachUpdateInEachFeedWithTheUpdatesOwnIdInside(FeedFormat format) {
        long loginUpdate = update(incident("feedco", "feedaaaaaaa1"), "ua1");
        String[] feeds = {"/vendors/feedco/feed.", "/feeds/incidents.", "/feeds/incidents.?vendor=feedco"};
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (String feed : feeds) {
            String path = feed.replace(".?", "." + format.extension() + "?");
            path = path.endsWith(".") ? path + format.extension() : path;
            Item item = IndependentReader.read(format, get(path).asByteArray()).stream()
                    .filter(i -> i.getTitle().orElseThrow().equals("[Investigating] FeedCo: Login failures"))
                    .findFirst()
                    .orElseThrow();
            assertThat(ids.add(item.getGuid().orElseThrow()))
                    .as("item id in " + path + " is its own")
                    .isTrue();
            assertThat(item.getGuid().orElseThrow()).endsWith(":update:" + loginUpdate);
            assertThat(item.getCategories())
                    .as("the update's stable id in " + path)
                    .contains(updateId(loginUpdate));
        }
    }

    @Test
    @Order(3)
    void badFilterParametersAre400WithAMessage() {
        given().get("/feeds/incidents.rss?vendor=nosuchvendor")
                .then()
                .statusCode(400)
                .contentType("text/plain")
                .body(org.hamcrest.Matchers.containsString("unknown vendor 'nosuchvendor'"));
        given().get("/feeds/incidents.atom?impact=apocalyptic")
                .then()
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("'impact' must be one of notice, minor, major or critical"));
        given().get("/feeds/incidents.atom?impact=maintenance").then().statusCode(400);
        given().get("/feeds/incidents.rss?maintenance=perhaps").then().statusCode(400);
        given().get("/vendors/nosuchvendor/feed.rss").then().statusCode(404);
        given().get("/vendors/feedco/incidents/999999999/feed.atom").then().statusCode(404);
        given().get("/vendors/feedco/incidents/abc/feed.atom").then().statusCode(404);
        Incident outage = incident("feedfilterco", "filtccccccc4");
        given().get("/vendors/feedco/incidents/" + outage.id + "/feed.rss")
                .then()
                .statusCode(404);
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    @Order(4)
    void aRePollOfUnchangedDataGivesTheSameFeedAnd304s(FeedFormat format) {
        String path = "/vendors/feedco/feed." + format.extension();
        ExtractableResponse<Response> first = get(path);
        PollReport again = polls.pollVendor("feedco");
        assertThat(again.merged().wroteAnything()).isFalse();
        ExtractableResponse<Response> second = get(path);

        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).isNotBlank().isEqualTo(second.header("ETag"));
        assertThat(lastModified).isNotBlank().isEqualTo(second.header("Last-Modified"));

        byte[] notModified = given().header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .extract()
                .asByteArray();
        assertThat(notModified).isEmpty();
        given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304);
        given().header("If-Modified-Since", "Sat, 01 Jun 2024 00:00:00 GMT")
                .get(path)
                .then()
                .statusCode(200);
        given().header("If-None-Match", "\"someotherversion\"").get(path).then().statusCode(200);
        // What feed readers send: the feed's own type among others.
        given().header("Accept", "application/rss+xml, application/atom+xml;q=0.9, application/xml;q=0.8, */*;q=0.1")
                .get(path)
                .then()
                .statusCode(200)
                .contentType(format.mediaType());
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    @Order(5)
    void theSameFeedForAnotherVendorHasAnotherEtag(FeedFormat format) {
        String feedco = get("/vendors/feedco/feed." + format.extension()).header("ETag");
        String feedfilterco =
                get("/vendors/feedfilterco/feed." + format.extension()).header("ETag");
        assertThat(feedco).isNotEqualTo(feedfilterco);
    }

    @Test
    @Order(6)
    void aPerIncidentFeedGainsExactlyOneItemWhenOneUpdateArrives() {
        Incident login = incident("feedco", "feedaaaaaaa1");
        String path = "/vendors/feedco/incidents/" + login.id + "/feed.";
        ExtractableResponse<Response> rssBefore = get(path + "rss");
        List<Item> before = IndependentReader.read(FeedFormat.RSS, rssBefore.asByteArray());
        List<Item> atomBefore =
                IndependentReader.read(FeedFormat.ATOM, get(path + "atom").asByteArray());
        assertThat(before).hasSize(2);
        assertThat(atomBefore).hasSize(2);

        SpIncident monitored = new SpIncident(
                LOGIN.id(),
                LOGIN.name(),
                "monitoring",
                LOGIN.impact(),
                LOGIN.startedAt(),
                null,
                LOGIN.components(),
                java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(
                                        new Update("ua3", "monitoring", "A fix is out.", "2024-06-01T11:15:00.000Z")),
                                LOGIN.updates().stream())
                        .toList());
        VendorServerResource.server()
                .serve("/feedco/api/v2/incidents.json", 200, JSON, StatuspageDoc.incidents(monitored, DASHBOARDS));
        assertThat(polls.pollVendor("feedco").merged().wroteAnything()).isTrue();

        given().header("If-None-Match", rssBefore.header("ETag"))
                .get(path + "rss")
                .then()
                .statusCode(200);
        for (FeedFormat format : FeedFormat.values()) {
            List<Item> old = format == FeedFormat.RSS ? before : atomBefore;
            List<Item> after = IndependentReader.read(
                    format, get(path + format.extension()).asByteArray());
            assertThat(after).hasSize(3);
            assertThat(after.subList(1, 3))
                    .extracting(i -> i.getGuid().orElseThrow())
                    .containsExactlyElementsOf(
                            old.stream().map(i -> i.getGuid().orElseThrow()).toList());
            assertThat(after.subList(1, 3))
                    .extracting(i -> i.getTitle().orElseThrow())
                    .containsExactlyElementsOf(
                            old.stream().map(i -> i.getTitle().orElseThrow()).toList());
            Item added = after.get(0);
            assertThat(old)
                    .extracting(i -> i.getGuid().orElseThrow())
                    .doesNotContain(added.getGuid().orElseThrow());
            assertThat(added.getGuid())
                    .contains(itemId(path.replaceFirst("\\.$", ""), update(incident("feedco", "feedaaaaaaa1"), "ua3")));
            assertThat(added.getTitle()).contains("[Monitoring] FeedCo: Login failures");
            assertThat(added.getLink().orElseThrow()).endsWith("/vendors/feedco/incidents/" + login.id + "#update-3");
            assertThat(instant(format, added)).isEqualTo(Instant.parse("2024-06-01T11:15:00Z"));
        }
    }

    private static ExtractableResponse<Response> get(String path) {
        return given().get(path).then().statusCode(200).extract();
    }

    private static List<String> titles(String path) {
        FeedFormat format = path.contains(".rss") ? FeedFormat.RSS : FeedFormat.ATOM;
        return IndependentReader.read(format, get(path).asByteArray()).stream()
                .map(i -> i.getTitle().orElseThrow())
                .filter(t -> t.contains("FeedCo:") || t.contains("FeedFilterCo:"))
                .toList();
    }

    private static Instant instant(FeedFormat format, Item item) {
        ZonedDateTime at = format == FeedFormat.RSS
                ? item.getPubDateZonedDateTime().orElseThrow()
                : item.getPubDateZonedDateTime()
                        .or(item::getUpdatedZonedDateTime)
                        .orElseThrow();
        return at.toInstant();
    }

    static final String VENDOR_FEED = "/vendors/feedco/feed";

    /** An item's id: the feed (without its format) and the update. */
    static String itemId(String feed, long updateId) {
        return "tag:incidex.dev,2024:feed:" + feed + ":update:" + updateId;
    }

    /** The update's own id, the same in every feed. */
    static String updateId(long updateId) {
        return "tag:incidex.dev,2024:update:" + updateId;
    }

    static Incident incident(String vendor, String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("vendor.slug = ?1 and vendorKey = ?2", vendor, key)
                        .singleResult());
    }

    static long update(Incident incident, String vendorKey) {
        return QuarkusTransaction.requiringNew()
                .call(() -> IncidentUpdate.<IncidentUpdate>find(
                                "incident.id = ?1 and vendorKey = ?2", incident.id, vendorKey)
                        .singleResult()
                        .id);
    }
}
