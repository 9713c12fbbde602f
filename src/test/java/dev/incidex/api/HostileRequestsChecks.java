package dev.incidex.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Requests a hostile client sends, each of which was a 500 or an answer in the framework's shape
 * (issue 9's list): every one is now a 4xx with a message, JSON under {@code /api}, short however long
 * the input was. Run on H2 ({@link HostileRequestsTest}) and on PostgreSQL ({@link HostileRequestsOnPostgresTest}),
 * where a NUL in a parameter reached the database as "invalid byte sequence 0x00".
 */
public abstract class HostileRequestsChecks {

    static final String VENDOR = "cycle-good";
    static final String HUGE = "x".repeat(100_000);

    /** A cursor that decodes but names a time no database stores: "-99999999999.0.1". */
    static final String FORGED_CURSOR = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("-99999999999.0.1".getBytes(StandardCharsets.US_ASCII));

    @Test
    public void apiParametersThatWere500sAreJson400s() {
        api(given().urlEncodingEnabled(false), "GET", "/api/vendors/%00", 400);
        api(given().urlEncodingEnabled(false), "GET", "/api/vendors/" + VENDOR + "/incidents?component=%00", 400);
        api(given(), "GET", "/api/vendors/" + VENDOR + "/incidents?from=-999999999-01-01", 400);
        api(
                given().urlEncodingEnabled(false),
                "GET",
                "/api/vendors/" + VENDOR + "/incidents?to=%2B999999999-12-31",
                400);
        api(given(), "GET", "/api/vendors/" + VENDOR + "/incidents?cursor=" + FORGED_CURSOR, 400);
        api(given(), "GET", "/api/search?q=outage&cursor=" + FORGED_CURSOR, 400);
        api(given().urlEncodingEnabled(false), "GET", "/api/vendors/" + VENDOR + "/incidents?q=%00", 400);
    }

    @Test
    public void theFrameworksOwnErrorsAreJsonToo() {
        api(given(), "DELETE", "/api/vendors", 405);
        api(given().accept("image/png"), "GET", "/api/vendors/" + VENDOR, 406);
        api(given().contentType("text/plain").body("https://status.example.com"), "POST", "/api/vendors", 415);
        api(given().contentType("application/json").body("{not json"), "POST", "/api/vendors", 400);
        api(given().contentType("application/json").body("{\"url\": {\"nested\": true}}"), "POST", "/api/vendors", 400);
        api(given().contentType("application/json").body("[1, 2, 3]"), "POST", "/api/vendors", 400);
        // A malformed %-escape is refused by the HTTP layer's URI check before any app code runs: a 400
        // without a body (Quarkus's own validation), never a 500.
        assertThat(raw("/api/vendors/" + VENDOR + "/incidents?q=bad%zzescape").status())
                .isEqualTo(400);
        assertThat(raw("/api/vendors/bad%zzescape").status()).isEqualTo(400);
        api(given().urlEncodingEnabled(false), "GET", "/api/vendors/" + VENDOR + "/incidents?q=%E0%A4", 400);
        api(given(), "GET", "/api/vendors/" + "v".repeat(9000), 414);
    }

    @Test
    public void errorsNeverEchoAHugeInput() {
        Response limit =
                api(given(), "GET", "/api/vendors/" + VENDOR + "/incidents?limit=" + HUGE.substring(0, 7000), 400);
        assertThat(limit.asString()).contains("limit");
        Response url = api(
                given().contentType("application/json").body("{\"url\": \"https://" + HUGE + ".example\"}"),
                "POST",
                "/api/vendors",
                400);
        assertThat(url.asString().length()).isLessThan(1500);
        Response impact =
                api(given(), "GET", "/api/vendors/" + VENDOR + "/incidents?impact=" + HUGE.substring(0, 7000), 400);
        assertThat(impact.asString()).contains("impact");
    }

    @Test
    public void pageParametersThatWere500sAreReadable400s() {
        page(given(), "/vendors/" + VENDOR + "?from=-999999999-01-01", 400);
        page(given().urlEncodingEnabled(false), "/vendors/" + VENDOR + "?to=%2B999999999-12-31", 400);
        page(given(), "/vendors/" + VENDOR + "?after=" + FORGED_CURSOR, 400);
        page(given(), "/search?q=outage&after=" + FORGED_CURSOR, 400);
        page(given().urlEncodingEnabled(false), "/vendors/" + VENDOR + "?component=%00", 400);
        page(given().urlEncodingEnabled(false), "/vendors/%00", 400);
        page(given().urlEncodingEnabled(false), "/search?q=%00", 400);
        page(given().urlEncodingEnabled(false), "/feeds/incidents.rss?vendor=%00", 400);
        assertThat(raw("/vendors/bad%zzescape").status()).isEqualTo(400);
    }

    @Test
    public void aFormOfThreeThousandVendorsIsA400() {
        String form = IntStream.range(0, 3000).mapToObj(i -> "vendor=v" + i).collect(Collectors.joining("&"));
        Response r = given().config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .encodeContentTypeAs(
                                        "application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)))
                .contentType("application/x-www-form-urlencoded")
                .body(form)
                .redirects()
                .follow(false)
                .post("/watchlists");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.asString().length()).isLessThan(20_000);
        Response nul = given().contentType("application/x-www-form-urlencoded")
                .urlEncodingEnabled(false)
                .body("name=a%00b&vendor=" + VENDOR)
                .redirects()
                .follow(false)
                .post("/watchlists");
        assertThat(nul.statusCode()).isEqualTo(400);
    }

    /** An answer read off the socket: for requests no HTTP client library agrees to send. */
    record Raw(int status, String head, String body) {}

    /** A GET of {@code path} exactly as written, malformed escapes and all. */
    static Raw raw(String path) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String head = split < 0 ? answer : answer.substring(0, split);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, split < 0 ? "" : answer.substring(split + 4));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Response api(RequestSpecification request, String method, String path, int status) {
        Response r = request.redirects().follow(false).request(method, path);
        assertThat(r.statusCode()).as(method + " " + abbreviated(path)).isEqualTo(status);
        assertThat(r.contentType()).as(method + " " + abbreviated(path)).startsWith("application/json");
        assertThat(r.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(r.jsonPath().getString("error")).isNotBlank();
        assertThat(r.asString().length()).as("the answer stays short").isLessThan(1500);
        return r;
    }

    private static void page(RequestSpecification request, String path, int status) {
        Response r = request.redirects().follow(false).get(path);
        assertThat(r.statusCode()).as(abbreviated(path)).isEqualTo(status);
        assertThat(r.asString().length()).isLessThan(20_000);
    }

    private static String abbreviated(String path) {
        return path.length() > 100 ? path.substring(0, 100) + "…" : path;
    }
}
