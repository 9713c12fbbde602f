package dev.incidex.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback, for tests: records every POST with its idempotency key and body, and
 * can be told to answer the next requests to a path with an error, as a receiver that is down would.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request received, whatever it was answered. */
    public record Received(
            String path, String idempotencyKey, String deliveryHeader, String contentType, String body, int answered) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

    public WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next {@code count} requests to {@code path} are answered 503. */
    public void failNext(String path, int count) {
        failures.computeIfAbsent(path, p -> new AtomicInteger()).addAndGet(count);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        AtomicInteger failing = failures.get(path);
        int status = failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
        received.add(new Received(
                path,
                exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                exchange.getRequestHeaders().getFirst("X-Incidex-Delivery"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                body,
                status));
        byte[] answer = (status == 200 ? "ok" : "down").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
