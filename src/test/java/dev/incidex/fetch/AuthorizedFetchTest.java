package dev.incidex.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidex.IncidexConfig;
import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetches that prove who is asking: a bearer token, an OAuth client-credentials token, rate-limit resets. */
class AuthorizedFetchTest {

    static final Vertx vertx = FetchTests.vertx();

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    HttpServer server;
    List<String> authorizations = new CopyOnWriteArrayList<>();
    List<String> tokenRequests = new CopyOnWriteArrayList<>();
    Fetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        IncidexConfig.Fetch config = FetcherTest.config(Duration.ofSeconds(2), Duration.ofSeconds(2));
        InstantSource clock = InstantSource.fixed(NOW);
        fetcher = new Fetcher(config, clock, vertx, 4);
        fetcher.oauth = new OAuthClientCredentials(config, clock);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api", ex -> {
            authorizations.add(ex.getRequestHeaders().getFirst("Authorization"));
            send(ex, 200, "{}");
        });
        server.createContext("/tenant/oauth2/v2.0/token", ex -> {
            tokenRequests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            send(ex, 200, "{\"access_token\":\"abc\",\"expires_in\":3599}");
        });
        server.createContext("/refusing/oauth2/v2.0/token", ex -> send(ex, 401, "{\"error\":\"invalid_client\"}"));
        server.createContext("/limited", ex -> {
            ex.getResponseHeaders()
                    .add(
                            "x-rate-limit-reset",
                            String.valueOf(NOW.plusSeconds(600).getEpochSecond()));
            send(ex, 429, "{\"errors\":[{\"code\":88}]}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBearerTokenIsSent() {
        assertThat(fetch("/api", new Authorization.Bearer("t0k3n"))).isInstanceOf(Fetched.class);
        assertThat(authorizations).containsExactly("Bearer t0k3n");
        assertThat(new Authorization.Bearer("t0k3n").toString()).doesNotContain("t0k3n");
    }

    @Test
    void aTokenThatWouldAddAHeaderIsNotSent() {
        assertThat(fetch("/api", new Authorization.Bearer("t0k3n\r\nX-Injected: yes")))
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.message()).startsWith("cannot send the request"));
        assertThat(authorizations).isEmpty();
    }

    @Test
    void aClientCredentialsTokenIsObtainedOnceAndReused() {
        Authorization grant = grant("/tenant");
        assertThat(fetch("/api", grant)).isInstanceOf(Fetched.class);
        assertThat(fetch("/api", grant)).isInstanceOf(Fetched.class);

        assertThat(tokenRequests)
                .singleElement()
                .satisfies(body -> assertThat(body)
                        .contains(
                                "grant_type=client_credentials",
                                "client_id=app-1",
                                "client_secret=s%3Dcr3t",
                                "scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"));
        assertThat(authorizations).containsExactly("Bearer abc", "Bearer abc");
    }

    @Test
    void aRefusedTokenFailsTheFetchWithoutSendingItOrNamingTheSecret() {
        FetchOutcome outcome = fetch("/api", grant("/refusing"));
        assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.message())
                    .startsWith("could not get an access token: ")
                    .contains("HTTP 401")
                    .doesNotContain("s=cr3t");
        });
        assertThat(authorizations).isEmpty();
        assertThat(grant("/refusing").toString()).doesNotContain("s=cr3t");
    }

    @Test
    void xRateLimitResetIsHonouredWithoutRetryAfter() {
        assertThat(fetch("/limited", null))
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.retryAfter()).isEqualTo(Duration.ofMinutes(10)));
    }

    private Authorization grant(String tenantPath) {
        return new Authorization.ClientCredentials(
                URI.create(base() + tenantPath + "/oauth2/v2.0/token"),
                "app-1",
                "s=cr3t",
                "https://graph.microsoft.com/.default");
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private FetchOutcome fetch(String path, Authorization authorization) {
        return fetcher.fetch(URI.create(base() + path), Validators.NONE, authorization)
                .toCompletableFuture()
                .join();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
        ex.close();
    }
}
