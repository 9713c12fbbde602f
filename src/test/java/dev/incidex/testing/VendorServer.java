package dev.incidex.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A vendor's status server on loopback, for tests: serves recorded documents with ETags (and 304s
 * to If-None-Match), can be made to fail, and records every request it answered.
 */
public final class VendorServer implements AutoCloseable {

    /**
     * One answered request: its path, the If-None-Match it carried and the status returned; also its
     * method, query string, Authorization header and body (for token endpoints and APIs with auth).
     */
    public record Hit(
            String path,
            String ifNoneMatch,
            int status,
            String method,
            String query,
            String authorization,
            String body) {
        public Hit(String path, String ifNoneMatch, int status) {
            this(path, ifNoneMatch, status, "GET", null, null, "");
        }
    }

    private record Answer(
            int status,
            String contentType,
            byte[] body,
            boolean validators,
            String location,
            Map<String, String> headers) {
        Answer(int status, String contentType, byte[] body, boolean validators) {
            this(status, contentType, body, validators, null, Map.of());
        }
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();

    public VendorServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves a fixture from src/test/resources/fixtures at {@code path}. */
    public VendorServer serveFixture(String path, String fixture, String contentType) {
        return serve(path, 200, contentType, Fixtures.bytes(fixture));
    }

    public VendorServer serve(String path, int status, String contentType, String body) {
        return serve(path, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public VendorServer serve(String path, int status, String contentType, byte[] body) {
        answers.put(path, new Answer(status, contentType, body, true));
        return this;
    }

    /** Answers {@code path} with a redirect ({@code status} 301, 302, 307 or 308) to {@code location}. */
    public VendorServer redirect(String path, int status, String location) {
        answers.put(path, new Answer(status, "text/plain", new byte[0], false, location, Map.of()));
        return this;
    }

    /** The same server under another host name ({@code localhost}), for redirects that leave the host. */
    public String otherHostBaseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /**
     * Answers with headers of the test's choosing (a hostile Retry-After, an oversized ETag, a Location),
     * sending no ETag of its own and ignoring If-None-Match.
     */
    public VendorServer serveWithHeaders(
            String path, int status, String contentType, byte[] body, Map<String, String> headers) {
        answers.put(path, new Answer(status, contentType, body, false, null, Map.copyOf(headers)));
        return this;
    }

    /** Like a server that sends no ETag and ignores If-None-Match: every poll is a full 200. */
    public VendorServer serveWithoutValidators(String path, String contentType, byte[] body) {
        answers.put(path, new Answer(200, contentType, body, false));
        return this;
    }

    public List<Hit> hits(String pathPrefix) {
        return hits.stream().filter(h -> h.path().startsWith(pathPrefix)).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream requestBody = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String method = exchange.getRequestMethod();
            String query = exchange.getRequestURI().getRawQuery();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String body = new String(requestBody.readAllBytes(), StandardCharsets.UTF_8);
            Answer answer = query == null
                    ? null
                    : answers.get(path + "?" + query); // "/history?page=2" may differ from "/history"
            if (answer == null) {
                answer = answers.get(path);
            }
            if (answer == null) {
                answer = new Answer(404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8), false);
            }
            String etag = "\"" + sha256(answer.body()) + "\"";
            if (answer.validators() && answer.status() == 200 && etag.equals(ifNoneMatch)) {
                hits.add(new Hit(path, ifNoneMatch, 304, method, query, authorization, body));
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            hits.add(new Hit(path, ifNoneMatch, answer.status(), method, query, authorization, body));
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            if (answer.location() != null) {
                exchange.getResponseHeaders().add("Location", answer.location());
            }
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            if (answer.validators() && answer.status() == 200) {
                exchange.getResponseHeaders().add("ETag", etag);
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body());
            }
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body))
                    .substring(0, 24);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
