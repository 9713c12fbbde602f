package dev.incidex.source.social;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.catalog.Source;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentUpdate;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.poll.PollReport;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Vendors' posts through the real poller and HTTP: @MSFT365Status's DZ534539 posts, read from
 * Mastodon's API and from a Nitter feed of the tweets, become one incident of three updates; new
 * posts arrive through min_id; Microsoft Graph is read with a client-credentials token.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SocialPostsEndToEndTest {

    private static final String ACCOUNT = "109311422038214201";
    private static final String STATUSES = "/api/v1/accounts/" + ACCOUNT + "/statuses";

    @Inject
    TestPolls polls;

    @BeforeAll
    static void serve() {
        VendorServerResource.server()
                .serve(
                        "/api/v1/accounts/lookup",
                        200,
                        "application/json",
                        "{\"id\":\"" + ACCOUNT + "\",\"username\":\"MSFT365Status\"}")
                .serveFixture(STATUSES, "mastodon-msft365status-statuses.json", "application/json")
                .serveFixture("/nitter/MSFT365Status/rss", "nitter-msft365status.rss", "application/rss+xml")
                .serve(
                        "/login/contoso.example/oauth2/v2.0/token",
                        200,
                        "application/json",
                        "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"graph-token-1\"}")
                .serveFixture(
                        "/graph/v1.0/admin/serviceAnnouncement/issues",
                        "graph-serviceannouncement-issue-DZ534539.json",
                        "application/json");
    }

    @Test
    @Order(1)
    void tootsAndTweetsOfDZ534539BecomeOneIncidentWithThreeUpdatesAndTheOtherPostOpensNothing() {
        VendorServer server = VendorServerResource.server();
        PollReport first = polls.pollVendor("msft365-posts"); // Mastodon looks the account up; Nitter's feed is read
        PollReport second = polls.pollVendor("msft365-posts"); // Mastodon's statuses

        assertThat(first.failed()).isZero();
        assertThat(second.failed()).isZero();
        assertThat(server.hits("/api/v1/accounts/lookup")).hasSize(1);
        assertThat(server.hits(STATUSES))
                .singleElement()
                .satisfies(h -> assertThat(h.query()).isEqualTo("exclude_reblogs=true&limit=40"));

        List<Incident> incidents = incidents("msft365-posts");
        assertThat(incidents)
                .as("the EX533921 post opens nothing")
                .extracting(i -> i.vendorKey)
                .containsExactly("DZ534539");
        Incident dz = incidents.get(0);
        List<IncidentUpdate> updates = updates(dz);
        assertThat(updates)
                .as("each post once, though seen on Mastodon and on X")
                .hasSize(3);
        assertThat(updates)
                .extracting(u -> u.status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.RESOLVED);
        assertThat(updates)
                .extracting(u -> u.postedAt)
                .containsExactly(
                        Instant.parse("2023-03-29T13:04:12Z"),
                        Instant.parse("2023-03-29T14:05:49Z"),
                        Instant.parse("2023-03-29T18:47:31Z"));
        assertThat(dz.status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(dz.startedAt).isEqualTo(Instant.parse("2023-03-29T13:04:12Z"));
        assertThat(dz.resolvedAt).isEqualTo(Instant.parse("2023-03-29T18:47:31Z"));

        Document page = Jsoup.parse(given().get("/vendors/msft365-posts/incidents/" + dz.id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(page.select(".duration").text()).isEqualTo("5h 43m");
        assertThat(page.select("ol.timeline > li .status").eachText())
                .containsExactly("investigating", "identified", "resolved");
        assertThat(page.select("ol.timeline > li").get(0).text())
                .contains("We're investigating an issue where some users");

        assertThat(polls.sources("msft365-posts"))
                .filteredOn(s -> s.kind.equals("mastodon"))
                .singleElement()
                .satisfies(s -> assertThat(s.cursor).isEqualTo(ACCOUNT + ":110108059303987240"));
    }

    @Test
    @Order(2)
    void theNextPollAsksOnlyForNewPostsAndAppendsOneUpdate() {
        VendorServer server = VendorServerResource.server();
        server.serve(STATUSES, 200, "application/json", """
                [{"id":"110108120000000000","created_at":"2023-03-29T19:02:03.000Z","in_reply_to_id":"110108059303987240",
                  "content":"<p>The post-incident report for DZ534539 will be published in the admin center once our review is completed.</p>",
                  "url":"https://mastodon.example/@MSFT365Status/110108120000000000","reblog":null}]""");

        PollReport report = polls.pollVendor("msft365-posts");

        assertThat(report.failed()).isZero();
        assertThat(report.merged().created()).isZero();
        assertThat(report.merged().updatesAdded()).isEqualTo(1);
        List<VendorServer.Hit> hits = server.hits(STATUSES);
        assertThat(hits.get(hits.size() - 1).query())
                .isEqualTo("exclude_reblogs=true&limit=40&min_id=110108059303987240");
        Incident dz = incidents("msft365-posts").get(0);
        assertThat(updates(dz))
                .hasSize(4)
                .last()
                .satisfies(u -> assertThat(u.vendorKey).isEqualTo("110108120000000000"));
        assertThat(dz.resolvedAt).isEqualTo(Instant.parse("2023-03-29T18:47:31Z"));
        assertThat(polls.sources("msft365-posts"))
                .filteredOn(s -> s.kind.equals("mastodon"))
                .singleElement()
                .satisfies(s -> assertThat(s.cursor).isEqualTo(ACCOUNT + ":110108120000000000"));
    }

    @Test
    @Order(3)
    void aReplyInALaterPollJoinsTheStoredThreadAndAnUnrelatedPostOpensNothing() {
        VendorServer server = VendorServerResource.server();
        server.serve("/threads/api/v1/accounts/lookup", 200, "application/json", "{\"id\":\"77\"}")
                .serve("/threads/api/v1/accounts/77/statuses", 200, "application/json", """
                        [{"id":"1001","created_at":"2023-05-02T09:00:00.000Z","in_reply_to_id":null,
                          "content":"<p>We're investigating failed logins for some customers.</p>","reblog":null},
                         {"id":"1000","created_at":"2023-05-01T09:00:00.000Z","in_reply_to_id":null,
                          "content":"<p>Meet us at the conference next week!</p>","reblog":null}]""");
        polls.pollVendor("thread-posts");
        polls.pollVendor("thread-posts");
        assertThat(incidents("thread-posts")).extracting(i -> i.vendorKey).containsExactly("1001");

        server.serve("/threads/api/v1/accounts/77/statuses", 200, "application/json", """
                [{"id":"1005","created_at":"2023-05-02T17:30:00.000Z","in_reply_to_id":"1001",
                  "content":"<p>Logins work again for everyone.</p>","reblog":null}]""");
        PollReport report = polls.pollVendor("thread-posts");

        assertThat(report.merged().created()).isZero();
        List<Incident> incidents = incidents("thread-posts");
        assertThat(incidents).hasSize(1);
        assertThat(updates(incidents.get(0))).extracting(u -> u.vendorKey).containsExactly("1001", "1005");
        assertThat(incidents.get(0).status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(incidents.get(0).resolvedAt).isEqualTo(Instant.parse("2023-05-02T17:30:00Z"));
    }

    @Test
    @Order(4)
    void microsoftGraphIsReadWithOneClientCredentialsToken() {
        VendorServer server = VendorServerResource.server();
        assertThat(polls.pollVendor("msft365-graph").failed()).isZero();
        assertThat(polls.pollVendor("msft365-graph").failed()).isZero();

        assertThat(server.hits("/login/")).singleElement().satisfies(h -> {
            assertThat(h.method()).isEqualTo("POST");
            assertThat(h.body())
                    .contains(
                            "grant_type=client_credentials",
                            "client_id=incidex-test-client",
                            "scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
        });
        List<VendorServer.Hit> graph = server.hits("/graph/");
        assertThat(graph)
                .hasSize(2)
                .allSatisfy(h -> assertThat(h.authorization()).isEqualTo("Bearer graph-token-1"));
        assertThat(graph.get(1).query())
                .as("the second poll asks only for changes")
                .startsWith("$filter=lastModifiedDateTime%20ge%20");

        Incident dz = incidents("msft365-graph").get(0);
        assertThat(dz.vendorKey).isEqualTo("DZ534539");
        assertThat(dz.status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(dz.impact).isEqualTo(Impact.MAJOR);
        assertThat(dz.startedAt).isEqualTo(Instant.parse("2023-03-29T12:40:00Z"));
        assertThat(dz.resolvedAt).isEqualTo(Instant.parse("2023-03-29T18:30:00Z"));
        assertThat(updates(dz)).hasSize(3);
    }

    @Test
    @Order(5)
    void anXSourceWithoutATokenFailsWithWhatToSetAndSendsNothing() {
        PollReport report = polls.pollVendor("x-posts");

        assertThat(report.failed()).isEqualTo(1);
        Source x = polls.sources("x-posts").get(0);
        assertThat(x.lastError).isEqualTo("set incidex.x.bearer-token to read X timelines");
        assertThat(VendorServerResource.server().hits("/xapi")).isEmpty();
    }

    private static List<Incident> incidents(String vendor) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>list("vendor.slug = ?1 order by id", vendor));
    }

    private static List<IncidentUpdate> updates(Incident incident) {
        return QuarkusTransaction.requiringNew()
                .call(() -> IncidentUpdate.<IncidentUpdate>list("incident.id = ?1 order by postedAt, id", incident.id));
    }
}
