package dev.incidex.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidex.IncidexConfig;
import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.FetchOutcome.NotModified;
import dev.incidex.fetch.FetchOutcome.Problem;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher against a loopback server: validators, limits, and every failure as a named outcome. */
class FetcherTest {

    static final Vertx vertx = FetchTests.vertx();

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    static final int CAP = 1000;

    HttpServer server;
    AtomicReference<String> seenIfNoneMatch = new AtomicReference<>();
    Fetcher fetcher = new Fetcher(
            config(Duration.ofSeconds(2), Duration.ofMillis(700)),
            InstantSource.fixed(Instant.parse("2024-01-01T00:00:00Z")),
            vertx,
            4);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/etag", ex -> {
            seenIfNoneMatch.set(ex.getRequestHeaders().getFirst("If-None-Match"));
            ex.getResponseHeaders().add("ETag", "\"v1\"");
            ex.getResponseHeaders().add("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT");
            if ("\"v1\"".equals(seenIfNoneMatch.get())) {
                ex.sendResponseHeaders(304, -1);
            } else {
                send(ex, 200, "hello".getBytes(StandardCharsets.UTF_8));
            }
            ex.close();
        });
        server.createContext("/big", ex -> {
            send(ex, 200, new byte[CAP + 1]);
            ex.close();
        });
        server.createContext("/big-chunked", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 20; i++) {
                    out.write(new byte[100]);
                }
            } catch (IOException ignored) {
                // the client gave up, as it should
            }
            ex.close();
        });
        server.createContext("/gzip-bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, gzip(new byte[CAP * 50]));
            ex.close();
        });
        server.createContext("/gzip", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, gzip("compressed".getBytes(StandardCharsets.UTF_8)));
            ex.close();
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        server.createContext("/limited", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            send(ex, 429, new byte[0]);
            ex.close();
        });
        server.createContext("/gone", ex -> {
            send(ex, 404, "nope".getBytes(StandardCharsets.UTF_8));
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void sendsTheLastValidatorsAndA304IsNotModified() {
        FetchOutcome first = fetch("/etag", Validators.NONE);
        assertThat(first).isInstanceOfSatisfying(Fetched.class, f -> {
            assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(f.etag()).isEqualTo("\"v1\"");
            assertThat(f.lastModified()).isEqualTo("Mon, 01 Jan 2024 00:00:00 GMT");
        });
        assertThat(seenIfNoneMatch.get()).isNull();

        FetchOutcome second = fetch("/etag", new Validators("\"v1\"", "Mon, 01 Jan 2024 00:00:00 GMT"));
        assertThat(second).isInstanceOf(NotModified.class);
        assertThat(seenIfNoneMatch.get()).isEqualTo("\"v1\"");
    }

    @Test
    void bodiesOverTheCapFailAsTooLarge() {
        assertThat(problem(fetch("/big", Validators.NONE))).isEqualTo(Problem.TOO_LARGE);
        assertThat(problem(fetch("/big-chunked", Validators.NONE))).isEqualTo(Problem.TOO_LARGE);
        assertThat(problem(fetch("/gzip-bomb", Validators.NONE))).isEqualTo(Problem.TOO_LARGE);
    }

    @Test
    void gzipBodiesAreDecompressed() {
        assertThat(fetch("/gzip", Validators.NONE))
                .isInstanceOfSatisfying(
                        Fetched.class,
                        f -> assertThat(new String(f.body(), StandardCharsets.UTF_8))
                                .isEqualTo("compressed"));
    }

    @Test
    void aSlowServerTimesOut() {
        long start = System.nanoTime();
        FetchOutcome outcome = fetch("/slow", Validators.NONE);
        assertThat(problem(outcome)).isEqualTo(Problem.TIMEOUT);
        assertThat(((Failed) outcome).message()).contains("within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
    }

    @Test
    void rateLimitsCarryRetryAfterAndOtherStatusesSayWhichStatus() {
        FetchOutcome limited = fetch("/limited", Validators.NONE);
        assertThat(limited).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.problem()).isEqualTo(Problem.RATE_LIMITED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        });
        assertThat(fetch("/gone", Validators.NONE)).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.problem()).isEqualTo(Problem.HTTP_STATUS);
            assertThat(f.message()).contains("404");
        });
    }

    @Test
    void aClosedPortIsANetworkFailure() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FetchOutcome outcome = fetcher.fetch(URI.create("http://127.0.0.1:" + port + "/x"), Validators.NONE)
                .toCompletableFuture()
                .join();
        assertThat(problem(outcome)).isEqualTo(Problem.NETWORK);
        assertThat(((Failed) outcome).message()).isEqualTo("connection refused by 127.0.0.1");
    }

    @Test
    void redirectsAreFollowedAndAPermanentMoveToAnotherHostIsReported() {
        int port = server.getAddress().getPort();
        server.createContext("/moved", ex -> redirect(ex, 301, "http://localhost:" + port + "/etag"));
        server.createContext("/tidied", ex -> redirect(ex, 308, "/etag"));
        server.createContext("/elsewhere-for-now", ex -> redirect(ex, 302, "http://localhost:" + port + "/etag"));

        assertThat(fetch("/moved", Validators.NONE))
                .isInstanceOfSatisfying(
                        Fetched.class,
                        f -> assertThat(f.movedTo()).isEqualTo(URI.create("http://localhost:" + port + "/etag")));
        assertThat(fetch("/tidied", Validators.NONE))
                .isInstanceOfSatisfying(
                        Fetched.class, f -> assertThat(f.movedTo()).isNull());
        assertThat(fetch("/elsewhere-for-now", Validators.NONE))
                .isInstanceOfSatisfying(
                        Fetched.class, f -> assertThat(f.movedTo()).isNull());
    }

    @Test
    void aConnectionClosedBeforeAnyAnswerIsAskedAgainOnceOnAnother() throws Exception {
        // The second request finds its connection closed without an answer, as a kept-alive connection does when
        // the server's idle timeout ends just as the request goes out.
        try (ClosingServer server = new ClosingServer(n -> n == 2)) {
            assertThat(fetch(server)).isInstanceOf(Fetched.class);
            assertThat(fetch(server)).isInstanceOf(Fetched.class);
            assertThat(server.requests).hasValue(3);
        }
        try (ClosingServer server = new ClosingServer(n -> true)) {
            assertThat(fetch(server))
                    .isInstanceOfSatisfying(
                            Failed.class,
                            f -> assertThat(f.message()).isEqualTo("network error: Connection was closed"));
            assertThat(server.requests).hasValue(2);
        }
    }

    private FetchOutcome fetch(ClosingServer server) {
        return fetcher.fetch(URI.create("http://127.0.0.1:" + server.socket.getLocalPort() + "/doc"), Validators.NONE)
                .toCompletableFuture()
                .join();
    }

    /** Answers requests with keep-alive, but closes the connection instead of answering the requests it picks. */
    static final class ClosingServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        final AtomicInteger requests = new AtomicInteger();

        ClosingServer(IntPredicate closesAt) throws IOException {
            byte[] answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.ISO_8859_1);
            Thread accepting = new Thread(() -> {
                while (true) {
                    Socket connection;
                    try {
                        connection = socket.accept();
                    } catch (IOException closed) {
                        return;
                    }
                    Thread serving = new Thread(() -> {
                        try (connection) {
                            while (!head(connection.getInputStream()).isEmpty()) {
                                if (closesAt.test(requests.incrementAndGet())) {
                                    return;
                                }
                                connection.getOutputStream().write(answer);
                            }
                        } catch (IOException gone) {
                            // the client let go
                        }
                    });
                    serving.setDaemon(true);
                    serving.start();
                }
            });
            accepting.setDaemon(true);
            accepting.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The request line of the next request on {@code in}, after reading its whole head; empty at its end. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while (!head.toString().endsWith("\r\n\r\n") && (b = in.read()) != -1) {
            head.append((char) b);
        }
        int line = head.indexOf("\r\n");
        return line < 0 ? "" : head.substring(0, line);
    }

    @Test
    void aUrlThatCannotBeSentIsAFailureNotAnException() {
        FetchOutcome outcome = fetcher.fetch(URI.create("ftp://127.0.0.1/x"), Validators.NONE)
                .toCompletableFuture()
                .join();
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.message()).startsWith("cannot send the request"));
        FetchOutcome badValidator = fetch("/etag", new Validators("\"v1\"\r\nX-Injected: yes", null));
        assertThat(badValidator)
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.message()).startsWith("cannot send the request"));
    }

    private FetchOutcome fetch(String path, Validators validators) {
        return fetcher.fetch(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), validators)
                .toCompletableFuture()
                .join();
    }

    private static Problem problem(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(Failed.class);
        return ((Failed) outcome).problem();
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, int status, String location)
            throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static IncidexConfig.Fetch config(Duration connect, Duration total) {
        return new IncidexConfig.Fetch() {
            public Duration connectTimeout() {
                return connect;
            }

            public Duration timeout() {
                return total;
            }

            public int maxBodyBytes() {
                return CAP;
            }

            public String userAgent() {
                return "Incidex-test";
            }

            public boolean allowPrivateAddresses() {
                return false;
            }

            public Optional<java.util.List<String>> allowedHosts() {
                return Optional.empty();
            }

            public Optional<java.util.List<String>> allowedNetworks() {
                return Optional.empty();
            }

            public int maxRedirects() {
                return 5;
            }
        };
    }
}
