package dev.incidex.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.incident.Incident;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One scheduled cycle over vendors that answer with values that do not fit (a Retry-After beyond a
 * long, an ETag over 1 000 characters, a Last-Modified over 100, a NUL in what becomes the error) or
 * redirect where a catalog source must not go, and one healthy vendor polled last. Before: the first
 * of them stopped the cycle, every later source was fetched but never merged or recorded, and the
 * culprit still read "ok"; a redirect to the metadata address published its answer in the error.
 * Run on H2 ({@link HostileVendorsTest}) and on PostgreSQL ({@link HostileVendorsOnPostgresTest}).
 */
public abstract class HostileVendorsChecks {

    static final String JSON = "application/json";
    static final String RSS = "application/rss+xml";

    @Inject
    Poller poller;

    HttpServer internal;
    final AtomicInteger internalHits = new AtomicInteger();

    @BeforeEach
    public void internalService() throws IOException {
        // Stands for a service on the operator's network that only answers on loopback.
        internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        internal.createContext("/", ex -> {
            internalHits.incrementAndGet();
            byte[] body =
                    "{\"AccessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"SecretAccessKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}"
                            .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        internal.start();
    }

    @AfterEach
    public void stop() {
        internal.stop(0);
    }

    @Test
    public void everySourceOfTheCycleCompletesAndEachFailureIsItsOwn() {
        VendorServer server = VendorServerResource.server();
        String noMaintenance = "{\"scheduled_maintenances\":[]}";
        server.serveWithHeaders(
                        "/cycle-retry/api/v2/incidents.json",
                        429,
                        JSON,
                        new byte[0],
                        Map.of("Retry-After", "99999999999999999999"))
                .serve("/cycle-retry/api/v2/scheduled-maintenances.json", 200, JSON, noMaintenance)
                .serveWithHeaders(
                        "/cycle-etag/feed.rss",
                        200,
                        RSS,
                        rss("Slow logins").getBytes(StandardCharsets.UTF_8),
                        Map.of("ETag", "\"" + "e".repeat(1500) + "\""))
                .serveWithHeaders(
                        "/cycle-lastmod/feed.rss",
                        200,
                        RSS,
                        rss("Queue delays").getBytes(StandardCharsets.UTF_8),
                        Map.of("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT " + "x".repeat(200)))
                .serve("/cycle-nul/api/v2/incidents.json", 200, JSON, "{\"\\u0000AKIA\": 1}")
                .serve("/cycle-nul/api/v2/scheduled-maintenances.json", 200, JSON, noMaintenance)
                .serveWithHeaders(
                        "/cycle-metadata/feed.rss",
                        302,
                        "text/plain",
                        new byte[0],
                        Map.of("Location", "http://169.254.169.254/latest/meta-data/iam/security-credentials/"))
                .serveWithHeaders(
                        "/cycle-internal/feed.rss",
                        302,
                        "text/plain",
                        new byte[0],
                        Map.of(
                                "Location",
                                "http://127.0.0.1:" + internal.getAddress().getPort() + "/credentials.json"))
                .serveWithHeaders(
                        "/cycle-moved/feed.rss",
                        301,
                        "text/plain",
                        new byte[0],
                        Map.of("Location", "/cycle-moved/new.rss"))
                .serve("/cycle-moved/new.rss", 200, RSS, rss("Webhooks delayed"));
        new StatuspageIncidents()
                .add(new StatuspageIncidents.Spec(
                        "good1",
                        "Checkout errors",
                        "major",
                        "investigating",
                        Instant.parse("2024-05-01T10:00:00Z"),
                        null,
                        List.of(),
                        List.of("Looking into it.")))
                .serveAs("cycle-good");

        PollReport report = poller.pollDue();

        assertThat(report.sources()).isGreaterThanOrEqualTo(8);
        // The healthy vendor, polled last, is merged and recorded.
        assertThat(titles("cycle-good")).containsExactly("Checkout errors");
        assertThat(source("cycle-good").health()).isEqualTo(Source.Health.OK);

        Source retry = source("cycle-retry");
        assertThat(retry.health()).isEqualTo(Source.Health.FAILING);
        assertThat(retry.lastError).contains("429");
        assertThat(retry.nextPollAt)
                .isBefore(retry.lastPolledAt.plus(Duration.ofDays(1)).plusSeconds(1));

        // Validators that do not fit are dropped; the documents are still read and stored.
        assertThat(titles("cycle-etag")).containsExactly("Slow logins");
        assertThat(source("cycle-etag").health()).isEqualTo(Source.Health.OK);
        assertThat(source("cycle-etag").documents.values())
                .extracting(d -> d.etag)
                .containsOnlyNulls();
        assertThat(titles("cycle-lastmod")).containsExactly("Queue delays");
        assertThat(source("cycle-lastmod").documents.values())
                .extracting(d -> d.lastModified)
                .containsOnlyNulls();

        Source nul = source("cycle-nul");
        assertThat(nul.health()).isEqualTo(Source.Health.FAILING);
        assertThat(nul.lastError).contains("incidents.json").doesNotContain("\u0000");

        // A catalog source's redirects go through the address guard; nothing is asked of the internal service.
        Source metadata = source("cycle-metadata");
        assertThat(metadata.health()).isEqualTo(Source.Health.FAILING);
        assertThat(metadata.lastError).contains("169.254.169.254").contains("link-local");
        Source internalRedirect = source("cycle-internal");
        assertThat(internalRedirect.health()).isEqualTo(Source.Health.FAILING);
        assertThat(internalRedirect.lastError).contains("loopback").doesNotContain("AKIA");
        assertThat(internalHits.get()).isZero();
        assertThat(titles("cycle-internal")).isEmpty();

        // A redirect on the vendor's own server is followed.
        assertThat(titles("cycle-moved")).containsExactly("Webhooks delayed");
        assertThat(source("cycle-moved").health()).isEqualTo(Source.Health.OK);
    }

    private static String rss(String title) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Status</title><link>https://status.example.test</link>"
                + "<description>d</description><item><title>" + title
                + "</title><guid>https://status.example.test/i/1</guid>"
                + "<link>https://status.example.test/i/1</link><pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate>"
                + "<description>We are investigating.</description></item></channel></rss>";
    }

    private static Source source(String vendor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Source s = Vendor.findBySlug(vendor).orElseThrow().sources.get(0);
            s.documents.size();
            return s;
        });
    }

    private static List<String> titles(String vendor) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>list("vendor.slug", vendor).stream()
                        .map(i -> i.title)
                        .toList());
    }
}
