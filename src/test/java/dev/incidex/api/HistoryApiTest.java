package dev.incidex.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.StatuspageIncidents.Spec;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A vendor's history through the API: each filter, keyset pages that neither skip nor repeat, CSV,
 * and a 4xx naming the parameter for every bad value. QueryCo has 41 incidents, one a day from
 * 2024-01-01 (two of them at the same instant, so the id breaks the tie).
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class HistoryApiTest {

    static final Instant DAY0 = Instant.parse("2024-01-01T08:00:00Z");
    static final String[] IMPACTS = {"none", "minor", "major", "critical"};
    static final String HOSTILE_TITLE = "=HYPERLINK(\"x\"), with \"quotes\"";
    static final List<Spec> QUERYCO = specs("q");
    static final List<Spec> QUERYCO2 = specs("r");

    static boolean loaded;

    @Inject
    TestPolls polls;

    @BeforeEach
    void load() {
        if (loaded) {
            return;
        }
        serve("queryco", QUERYCO);
        serve("queryco2", QUERYCO2);
        loaded = true;
    }

    @Test
    void firstPageIsNewestFirstWithANextLink() {
        Response r = given().get("/api/vendors/queryco/incidents?limit=5");
        r.then()
                .statusCode(200)
                .body("incidents.size()", equalTo(5))
                .body("incidents[0].title", equalTo(HOSTILE_TITLE))
                .body("incidents[1].title", equalTo("Incident 39 outage"));
        String next = r.path("next");
        assertThat(next)
                .startsWith("http")
                .contains("/api/vendors/queryco/incidents?")
                .contains("limit=5")
                .contains("cursor=");
        assertThat(r.header("Link")).isEqualTo("<" + next + ">; rel=\"next\"");
        assertThat(titles("/api/vendors/queryco/incidents")).hasSize(41);
    }

    @Test
    void fromAndToTakeDatesAndInstants() {
        assertThat(titles("/api/vendors/queryco/incidents?from=2024-01-30"))
                .containsExactlyElementsOf(
                        expected(QUERYCO, s -> !s.startedAt().isBefore(Instant.parse("2024-01-30T00:00:00Z"))));
        // A date in "to" is that whole day (UTC), included, as on the pages: Jan 4 at 08:00 is in, Jan 5 at 08:00 is
        // not.
        assertThat(titles("/api/vendors/queryco/incidents?to=2024-01-04"))
                .containsExactly(
                        "Incident 03 outage", "Incident 02 outage", "Incident 01 outage", "Incident 00 outage");
        assertThat(titles("/api/vendors/queryco/incidents?from=2024-01-05&to=2024-01-05"))
                .containsExactly("Incident 04 outage");
        assertThat(titles("/api/vendors/queryco/incidents?from=2024-01-03T08:00:00Z&to=2024-01-05T08:00:01Z"))
                .containsExactly("Incident 04 outage", "Incident 03 outage", "Incident 02 outage");
        assertThat(titles("/api/vendors/queryco/incidents?from=2024-01-03T10:00:00%2B02:00&to=2024-01-04T08:00:00Z"))
                .containsExactly("Incident 02 outage");
    }

    @Test
    void impactAcceptsRepeatsAndCommas() {
        List<String> severe =
                expected(QUERYCO, s -> s.impact().equals("major") || s.impact().equals("critical"));
        assertThat(severe).hasSizeGreaterThan(10);
        assertThat(titles("/api/vendors/queryco/incidents?impact=major,critical"))
                .containsExactlyElementsOf(severe);
        assertThat(titles("/api/vendors/queryco/incidents?impact=major&impact=critical"))
                .containsExactlyElementsOf(severe);
        assertThat(titles("/api/vendors/queryco/incidents?impact=none"))
                .containsExactlyElementsOf(expected(QUERYCO, s -> s.impact().equals("none")));
    }

    @Test
    void statusFilters() {
        List<String> open = expected(QUERYCO, s -> s.status().equals("investigating"));
        assertThat(open).isNotEmpty();
        assertThat(titles("/api/vendors/queryco/incidents?status=investigating"))
                .containsExactlyElementsOf(open);
        assertThat(titles("/api/vendors/queryco/incidents?status=resolved,investigating"))
                .hasSize(41);
        given().get("/api/vendors/queryco/incidents?status=investigating&limit=500")
                .then()
                .body("incidents.status", org.hamcrest.Matchers.everyItem(equalTo("investigating")));
    }

    @Test
    void componentIsCaseInsensitive() {
        List<String> api = expected(QUERYCO, s -> s.components().contains("API"));
        assertThat(api).hasSize(8);
        assertThat(titles("/api/vendors/queryco/incidents?component=api")).containsExactlyElementsOf(api);
        assertThat(titles("/api/vendors/queryco/incidents?component=Nothing")).isEmpty();
    }

    @Test
    void wordsSearchTitlesAndUpdatesOfOneVendor() {
        assertThat(titles("/api/vendors/queryco/incidents?q=incident+17")).containsExactly("Incident 17 outage");
        assertThat(titles("/api/vendors/queryco/incidents?q=replica"))
                .containsExactlyElementsOf(
                        expected(QUERYCO, s -> String.join(" ", s.updates()).contains("replica")));
        // The other vendor's identical words stay out of this vendor's history.
        assertThat(titles("/api/vendors/queryco2/incidents?q=incident+17")).containsExactly("Incident 17 outage");
    }

    @Test
    void filtersCombine() {
        assertThat(
                        titles(
                                "/api/vendors/queryco/incidents?impact=critical&from=2024-01-10&to=2024-01-30&status=resolved&q=outage"))
                .containsExactlyElementsOf(expected(
                        QUERYCO,
                        s -> s.impact().equals("critical")
                                && s.status().equals("resolved")
                                && !s.startedAt().isBefore(Instant.parse("2024-01-10T00:00:00Z"))
                                && s.startedAt().isBefore(Instant.parse("2024-01-31T00:00:00Z"))))
                .isNotEmpty();
    }

    @Test
    void pagesNeitherSkipNorRepeatWhileANewIncidentArrives() {
        List<String> all = titles("/api/vendors/queryco2/incidents?limit=500");
        assertThat(all).hasSize(41);
        List<String> walked = new ArrayList<>();
        String url = "/api/vendors/queryco2/incidents?limit=7&impact=none,minor,major,critical";
        int pages = 0;
        while (url != null) {
            Response r = given().urlEncodingEnabled(false).get(url);
            r.then().statusCode(200);
            walked.addAll(r.path("incidents.title"));
            url = r.path("next");
            pages++;
            if (pages == 2) {
                // A newer incident arrives between pages: later pages continue where this one ended.
                List<Spec> more = new ArrayList<>(QUERYCO2);
                more.add(new Spec(
                        "r-late",
                        "Late arrival",
                        "major",
                        "investigating",
                        DAY0.plus(400, ChronoUnit.DAYS),
                        null,
                        List.of(),
                        List.of("Just started.")));
                serve("queryco2", more);
            }
            if (url == null) {
                assertThat(r.header("Link")).isNull();
            }
        }
        assertThat(pages).isEqualTo(6);
        assertThat(walked).containsExactlyElementsOf(all);
        assertThat(new HashSet<>(walked)).hasSize(41);
        given().get("/api/vendors/queryco2/incidents?limit=1")
                .then()
                .body("incidents.title", org.hamcrest.Matchers.contains("Late arrival"));
    }

    @Test
    void csvHasTheSameRowsQuotedAndSafe() throws Exception {
        Response r = given().get("/api/vendors/queryco/incidents.csv?limit=500&impact=critical");
        r.then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"queryco-incidents.csv\""));
        String body = r.asString();
        assertThat(body)
                .startsWith(
                        "id,vendor,title,impact,status,startedAt,resolvedAt,durationSeconds,detectedAt,sourceUrl,pageUrl\r\n");
        assertThat(body).contains("\"'=HYPERLINK(\"\"x\"\"), with \"\"quotes\"\"\"");
        List<Map<String, String>> rows = csv(body);
        List<Object> ids = given().get("/api/vendors/queryco/incidents?limit=500&impact=critical")
                .path("incidents.id");
        assertThat(rows)
                .extracting(row -> Long.valueOf(row.get("id")))
                .containsExactlyElementsOf(
                        ids.stream().map(i -> ((Number) i).longValue()).toList());
        Map<String, String> hostile = rows.get(0);
        assertThat(hostile.get("title")).isEqualTo("'" + HOSTILE_TITLE);
        assertThat(hostile.get("vendor")).isEqualTo("queryco");
        assertThat(hostile.get("impact")).isEqualTo("critical");
        Map<String, String> resolved = rows.stream()
                .filter(row -> row.get("title").equals("Incident 35 outage"))
                .findFirst()
                .orElseThrow();
        assertThat(resolved.get("startedAt")).isEqualTo("2024-02-05T08:00:00Z");
        assertThat(resolved.get("resolvedAt")).isEqualTo("2024-02-05T09:30:00Z");
        assertThat(resolved.get("durationSeconds")).isEqualTo("5400");
        assertThat(resolved.get("pageUrl")).contains("/vendors/queryco/incidents/" + resolved.get("id"));

        Response paged = given().get("/api/vendors/queryco/incidents.csv?limit=3");
        assertThat(csv(paged.asString())).hasSize(3);
        assertThat(paged.header("Link"))
                .contains("/api/vendors/queryco/incidents.csv?")
                .contains("cursor=")
                .endsWith("; rel=\"next\"");
    }

    @Test
    void badParametersGet400NamingTheParameter() {
        String h = "/api/vendors/queryco/incidents";
        bad(h + "?from=2024-13-01", 400, "from");
        bad(h + "?from=yesterday", 400, "from");
        bad(h + "?to=2024-05-01T25:00:00Z", 400, "to");
        bad(h + "?to=99999-01-01", 400, "to");
        bad(h + "?from=2024-05-02&to=2024-05-01", 400, "must be before");
        bad(h + "?impact=huge", 400, "'impact' must be one of notice, minor, major, critical, maintenance, not 'huge'");
        bad(h + "?impact=major,,catastrophic", 400, "catastrophic");
        bad(h + "?status=fixed", 400, "'status' must be one of");
        bad(h + "?cursor=nonsense", 400, "cursor");
        bad(h + "?cursor=" + java.util.Base64.getUrlEncoder().encodeToString("1.2".getBytes()), 400, "cursor");
        bad(
                h + "?cursor=" + java.util.Base64.getUrlEncoder().encodeToString("99999999999999.0.1".getBytes()),
                400,
                "cursor");
        bad(h + "?limit=0", 400, "limit");
        bad(h + "?limit=501", 400, "limit");
        bad(h + "?limit=abc", 400, "limit");
        bad(h + "?q=a+of+the", 400, "q");
        bad(h + ".csv?limit=501", 400, "limit");
        bad(h + ".csv?impact=huge", 400, "impact");
        bad("/api/vendors/no-such-vendor/incidents", 404, "no-such-vendor");
        bad("/api/vendors/no-such-vendor/incidents.csv", 404, "no-such-vendor");
        bad("/api/vendors/no-such-vendor", 404, "no-such-vendor");
        bad(
                h + "?frm=2024-05-01",
                400,
                "unknown query parameter frm (known: component, cursor, from, impact, limit, q, status, to)");
        bad(h + ".csv?from=2024-05-01&frm=x&lmit=3", 400, "unknown query parameters frm, lmit");
        bad("/api/vendors/queryco?verbose=1", 400, "unknown query parameter verbose (this endpoint takes none)");
    }

    @Test
    void vendorsCarryTheirCurrentState() {
        given().get("/api/vendors/queryco")
                .then()
                .statusCode(200)
                .body("state", equalTo("ongoing"))
                .body("ongoingIncidents", equalTo((int)
                        QUERYCO.stream().filter(s -> s.resolvedAt() == null).count()))
                .body("incidentsUrl", containsString("/api/vendors/queryco/incidents"));
        given().get("/api/vendors")
                .then()
                .statusCode(200)
                .body("vendors.find { it.slug == 'queryco' }.name", equalTo("QueryCo"));
    }

    static void bad(String url, int status, String mentions) {
        given().urlEncodingEnabled(false)
                .get(url)
                .then()
                .statusCode(status)
                .contentType(containsString("json"))
                .body("status", equalTo(status))
                .body("error", containsString(mentions));
    }

    /** Incident n starts n days after DAY0 (except 21 which shares 20's instant); impact, status and components cycle. */
    static List<Spec> specs(String prefix) {
        List<Spec> specs = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            Instant start = DAY0.plus(n == 21 ? 20 : n, ChronoUnit.DAYS);
            boolean open = n % 3 == 0;
            specs.add(new Spec(
                    prefix + "key" + n,
                    "Incident %02d outage".formatted(n),
                    IMPACTS[n % 4],
                    open ? "investigating" : "resolved",
                    start,
                    open ? null : start.plus(90, ChronoUnit.MINUTES),
                    n % 5 == 0 ? List.of("API", "Website") : List.of("Website"),
                    n % 4 == 1
                            ? List.of("Errors on the primary.", "Failed over to a replica.")
                            : List.of("Looking into it.")));
        }
        specs.add(new Spec(
                prefix + "hostile",
                HOSTILE_TITLE,
                "critical",
                "resolved",
                DAY0.plus(60, ChronoUnit.DAYS),
                DAY0.plus(61, ChronoUnit.DAYS),
                List.of(),
                List.of("@SUM(1+1) in an update")));
        return specs;
    }

    /** Titles of the specs that match, newest first, ties broken by the later-created (higher id) first. */
    static List<String> expected(List<Spec> specs, Predicate<Spec> filter) {
        List<Spec> matching = new ArrayList<>(specs.stream().filter(filter).toList());
        java.util.Collections.reverse(matching);
        matching.sort(java.util.Comparator.comparing(Spec::startedAt).reversed());
        return matching.stream().map(Spec::title).toList();
    }

    void serve(String slug, List<Spec> specs) {
        StatuspageIncidents doc = new StatuspageIncidents();
        specs.forEach(doc::add);
        doc.serveAs(slug);
        assertThat(polls.pollVendor(slug).failed()).isZero();
    }

    static List<String> titles(String url) {
        String sep = url.contains("?") ? "&" : "?";
        return given().urlEncodingEnabled(false)
                .get(url + (url.contains("limit=") ? "" : sep + "limit=500"))
                .then()
                .statusCode(200)
                .body("next", nullValue())
                .extract()
                .path("incidents.title");
    }

    static List<Map<String, String>> csv(String body) throws java.io.IOException {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(body)) {
            return it.readAll();
        }
    }
}
