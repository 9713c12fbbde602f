package dev.incidex.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.FetchOutcome.Problem;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fetcher against servers that misbehave on purpose, written byte by byte on a raw socket: the
 * server itself reports when the fetcher let go of the connection and how much it managed to send.
 */
class HostileServerFetchTest {

    static final Vertx vertx = FetchTests.vertx();

    @AfterAll
    static void closeVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    static final Duration TIMEOUT = Duration.ofMillis(800);

    Fetcher fetcher = new Fetcher(
            FetcherTest.config(Duration.ofSeconds(2), TIMEOUT),
            InstantSource.fixed(Instant.parse("2024-01-01T00:00:00Z")),
            vertx,
            4);
    RawServer server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void headersThatNeverEndTimeOutAndTheConnectionIsClosedAtOnce() throws Exception {
        server = new RawServer(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: ");
            while (true) {
                write(out, "a"); // one byte at a time, the header line never ends
                sleep(50);
            }
        });
        assertTimesOutAndLetsGo();
    }

    @Test
    void aBodyOfOneByteAtATimeTimesOutAndTheConnectionIsClosedAtOnce() throws Exception {
        server = new RawServer(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 900\r\n\r\n");
            while (true) {
                write(out, " ");
                sleep(50);
            }
        });
        assertTimesOutAndLetsGo();
    }

    @Test
    void aBodyDeclaredOverTheCapIsRefusedWithoutDownloadingIt() throws Exception {
        long declared = 200L * 1024 * 1024;
        server = new RawServer(out -> {
            write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + declared + "\r\n\r\n");
            byte[] chunk = new byte[64 * 1024];
            for (long sent = 0; sent < declared; sent += chunk.length) {
                out.write(chunk);
            }
        });
        long start = System.nanoTime();
        FetchOutcome outcome = fetch();
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.problem()).isEqualTo(Problem.TOO_LARGE));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(TIMEOUT);
        server.awaitLetGo(Duration.ofSeconds(5));
        // What the kernel's socket buffers took before the close, not the 200 MiB (before: all of it was read).
        assertThat(server.bytesSent()).isLessThan(declared / 10);
        System.out.printf(
                "figure: a body declared at %d bytes: refused after %d ms, %d bytes sent before the close%n",
                declared, Duration.ofNanos(System.nanoTime() - start).toMillis(), server.bytesSent());
    }

    @Test
    void valuesOverTheColumnsAreDroppedNotStored() throws Exception {
        String etag = "\"" + "e".repeat(1500) + "\"";
        String lastModified = "Mon, 01 Jan 2024 00:00:00 GMT" + " ".repeat(10) + "x".repeat(150);
        server = new RawServer(out -> write(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nETag: " + etag + "\r\nLast-Modified: "
                        + lastModified + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"));
        assertThat(fetch()).isInstanceOfSatisfying(Fetched.class, f -> {
            assertThat(f.etag()).isNull();
            assertThat(f.lastModified()).isNull();
            assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
        });
    }

    @Test
    void aRetryAfterBeyondALongIsReadAsALongWaitNotAnError() throws Exception {
        server = new RawServer(out -> write(
                out,
                "HTTP/1.1 429 Too Many Requests\r\nRetry-After: 99999999999999999999\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n"));
        assertThat(fetch()).isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.problem()).isEqualTo(Problem.RATE_LIMITED);
            assertThat(f.retryAfter()).isEqualTo(Duration.ofDays(365));
        });
    }

    @Test
    void anUnreadableContentLengthIsThisSourcesFailure() throws Exception {
        server = new RawServer(out -> write(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: twelve\r\n"
                        + "Connection: close\r\n\r\n{}"));
        assertThat(fetch())
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.problem()).isEqualTo(Problem.NETWORK));
    }

    @Test
    void longHeadersAsStatusPagesSendThemAreRead() throws Exception {
        // A Content-Security-Policy of 20 000 characters: over Vert.x's default limit of 8 KiB for all headers.
        String policy = "default-src 'self'; script-src " + "https://cdn.example.com ".repeat(800);
        server = new RawServer(out -> write(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Security-Policy: " + policy
                        + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"));
        assertThat(fetch()).isInstanceOf(Fetched.class);
    }

    private void assertTimesOutAndLetsGo() throws Exception {
        long start = System.nanoTime();
        FetchOutcome outcome = fetch();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        Failed.class, f -> assertThat(f.problem()).isEqualTo(Problem.TIMEOUT));
        assertThat(took).isLessThan(TIMEOUT.plusSeconds(2));
        // Before: the exchange went on reading after the timeout (300 s seen); now the server's next writes fail.
        Duration letGo = server.awaitLetGo(Duration.ofSeconds(10));
        assertThat(letGo).isLessThan(TIMEOUT.plusSeconds(3));
        System.out.printf(
                "figure: timed out after %d ms (timeout %d ms); the server saw the connection closed %d ms after it opened%n",
                took.toMillis(), TIMEOUT.toMillis(), letGo.toMillis());
    }

    private FetchOutcome fetch() {
        return fetcher.fetch(URI.create("http://127.0.0.1:" + server.port() + "/doc"), Validators.NONE)
                .toCompletableFuture()
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
    }

    interface Script {
        void run(OutputStream out) throws IOException;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Accepts one connection, reads the request head, then runs a script until the client lets go. */
    static final class RawServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        private final CompletableFuture<Long> letGo = new CompletableFuture<>();
        private final AtomicLong sent = new AtomicLong();
        private final long started = System.nanoTime();

        RawServer(Script script) throws IOException {
            Thread t = new Thread(
                    () -> {
                        try (Socket s = socket.accept()) {
                            readHead(s.getInputStream());
                            OutputStream counting = new OutputStream() {
                                final OutputStream out = s.getOutputStream();

                                @Override
                                public void write(int b) throws IOException {
                                    out.write(b);
                                    sent.incrementAndGet();
                                }

                                @Override
                                public void write(byte[] b, int off, int len) throws IOException {
                                    out.write(b, off, len);
                                    sent.addAndGet(len);
                                }

                                @Override
                                public void flush() throws IOException {
                                    out.flush();
                                }
                            };
                            script.run(counting);
                            // A script that ends: wait for the client to close.
                            while (s.getInputStream().read() != -1) {
                                // discard
                            }
                        } catch (IOException closedByClient) {
                            // the point of the test
                        } finally {
                            letGo.complete(System.nanoTime());
                        }
                    },
                    "raw-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        long bytesSent() {
            return sent.get();
        }

        /** How long after the server started the client's side of the connection was gone. */
        Duration awaitLetGo(Duration atMost) throws Exception {
            return Duration.ofNanos(letGo.get(atMost.toMillis(), TimeUnit.MILLISECONDS) - started);
        }

        private static void readHead(InputStream in) throws IOException {
            int matched = 0;
            byte[] end = {'\r', '\n', '\r', '\n'};
            int b;
            while (matched < 4 && (b = in.read()) != -1) {
                matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
