package dev.incidex.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.FetchOutcome.Problem;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guarded fetch walks redirects itself and checks every hop. "localhost" stands in for a
 * public host by being the one host the policy allows; 127.0.0.1 is then an internal address.
 */
class GuardedFetchTest {

    static final Vertx vertx = FetchTests.vertx();

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    HttpServer server;
    Fetcher fetcher = new Fetcher(
            FetcherTest.config(Duration.ofSeconds(2), Duration.ofSeconds(2)),
            InstantSource.fixed(Instant.parse("2024-01-01T00:00:00Z")),
            vertx,
            4);
    AddressPolicy onlyLocalhost = new AddressPolicy(false, List.of("localhost"), InetAddress::getAllByName);
    int port;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/to-internal", ex -> redirect(ex, "http://127.0.0.1:" + port + "/target"));
        server.createContext("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        server.createContext("/relative", ex -> redirect(ex, "/target"));
        server.createContext("/loop", ex -> redirect(ex, "/loop"));
        server.createContext("/target", ex -> {
            byte[] body = "the document".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private FetchOutcome fetch(String url, AddressPolicy policy) {
        return fetcher.fetchGuarded(URI.create(url), Validators.NONE, policy)
                .toCompletableFuture()
                .join();
    }

    @Test
    void aRedirectToAnInternalAddressIsRefused() {
        FetchOutcome outcome = fetch("http://localhost:" + port + "/to-internal", onlyLocalhost);
        assertThat(outcome).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.problem()).isEqualTo(Problem.REFUSED_ADDRESS);
            assertThat(f.message())
                    .contains("address 127.0.0.1 is a loopback address and not allowed")
                    .contains("redirected to http://127.0.0.1:" + port + "/target");
            assertThat(f.url()).isEqualTo(URI.create("http://localhost:" + port + "/to-internal"));
        });
        assertThat(fetch("http://localhost:" + port + "/to-metadata", onlyLocalhost))
                .isInstanceOfSatisfying(
                        Failed.class,
                        f -> assertThat(f.message()).contains("169.254.169.254").contains("link-local"));
    }

    @Test
    void allowedHopsAreFollowed() {
        assertThat(fetch("http://localhost:" + port + "/relative", onlyLocalhost))
                .isInstanceOfSatisfying(
                        Fetched.class,
                        f -> assertThat(new String(f.body(), StandardCharsets.UTF_8))
                                .isEqualTo("the document"));
        AddressPolicy open = new AddressPolicy(true, List.of(), InetAddress::getAllByName);
        assertThat(fetch("http://localhost:" + port + "/to-internal", open)).isInstanceOf(Fetched.class);
    }

    @Test
    void theFirstHopIsCheckedToo() {
        assertThat(fetch("http://127.0.0.1:" + port + "/target", onlyLocalhost))
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.problem()).isEqualTo(Problem.REFUSED_ADDRESS));
        assertThat(server.getAddress()).isNotNull();
    }

    @Test
    void redirectLoopsEnd() {
        assertThat(fetch("http://localhost:" + port + "/loop", onlyLocalhost))
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.message()).contains("more than 5 redirects"));
    }

    @Test
    void aCatalogSourcesOwnServerIsTrustedButNotWhereItRedirects() throws IOException {
        AddressPolicy guard = new AddressPolicy(false, List.of(), InetAddress::getAllByName);
        URI catalogUrl = URI.create("http://127.0.0.1:" + port + "/to-other-port");
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", ex -> {
            byte[] body = "internal".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        other.start();
        try {
            server.createContext(
                    "/to-other-port",
                    ex -> redirect(ex, "http://127.0.0.1:" + other.getAddress().getPort() + "/secret"));
            assertThat(fetch(catalogUrl.toString(), guard.trustingOrigin(catalogUrl)))
                    .isInstanceOfSatisfying(Failed.class, f -> {
                        assertThat(f.problem()).isEqualTo(Problem.REFUSED_ADDRESS);
                        assertThat(f.message()).contains("loopback").doesNotContain("internal");
                    });
            // The same server's own redirects are followed.
            URI relative = URI.create("http://127.0.0.1:" + port + "/relative");
            assertThat(fetch(relative.toString(), guard.trustingOrigin(relative)))
                    .isInstanceOf(Fetched.class);
            // An operator who allows the range lets the redirect through.
            AddressPolicy allowsLoopback =
                    new AddressPolicy(false, List.of(), List.of("127.0.0.0/8"), InetAddress::getAllByName);
            assertThat(fetch(catalogUrl.toString(), allowsLoopback.trustingOrigin(catalogUrl)))
                    .isInstanceOfSatisfying(
                            Fetched.class,
                            f -> assertThat(new String(f.body(), StandardCharsets.UTF_8))
                                    .isEqualTo("internal"));
        } finally {
            other.stop(0);
        }
    }

    /**
     * The fetch connects to the address the policy checked instead of resolving the name again: a server that
     * answers the check with a public address and the connection with an internal one (DNS rebinding) gets nowhere.
     * ".invalid" names never resolve (RFC 6761), so this fetch succeeds only from the checked address.
     */
    @Test
    void theCheckedAddressIsTheOneConnectedTo() throws IOException {
        java.util.concurrent.atomic.AtomicReference<String> hostHeader =
                new java.util.concurrent.atomic.AtomicReference<>();
        server.createContext("/host", ex -> {
            hostHeader.set(ex.getRequestHeaders().getFirst("Host"));
            byte[] body = "checked".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        AddressPolicy.Resolver dns = host -> {
            if (host.equals("vendor.invalid")) {
                // Named, as the system resolver's answers are: the client must not look the name up again.
                return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
            }
            throw new java.net.UnknownHostException(host);
        };
        AddressPolicy allowsLoopback = new AddressPolicy(false, List.of(), List.of("127.0.0.0/8"), dns);
        assertThat(fetch("http://vendor.invalid:" + port + "/host", allowsLoopback))
                .isInstanceOfSatisfying(
                        Fetched.class,
                        f -> assertThat(new String(f.body(), StandardCharsets.UTF_8))
                                .isEqualTo("checked"));
        assertThat(hostHeader.get()).isEqualTo("vendor.invalid:" + port);
        // A name the check could not resolve is not resolved again by the client: it fails as unknown.
        assertThat(fetch("http://gone.invalid:" + port + "/host", allowsLoopback))
                .isInstanceOfSatisfying(Failed.class, f -> {
                    assertThat(f.problem()).isEqualTo(Problem.NETWORK);
                    assertThat(f.message()).contains("unknown host gone.invalid");
                });
    }
}
