package dev.incidex.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.TestDatabase;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A source that answers one byte a second (headers that never end) holds up no other source: each
 * source is fetched, merged and recorded as soon as its own documents are in.
 */
@QuarkusTest
@TestProfile(SlowSourceTest.OwnDatabase.class)
@WithTestResource(VendorServerResource.class)
class SlowSourceTest {

    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestDatabase.ownDatabase("incidex-slow"));
            config.put("incidex.fetch.timeout", "20s");
            return config;
        }
    }

    @Inject
    Poller poller;

    private final List<Socket> trickling = new ArrayList<>();
    private ServerSocket slowServer;

    @AfterEach
    void stopSlowServer() throws IOException {
        if (slowServer != null) {
            slowServer.close();
        }
        for (Socket s : trickling) {
            s.close();
        }
    }

    @Test
    void aSourceThatTricklesDelaysNoOtherSource() throws IOException {
        String slowUrl = startTricklingServer();
        VendorServerResource.server()
                .serve(
                        "/quick/api/v2/incidents.json",
                        200,
                        "application/json",
                        StatuspageIncidents.oneOpenIncident("Quick outage"))
                .serve(
                        "/quick/api/v2/scheduled-maintenances.json",
                        200,
                        "application/json",
                        "{\"scheduled_maintenances\":[]}");
        QuarkusTransaction.requiringNew().run(() -> {
            Source.update("enabled = false");
            source(vendor("slowco"), "rss", slowUrl);
            for (int i = 0; i < 3; i++) {
                source(
                        vendor("quick-" + i),
                        "statuspage",
                        VendorServerResource.server().baseUrl() + "/quick");
            }
        });

        Poller.Round round = poller.claimDue();

        // The slow source is claimed first (its id is the lowest), yet every quick one is recorded
        // before the slow one times out.
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(sources("quick-"))
                        .allSatisfy(s -> assertThat(s.health()).isEqualTo(Source.Health.OK)));
        round.done.join();
        Source slow = sources("slowco").get(0);
        assertThat(slow.health()).isEqualTo(Source.Health.FAILING);
        Instant lastQuick = sources("quick-").stream()
                .map(s -> s.lastPolledAt)
                .max(Instant::compareTo)
                .orElseThrow();
        assertThat(lastQuick).isBefore(slow.lastPolledAt);
    }

    private static Vendor vendor(String slug) {
        Vendor v = new Vendor();
        v.slug = slug;
        v.name = slug;
        v.origin = Vendor.ORIGIN_CATALOG;
        v.inCatalog = true;
        v.createdAt = Instant.now();
        v.persist();
        return v;
    }

    private static void source(Vendor vendor, String kind, String url) {
        Source s = new Source();
        s.vendor = vendor;
        s.kind = kind;
        s.url = url;
        s.enabled = true;
        s.persist();
    }

    private static List<Source> sources(String slugPrefix) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Source.<Source>list("vendor.slug like ?1", slugPrefix + "%"));
    }

    /** Accepts connections and sends a status line, then one header byte a second, never finishing. */
    private String startTricklingServer() throws IOException {
        slowServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(() -> {
            while (!slowServer.isClosed()) {
                try {
                    Socket socket = slowServer.accept();
                    synchronized (trickling) {
                        trickling.add(socket);
                    }
                    Thread t = new Thread(() -> trickle(socket));
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
        return "http://127.0.0.1:" + slowServer.getLocalPort() + "/feed.rss";
    }

    private static void trickle(Socket socket) {
        try (OutputStream out = socket.getOutputStream()) {
            out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write('a');
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException | InterruptedException gone) {
            // the client gave up, as it should
        }
    }
}
