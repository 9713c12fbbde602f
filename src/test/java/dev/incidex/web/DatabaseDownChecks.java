package dev.incidex.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidex.testing.ProxiedDatabase;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running app (its connection is cut at a TCP proxy): pages answer a
 * short 503 page with Retry-After, the API a JSON 503, feeds a 503, and all comes back by itself once
 * the database does. Before: a plain-text 500 after 1–2 s. Run on H2 and on PostgreSQL.
 */
public abstract class DatabaseDownChecks {

    @Test
    public void whileTheDatabaseIsDownEveryAnswerIsA503() {
        given().get("/").then().statusCode(200);
        ProxiedDatabase.proxy().cut();
        try {
            for (String path :
                    List.of("/", "/vendors", "/vendors/cycle-good", "/feeds/incidents.rss", "/search?q=outage")) {
                long start = System.nanoTime();
                Response r = given().redirects().follow(false).get(path);
                System.out.printf(
                        "figure: database down: %s answered %d in %d ms%n",
                        path,
                        r.statusCode(),
                        Duration.ofNanos(System.nanoTime() - start).toMillis());
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.header("Retry-After")).as(path).isNotBlank();
                assertThat(r.contentType()).as(path).startsWith("text/html");
                assertThat(r.asString())
                        .as(path)
                        .contains("cannot reach its database")
                        .hasSizeLessThan(1000);
            }
            for (String path : List.of("/api/vendors", "/api/vendors/cycle-good/incidents", "/api/incidents/1")) {
                Response r = given().get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(503);
                assertThat(r.header("Retry-After")).as(path).isNotBlank();
                assertThat(r.contentType()).as(path).startsWith("application/json");
                assertThat(r.jsonPath().getInt("status")).isEqualTo(503);
            }
        } finally {
            ProxiedDatabase.proxy().restore();
        }
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/api/vendors").statusCode() == 200
                        && given().get("/").statusCode() == 200);
    }
}
