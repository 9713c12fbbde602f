package dev.incidex.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.Incident;
import dev.incidex.incident.SearchIndex;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.StatuspageIncidents.Spec;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Search across vendors: every word must match (the last as a prefix), case and accents folded, updates' text included. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class SearchApiTest {

    static final Spec DB_ERRORS = spec(
            "s1",
            "Database connection errors",
            "2024-03-01T10:00:00Z",
            "We are investigating elevated errors on the primary cluster.");
    static final Spec CAFE = spec("s2", "Café menu slow", "2024-03-02T10:00:00Z", "Résumé uploads are délayed.");
    static final Spec DB_MAINTENANCE =
            spec("s3", "Database maintenance", "2024-03-03T10:00:00Z", "Replication lag on replicas.");
    static final Spec LOGIN =
            spec("s4", "Login failures", "2024-03-04T10:00:00Z", "Connection pool exhausted on database proxies.");

    static final Spec QUEUE = spec("s5", "Queue backlog", "2024-02-01T10:00:00Z", "Jobs are waiting.");

    static boolean loaded;

    @Inject
    TestPolls polls;

    @Inject
    SearchIndex index;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        serve("searchco", DB_ERRORS, CAFE, QUEUE);
        serve("searchco2", DB_MAINTENANCE, LOGIN);
        loaded = true;
    }

    @Test
    void findsWordsInTitlesAndUpdatesAcrossVendors() {
        assertThat(search("database"))
                .containsExactly("Login failures", "Database maintenance", "Database connection errors");
        assertThat(search("replication")).containsExactly("Database maintenance");
        assertThat(search("PROXIES")).containsExactly("Login failures");
        given().get("/api/search?q=replication")
                .then()
                .body("incidents[0].vendor", org.hamcrest.Matchers.equalTo("searchco2"));
    }

    @Test
    void everyWordMustMatchAndOnlyTheLastIsAPrefix() {
        assertThat(search("database conn")).containsExactly("Login failures", "Database connection errors");
        assertThat(search("database connection errors")).containsExactly("Database connection errors");
        assertThat(search("conn database")).isEmpty();
        assertThat(search("datab")).hasSize(3);
        assertThat(search("database nothing")).isEmpty();
    }

    @Test
    void accentsAndCaseAreFolded() {
        assertThat(search("cafe")).containsExactly("Café menu slow");
        assertThat(search("RESUME delayed")).containsExactly("Café menu slow");
        assertThat(search("café")).containsExactly("Café menu slow");
    }

    @Test
    void searchPagesFollowNext() {
        List<String> walked = new ArrayList<>();
        String url = "/api/search?q=database&limit=1";
        while (url != null) {
            Response r = given().urlEncodingEnabled(false).get(url);
            walked.addAll(r.then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("incidents.findAll { it.vendor.startsWith('searchco') }.title"));
            url = r.path("next");
        }
        assertThat(walked).containsExactly("Login failures", "Database maintenance", "Database connection errors");
    }

    @Test
    void filtersApplyToSearch() {
        assertThat(search("database&from=2024-03-02&to=2024-03-03")).containsExactly("Database maintenance");
    }

    @Test
    void badSearchesGet400() {
        HistoryApiTest.bad("/api/search", 400, "q is required");
        HistoryApiTest.bad("/api/search?q=", 400, "q is required");
        HistoryApiTest.bad("/api/search?q=the+a", 400, "no words");
        HistoryApiTest.bad("/api/search?q=database&limit=0", 400, "limit");
        HistoryApiTest.bad("/api/search?q=database&cursor=zzz", 400, "cursor");
    }

    @Test
    void anEditedTitleMovesTheIndexAndAnUnchangedIncidentWritesNothing() {
        serve(
                "searchco",
                DB_ERRORS,
                CAFE,
                spec("s5", "Scheduler backlog", "2024-02-01T10:00:00Z", "Jobs are waiting."));
        assertThat(search("queue")).isEmpty();
        assertThat(search("scheduler backlog")).containsExactly("Scheduler backlog");
        assertThat(search("jobs")).containsExactly("Scheduler backlog");

        int written = QuarkusTransaction.requiringNew().call(() -> {
            Incident i = Incident.<Incident>find("vendor.slug = 'searchco' and vendorKey = 's5'")
                    .singleResult();
            return index.index(i);
        });
        assertThat(written).isZero();
    }

    /** Titles of SearchCo's and SearchCo Two's matches: the other test classes' vendors share the database. */
    static List<String> search(String q) {
        return given().urlEncodingEnabled(false)
                .get("/api/search?limit=500&q="
                        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)
                                .replace("%26", "&")
                                .replace("%3D", "="))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("incidents.findAll { it.vendor.startsWith('searchco') }.title");
    }

    static Spec spec(String key, String title, String at, String update) {
        Instant start = Instant.parse(at);
        return new Spec(key, title, "minor", "resolved", start, start.plusSeconds(600), List.of(), List.of(update));
    }

    void serve(String slug, Spec... specs) {
        StatuspageIncidents doc = new StatuspageIncidents();
        for (Spec s : specs) {
            doc.add(s);
        }
        doc.serveAs(slug);
        assertThat(polls.pollVendor(slug).failed()).isZero();
    }
}
