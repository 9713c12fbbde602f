package dev.incidex;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.incidex.catalog.Source;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentMerger;
import dev.incidex.poll.PollReport;
import dev.incidex.poll.Poller;
import dev.incidex.source.platform.M365Adapter;
import dev.incidex.testing.Fixtures;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The seed's outage told by two vendors through five sources: INKY's Statuspage JSON, history.rss and
 * history.atom, served by a local server and polled; Microsoft 365's posts (a Nitter feed, polled) and its
 * Graph issue DZ534539 (read by the Graph adapter and merged: polling Graph is SocialPostsEndToEndTest's).
 * One incident per vendor, provenance for every source, the two incidents linked both ways, the Graph
 * text's stated window and the lag breakdown on the pages and in the API; then the vendor edits.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneOutageManySourcesTest {

    @Inject
    TestPolls polls;

    @Inject
    Poller poller;

    @Inject
    IncidentMerger merger;

    @Inject
    M365Adapter graph;

    @BeforeAll
    static void serve() {
        VendorServerResource.server()
                .serveFixture("/links-inky/api/v2/incidents.json", "statuspage-inky-incidents.json", "application/json")
                .serveFixture(
                        "/links-inky/api/v2/scheduled-maintenances.json",
                        "statuspage-inky-scheduled-maintenances.json",
                        "application/json")
                .serveFixture("/links-inky/history.rss", "statuspage-inky-history.rss", "application/rss+xml")
                .serveFixture("/links-inky/history.atom", "statuspage-inky-history.atom", "application/atom+xml")
                .serveFixture("/links-m365/nitter.rss", "nitter-msft365status.rss", "application/rss+xml");
    }

    @Test
    @Order(1)
    void statuspageJsonRssAndAtomMakeOneIncidentWithEachUpdateOnceAndProvenanceForAllThree() throws Exception {
        PollReport report = polls.pollVendor("links-inky");
        assertThat(report.failed()).isZero();
        Source posts = source("links-m365", "posts-rss");
        assertThat(poller.pollSource(posts.id).failed()).isZero();
        Source graphSource = source("links-m365", "m365");
        merger.merge(
                graphSource.id,
                graph.read(dev.incidex.source.Fixtures.file(
                        "graph-serviceannouncement-issue-DZ534539.json",
                        "https://graph.microsoft.com/v1.0/admin/serviceAnnouncement/issues",
                        "application/json")));

        Incident inky = incident("links-inky", "q7wz3k1r9h2m");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> Incident.count("vendor.slug = 'links-inky' and maintenance = false")))
                .isEqualTo(1);
        given().get("/api/incidents/" + inky.id)
                .then()
                .statusCode(200)
                .body("updates", hasSize(3))
                .body("updates.sightings.source", everyItem(containsInAnyOrder("statuspage", "rss", "atom")))
                .body(
                        "updates[0].sightings.find { it.source == 'statuspage' }.vendorAt",
                        equalTo("2023-03-29T14:04:37.480Z"))
                .body("updates[0].sightings.find { it.source == 'rss' }.vendorAt", equalTo("2023-03-29T14:04:00Z"))
                .body("sources.source", contains("statuspage", "rss", "atom"))
                .body("sources.first", contains(true, false, false))
                .body("sources.updates", contains(3, 3, 3));

        Document page = page("links-inky", inky.id);
        List<Element> seen = page.select("table.seen-through tbody tr");
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).select(".source-kind").text()).isEqualTo("statuspage");
        assertThat(seen.get(0).select(".first").text()).isEqualTo("first");
        assertThat(seen.stream().map(r -> r.select(".source-kind").text()).toList())
                .containsExactly("statuspage", "rss", "atom");
        assertThat(page.select("ol.timeline > li .update-sightings summary").eachText())
                .containsOnly("Seen through statuspage, rss, atom")
                .hasSize(3);
    }

    @Test
    @Order(2)
    void inkyAndMicrosoftAreLinkedBothWaysAndInkyIsPossiblyCausedByTheIdMatch() {
        Incident inky = incident("links-inky", "q7wz3k1r9h2m");
        Incident dz = incident("links-m365", "DZ534539");

        Document inkyPage = page("links-inky", inky.id);
        assertThat(inkyPage.select("p.related").eachText())
                .anySatisfy(t -> assertThat(t).startsWith("Related: Microsoft 365 (links) DZ534539"));
        assertThat(inkyPage.select("p.related a").eachAttr("href")).contains("/vendors/links-m365/incidents/" + dz.id);
        Element cause = inkyPage.select("ul.possible-causes li a[href=/vendors/links-m365/incidents/" + dz.id + "]")
                .first();
        assertThat(cause).isNotNull();
        assertThat(cause.parent().text()).contains("inferred from the id match: this incident's text quotes DZ534539");
        assertThat(inkyPage.select("ul.possible-causes li").first().hasClass("cause-quotes"))
                .as("an id match ranks first")
                .isTrue();

        Document dzPage = page("links-m365", dz.id);
        Element downstream = dzPage.select("ul.downstream li a[href=/vendors/links-inky/incidents/" + inky.id + "]")
                .first();
        assertThat(downstream).isNotNull();
        assertThat(downstream.text()).isEqualTo("INKY (links): Informational Update for Users of Office 365");
        assertThat(downstream.parent().text()).contains("inferred from the id match: its text quotes DZ534539");

        given().get("/api/incidents/" + inky.id)
                .then()
                .statusCode(200)
                .body("related.incidentId", hasItem(dz.id.intValue()))
                .body("possiblyCausedBy[0].incidentId", equalTo(dz.id.intValue()))
                .body("possiblyCausedBy[0].evidence", equalTo("id"))
                .body("possiblyCausedBy[0].key", equalTo("DZ534539"));
        given().get("/api/incidents/" + dz.id)
                .then()
                .statusCode(200)
                .body("affectedDownstream.find { it.vendor == 'links-inky' }.incidentId", equalTo(inky.id.intValue()));

        Document inkyVendor = vendorPage("links-inky");
        assertThat(inkyVendor.select("p.upstreams").text()).isEqualTo("Upstream (depends on): Microsoft 365 (links)");
        Document dzVendor = vendorPage("links-m365");
        assertThat(dzVendor.select("p.downstreams").text()).isEqualTo("Downstream (depend on it): INKY (links)");
    }

    @Test
    @Order(3)
    void theGraphIssuesStatedWindowAndTheLagBreakdownAreShown() {
        Incident dz = incident("links-m365", "DZ534539");
        assertThat(dz.statedStart).isEqualTo(Instant.parse("2023-03-29T12:40:00Z"));
        assertThat(dz.statedEnd).isEqualTo(Instant.parse("2023-03-29T18:30:00Z"));

        Document page = page("links-m365", dz.id);
        assertThat(page.select("dd.stated-impact").text()).startsWith("5h 50m");
        List<Element> steps = page.select("ol.lag-steps > li");
        assertThat(steps.stream().map(s -> s.select(".lag-label").text()).toList())
                .containsExactly(
                        "Impact start (vendor-stated)", "Vendor's first post", "First detected by Incidex", "Resolved");
        assertThat(steps.get(0).select(".lag-at").text()).isEqualTo("Mar 29, 2023, 12:40 PM UTC");
        // Graph's first post was created at 13:03:41, half a minute before the tweet.
        assertThat(steps.get(1).select(".lag-at").text()).isEqualTo("Mar 29, 2023, 01:03 PM UTC");
        assertThat(steps.get(1).select(".lag-since").text()).isEqualTo("+23m");

        assertThat(page.select("details.title-versions"))
                .as("a post's words standing in for a title are no edit")
                .isEmpty();
        given().get("/api/incidents/" + dz.id)
                .then()
                .statusCode(200)
                .body("titleVersions", hasSize(0))
                .body("statedImpact.start", equalTo("2023-03-29T12:40:00Z"))
                .body("statedImpact.end", equalTo("2023-03-29T18:30:00Z"))
                .body("statedImpact.seconds", equalTo(21000))
                .body("lag.impactStart", equalTo("2023-03-29T12:40:00Z"))
                .body("lag.firstPost", equalTo("2023-03-29T13:03:41.220Z"))
                .body("lag.toFirstPostSeconds", equalTo(1421));

        Document vendor = vendorPage("links-m365");
        assertThat(vendor.select("p.admission-lag").text()).startsWith("Median time to admit an outage: 23m");
    }

    @Test
    @Order(4)
    void anEditedUpdateAndTitleKeepTheirEarlierVersionsAndABackDatedUpdateIsMarked() {
        String json = Fixtures.text("statuspage-inky-incidents.json")
                .replace(
                        "This incident has been resolved.",
                        "This incident has been resolved. Root cause: Microsoft's DZ534539.")
                .replace(
                        "\"name\": \"Informational Update for Users of Office 365\"",
                        "\"name\": \"Delayed inbound mail for Office 365 users\"")
                // the first update now shows a time 10 minutes before its creation
                .replace(
                        "\"display_at\": \"2023-03-29T14:04:37.480Z\"", "\"display_at\": \"2023-03-29T13:54:37.480Z\"");
        assertThat(json).contains("Root cause", "Delayed inbound mail", "13:54:37");
        VendorServerResource.server().serve("/links-inky/api/v2/incidents.json", 200, "application/json", json);

        assertThat(poller.pollSource(source("links-inky", "statuspage").id).failed())
                .isZero();

        Incident inky = incident("links-inky", "q7wz3k1r9h2m");
        Document page = page("links-inky", inky.id);
        assertThat(page.select("h1").text()).isEqualTo("Delayed inbound mail for Office 365 users");
        assertThat(page.select("details.title-versions li").text())
                .startsWith("“Informational Update for Users of Office 365” — seen from");
        List<Element> updates = page.select("ol.timeline > li");
        Element resolved = updates.get(updates.size() - 1);
        assertThat(resolved.select(".update-body").text()).endsWith("Root cause: Microsoft's DZ534539.");
        assertThat(resolved.select("details.versions summary .edited").text()).isEqualTo("edited");
        assertThat(resolved.select("details.versions .version-body").text())
                .isEqualTo(
                        "Mail flow for Office 365 tenants has remained normal since Microsoft's fix was applied. This incident has been resolved.");
        assertThat(updates.get(0).select(".back-dated").text())
                .isEqualTo(
                        "Back-dated: shown at Mar 29, 2023, 01:54 PM UTC, posted by the vendor at Mar 29, 2023, 02:04 PM UTC");
        assertThat(updates.get(1).select(".back-dated")).isEmpty();
        assertThat(updates.get(1).select("details.versions"))
                .as("an update the vendor left alone")
                .isEmpty();

        given().get("/api/incidents/" + inky.id)
                .then()
                .statusCode(200)
                .body("titleVersions.title", contains("Informational Update for Users of Office 365"))
                .body("updates[2].edited", equalTo(true))
                .body(
                        "updates[2].versions.text",
                        contains(
                                "Mail flow for Office 365 tenants has remained normal since Microsoft's fix was applied. This incident has been resolved."))
                .body("updates[0].backDated", equalTo(true))
                .body("updates[0].createdAt", equalTo("2023-03-29T14:04:37.480Z"))
                .body("updates[1].versions", hasSize(0));

        // The feeds still show the old words: a lagging source is not an edit, and it changes nothing back.
        polls.pollVendor("links-inky");
        assertThat(page("links-inky", inky.id).select("ol.timeline > li").last().select("details.versions .version"))
                .hasSize(1);
    }

    static Incident incident(String vendor, String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("vendor.slug = ?1 and vendorKey = ?2", vendor, key)
                        .singleResult());
    }

    static Source source(String vendor, String kind) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Source.<Source>find("vendor.slug = ?1 and kind = ?2", vendor, kind)
                        .singleResult());
    }

    static Document page(String vendor, long id) {
        return Jsoup.parse(given().get("/vendors/" + vendor + "/incidents/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    static Document vendorPage(String vendor) {
        return Jsoup.parse(given().get("/vendors/" + vendor)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
