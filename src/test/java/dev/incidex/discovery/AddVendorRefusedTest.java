package dev.incidex.discovery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.poll.Poller;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Without the operator's override, internal addresses are refused when adding and when polling added sources. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class AddVendorRefusedTest {

    @Inject
    Poller poller;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "VENDOR_SERVER/refused                 | address 127.0.0.1 is a loopback address and not allowed",
                "http://localhost:9/                   | host localhost is a loopback address and not allowed",
                "http://[::ffff:127.0.0.1]/            | loopback address",
                "http://2130706433/                    | address 2130706433 (127.0.0.1) is a loopback address",
                "http://169.254.169.254/latest/        | link-local",
                "http://metadata.google.internal/      | cloud metadata",
                "http://10.0.0.8/status                | private address",
            })
    void internalAddressesAreRefused(String url, String message) {
        String actual =
                url.replace("VENDOR_SERVER", VendorServerResource.server().baseUrl());
        given().contentType(ContentType.JSON)
                .body(Map.of("url", actual))
                .post("/api/vendors")
                .then()
                .statusCode(400)
                .body("status", equalTo(400))
                .body("error", containsString(message));
        assertThat(VendorServerResource.server().hits("/refused")).isEmpty();
    }

    @Test
    void theFormSaysWhy() {
        given().contentType(ContentType.URLENC)
                .formParam("url", "http://127.0.0.1:1/")
                .post("/vendors")
                .then()
                .statusCode(400)
                .body(containsString("loopback address and not allowed"));
    }

    @Test
    void anAddedSourceIsPolledThroughTheGuardButCatalogSourcesAreNot() {
        VendorServerResource.server()
                .serve(
                        "/sneaky/feed.rss",
                        200,
                        "application/rss+xml",
                        "<rss version=\"2.0\"><channel><title>x</title></channel></rss>");
        long id = QuarkusTransaction.requiringNew().call(() -> {
            Vendor v = new Vendor();
            v.slug = "sneaky-added";
            v.name = "Sneaky";
            v.origin = Vendor.ORIGIN_USER;
            v.createdAt = Instant.parse("2024-01-01T00:00:00Z");
            v.persist();
            Source s = new Source();
            s.vendor = v;
            s.kind = "rss";
            s.url = VendorServerResource.server().baseUrl() + "/sneaky/feed.rss";
            s.enabled = true;
            s.persist();
            return s.id;
        });
        poller.pollSource(id);
        QuarkusTransaction.requiringNew().run(() -> {
            Source s = Source.findById(id);
            assertThat(s.health()).isEqualTo(Source.Health.FAILING);
            assertThat(s.lastError).contains("loopback address and not allowed");
        });
        assertThat(VendorServerResource.server().hits("/sneaky")).isEmpty();
    }
}
