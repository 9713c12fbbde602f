package dev.incidex.fetch;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

/** What the fetch stage's tests share: a Vert.x for their fetchers, its HTTP client already warm. */
final class FetchTests {

    private static boolean warm;

    private FetchTests() {}

    /**
     * A Vert.x of the caller's own, to close when done. The first request in a JVM loads Vert.x's, Netty's and
     * the TLS classes (seconds on a busy machine), which a test's deadline of a second must not count: the first
     * call makes one such request to a server of its own.
     */
    static synchronized Vertx vertx() {
        Vertx vertx = Vertx.vertx();
        if (!warm) {
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", ex -> {
                ex.sendResponseHeaders(204, -1);
                ex.close();
            });
            server.start();
            HttpClient client = vertx.createHttpClient();
            try {
                client.request(new RequestOptions()
                                .setHost("127.0.0.1")
                                .setPort(server.getAddress().getPort())
                                .setURI("/"))
                        .compose(request -> request.send())
                        .toCompletionStage()
                        .toCompletableFuture()
                        .join();
            } finally {
                client.close();
                server.stop(0);
            }
            warm = true;
        }
        return vertx;
    }
}
