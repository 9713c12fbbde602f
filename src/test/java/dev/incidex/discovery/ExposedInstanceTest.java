package dev.incidex.discovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An instance that listens beyond loopback, as in production, with a hostile public: adding a vendor
 * needs the operator token while reading stays open; detection against a host that answers one byte a
 * second runs off the request threads within its budget, a few at a time, and the pages stay quick;
 * each client may add vendors and create watchlists only so often. Before: 220 such additions held
 * worker threads for 150 s each, "/" timed out at 90 s and polling stopped for 155 s.
 */
@QuarkusTest
@TestProfile(ExposedInstanceTest.Exposed.class)
@WithTestResource(VendorServerResource.class)
class ExposedInstanceTest {

    static final String TOKEN = "operator-secret-for-tests";

    /** Listening on every interface, with small budgets so the test sees them run out. */
    public static class Exposed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("quarkus.http.host", "0.0.0.0"),
                    Map.entry("incidex.add-vendor.token", TOKEN),
                    Map.entry("incidex.add-vendor.budget", "3s"),
                    Map.entry("incidex.add-vendor.answer-within", "1s"),
                    Map.entry("incidex.add-vendor.concurrency", "1"),
                    Map.entry("incidex.add-vendor.queue", "1"),
                    Map.entry("incidex.rate-limits.add-vendor-per-hour", "5"),
                    Map.entry("incidex.rate-limits.watchlists-per-hour", "3"),
                    Map.entry("incidex.fetch.allow-private-addresses", "true"),
                    // Each test speaks as clients of its own, through X-Forwarded-For, as behind a proxy.
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"));
        }
    }

    ServerSocket slow;
    final AtomicInteger slowConnections = new AtomicInteger();

    /** A host that answers every request one byte a second, forever. */
    @BeforeEach
    void slowHost() throws IOException {
        slow = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(
                () -> {
                    while (!slow.isClosed()) {
                        try {
                            Socket s = slow.accept();
                            slowConnections.incrementAndGet();
                            Thread t = new Thread(() -> dribble(s), "slow-host");
                            t.setDaemon(true);
                            t.start();
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "slow-host-accept");
        accept.setDaemon(true);
        accept.start();
    }

    @AfterEach
    void stop() throws IOException {
        slow.close();
    }

    private static void dribble(Socket s) {
        try (s;
                OutputStream out = s.getOutputStream()) {
            s.getInputStream().read(new byte[8192]);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (int i = 0; i < 600; i++) {
                out.write('{');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException gone) {
            // the client let go
        }
    }

    private String slowUrl() {
        return "http://127.0.0.1:" + slow.getLocalPort() + "/status";
    }

    @Test
    void readingIsOpenButAddingNeedsTheOperatorToken() {
        given().header("X-Forwarded-For", "198.51.100.1")
                .get("/api/vendors")
                .then()
                .statusCode(200);
        given().get("/").then().statusCode(200);

        Response missing = given().header("X-Forwarded-For", "198.51.100.1")
                .contentType("application/json")
                .body("{\"url\":\"https://status.example.com\"}")
                .post("/api/vendors");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(missing.jsonPath().getString("error")).contains("operator token");
        Response wrong = given().header("X-Forwarded-For", "198.51.100.1")
                .header("Authorization", "Bearer guess")
                .contentType("application/json")
                .body("{\"url\":\"https://status.example.com\"}")
                .post("/api/vendors");
        assertThat(wrong.statusCode()).isEqualTo(401);

        String directory =
                given().get("/vendors").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(directory).select("form input[name=token][type=password]"))
                .hasSize(1);
        Response form = given().header("X-Forwarded-For", "198.51.100.1")
                .contentType("application/x-www-form-urlencoded")
                .formParam("url", "https://status.example.com")
                .redirects()
                .follow(false)
                .post("/vendors");
        assertThat(form.statusCode()).isEqualTo(401);
        assertThat(Jsoup.parse(form.asString()).select(".error").text()).contains("operator token");
    }

    @Test
    void aSlowHostCostsTheAdditionsBudgetNotTheServer() {
        long start = System.nanoTime();
        Response accepted = given().header("X-Forwarded-For", "198.51.100.2")
                .header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"url\":\"" + slowUrl() + "\"}")
                .post("/api/vendors");
        Duration answered = Duration.ofNanos(System.nanoTime() - start);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(answered).isLessThan(Duration.ofSeconds(15)); // answer-within is 1 s; the machine may be slow
        String check = accepted.header("Location");
        assertThat(check).contains("/api/additions/");
        assertThat(accepted.jsonPath().getString("state")).isEqualTo("pending");

        // While it runs, pages answer.
        long page = System.nanoTime();
        given().get("/").then().statusCode(200);
        Duration front = Duration.ofNanos(System.nanoTime() - page);
        assertThat(front).isLessThan(Duration.ofSeconds(15));
        System.out.printf(
                "figure: adding a one-byte-a-second host answered 202 in %d ms; / answered in %d ms meanwhile%n",
                answered.toMillis(), front.toMillis());

        // The budget (3 s) runs out: the addition fails with 504 and says why; the connections are let go.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !"pending".equals(given().get(check).jsonPath().getString("state")));
        Response done = given().get(check);
        assertThat(done.jsonPath().getString("state")).isEqualTo("failed");
        assertThat(done.jsonPath().getInt("status")).isEqualTo(504);
        assertThat(done.jsonPath().getString("error")).contains("budget");
    }

    @Test
    void onlyAFewAdditionsRunAtOnceAndTheRestAreTurnedAwayAtOnce() throws Exception {
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<Response> answers = new ArrayList<>();
        try {
            List<CompletableFuture<Response>> posts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String client = "198.51.100." + (10 + i);
                posts.add(CompletableFuture.supplyAsync(
                        () -> given().header("X-Forwarded-For", client)
                                .header("Authorization", "Bearer " + TOKEN)
                                .contentType("application/json")
                                .body("{\"url\":\"" + slowUrl() + "/" + client + "\"}")
                                .post("/api/vendors"),
                        clients));
            }
            for (CompletableFuture<Response> p : posts) {
                answers.add(p.get());
            }
        } finally {
            clients.shutdown();
        }
        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        // One runs, one waits its turn; the others are told at once that it is busy.
        assertThat(statuses).containsOnly(202, 503);
        assertThat(statuses.stream().filter(s -> s == 503).count()).isGreaterThanOrEqualTo(4);
        assertThat(answers.stream().filter(a -> a.statusCode() == 503))
                .allSatisfy(a -> assertThat(a.header("Retry-After")).isNotBlank());
        // Leave the pool free for the other tests: the accepted ones end within their budgets.
        for (Response a : answers.stream().filter(a -> a.statusCode() == 202).toList()) {
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> !"pending"
                            .equals(given().get(a.header("Location")).jsonPath().getString("state")));
        }
    }

    @Test
    void eachClientMayAddVendorsAndCreateWatchlistsOnlySoOften() {
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "203.0.113.7")
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("vendor", "inky")
                    .redirects()
                    .follow(false)
                    .post("/watchlists")
                    .then()
                    .statusCode(303);
        }
        Response limited = given().header("X-Forwarded-For", "203.0.113.7")
                .contentType("application/x-www-form-urlencoded")
                .formParam("vendor", "inky")
                .redirects()
                .follow(false)
                .post("/watchlists");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        // Another client is not affected.
        given().header("X-Forwarded-For", "203.0.113.8")
                .contentType("application/x-www-form-urlencoded")
                .formParam("vendor", "inky")
                .redirects()
                .follow(false)
                .post("/watchlists")
                .then()
                .statusCode(303);

        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", "203.0.113.9")
                    .header("Authorization", "Bearer " + TOKEN)
                    .contentType("application/json")
                    .body("{\"url\":\"ftp://not-http.example\"}")
                    .post("/api/vendors")
                    .then()
                    .statusCode(400);
        }
        Response tooMany = given().header("X-Forwarded-For", "203.0.113.9")
                .header("Authorization", "Bearer " + TOKEN)
                .contentType("application/json")
                .body("{\"url\":\"ftp://not-http.example\"}")
                .post("/api/vendors");
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.contentType()).startsWith("application/json");
        assertThat(tooMany.jsonPath().getInt("status")).isEqualTo(429);
    }
}
