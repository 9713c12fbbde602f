package dev.incidex.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidex.discovery.VendorDiscovery.Found;
import dev.incidex.discovery.VendorDiscovery.FoundSource;
import dev.incidex.testing.AllowPrivateAddresses;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Detection against a local server playing each platform (private addresses allowed for the loopback server). */
@QuarkusTest
@TestProfile(AllowPrivateAddresses.class)
@WithTestResource(VendorServerResource.class)
class VendorDiscoveryTest {

    @Inject
    VendorDiscovery discovery;

    VendorServer server() {
        return VendorServerResource.server();
    }

    String base() {
        return server().baseUrl();
    }

    @Test
    void statuspage() {
        server().serve(
                        "/d-sp/api/v2/summary.json",
                        200,
                        "application/json",
                        "{\"page\":{\"id\":\"y2k8f0mh3r7q\",\"name\":\"Acme\",\"url\":\"https://status.acme.test\",\"time_zone\":\"America/Chicago\"},"
                                + "\"status\":{\"indicator\":\"none\",\"description\":\"All Systems Operational\"},\"components\":[],\"incidents\":[]}");
        Found found = discovery.discover(base() + "/d-sp/");
        assertThat(found.platform()).isEqualTo("statuspage");
        assertThat(found.name()).isEqualTo("Acme");
        assertThat(found.pageTimeZone()).isEqualTo("America/Chicago");
        assertThat(found.sources()).containsExactly(new FoundSource("statuspage", base() + "/d-sp"));
    }

    @Test
    void incidentIoAnswersTheStatuspageApiAndItsOwnWidgetApi() {
        server().serve(
                        "/d-iio/api/v2/summary.json",
                        200,
                        "application/json",
                        "{\"page\":{\"id\":\"01HQ3ZJ8W0W6Y5PC7PQ3TXGZ9V\",\"name\":\"Nimbus\",\"url\":\"https://status.nimbus.test\"},"
                                + "\"status\":{\"indicator\":\"minor\",\"description\":\"Partially Degraded Service\"},\"incidents\":null}")
                .serveFixture("/d-iio/api/v1/summary", "incidentio-widget-summary.json", "application/json");
        Found found = discovery.discover(base() + "/d-iio");
        assertThat(found.platform()).isEqualTo("incidentio");
        assertThat(found.name()).isEqualTo("Nimbus");
        assertThat(found.sources()).containsExactly(new FoundSource("incidentio", base() + "/d-iio"));
    }

    @Test
    void instatus() {
        server().serveFixture("/d-ins/summary.json", "instatus-summary.json", "application/json");
        Found found = discovery.discover(base() + "/d-ins");
        assertThat(found.platform()).isEqualTo("instatus");
        assertThat(found.name()).isEqualTo("Quillpad");
        assertThat(found.sources()).containsExactly(new FoundSource("instatus", base() + "/d-ins"));
    }

    @Test
    void cachetByPing() {
        server().serve("/d-cachet/api/v1/ping", 200, "application/json", "{\"data\":\"Pong!\"}")
                .serve(
                        "/d-cachet",
                        200,
                        "text/html",
                        "<html><head><title>Lattice Status</title></head><body></body></html>");
        Found found = discovery.discover(base() + "/d-cachet");
        assertThat(found.platform()).isEqualTo("cachet");
        assertThat(found.name()).isEqualTo("Lattice");
        assertThat(found.sources()).containsExactly(new FoundSource("cachet", base() + "/d-cachet"));
    }

    @Test
    void cachetByItsPaginatedIncidents() {
        server().serveFixture("/d-cachet2/api/v1/incidents", "cachet-v1-incidents.json", "application/json");
        Found found = discovery.discover(base() + "/d-cachet2");
        assertThat(found.platform()).isEqualTo("cachet");
        assertThat(found.name()).isEqualTo("127.0.0.1"); // no page title to name it: the host
    }

    @Test
    void aPageThatLinksAFeed() {
        server().serve("/d-html/", 200, "text/html; charset=utf-8", """
                <!DOCTYPE html><html><head><title>Orbit Status</title>
                <link rel="stylesheet" href="/style.css">
                <link rel="alternate" type="application/atom+xml" title="Incidents" href="feeds/incidents.atom">
                </head><body><h1>All good</h1></body></html>""");
        Found found = discovery.discover(base() + "/d-html/");
        assertThat(found.platform()).isEqualTo("atom");
        assertThat(found.name()).isEqualTo("Orbit");
        assertThat(found.sources()).containsExactly(new FoundSource("atom", base() + "/d-html/feeds/incidents.atom"));
    }

    @Test
    void aBareRssFeedEvenWithAWrongContentType() {
        server().serveFixture("/d-rss/history.rss", "statuspage-inky-history.rss", "text/plain");
        Found found = discovery.discover(base() + "/d-rss/history.rss");
        assertThat(found.platform()).isEqualTo("rss");
        assertThat(found.sources()).containsExactly(new FoundSource("rss", base() + "/d-rss/history.rss"));
        assertThat(found.name()).isNotBlank().doesNotContain("Incident History");
    }

    @Test
    void aBareAtomFeed() {
        server().serveFixture("/d-atom/history.atom", "statuspage-inky-history.atom", "application/atom+xml");
        Found found = discovery.discover(base() + "/d-atom/history.atom");
        assertThat(found.platform()).isEqualTo("atom");
        assertThat(found.sources()).containsExactly(new FoundSource("atom", base() + "/d-atom/history.atom"));
    }

    @Test
    void socialProfilesAreRecognisedWithoutFetching() {
        assertThat(discovery.discover("https://mastodon.social/@MSFT365Status").sources())
                .containsExactly(new FoundSource("mastodon", "https://mastodon.social/@MSFT365Status"));
        assertThat(discovery
                        .discover("https://bsky.app/profile/status.example.com")
                        .sources())
                .containsExactly(new FoundSource("bluesky", "https://bsky.app/profile/status.example.com"));
        assertThat(discovery.discover("https://twitter.com/MSFT365Status/").sources())
                .containsExactly(new FoundSource("x", "https://x.com/MSFT365Status"));
        assertThat(discovery.discover("x.com/MSFT365Status").name()).isEqualTo("MSFT365Status");
    }

    @Test
    void nothingRecognisableIsA422NamingWhatWasTried() {
        server().serve(
                        "/d-none",
                        200,
                        "text/html",
                        "<html><head><title>Just a blog</title></head><body>hi</body></html>");
        assertThatThrownBy(() -> discovery.discover(base() + "/d-none"))
                .isInstanceOfSatisfying(DiscoveryException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    // The URL once, then the paths tried under it: a long URL is not echoed six times.
                    assertThat(e.getMessage())
                            .contains("no status page found at '" + base() + "/d-none'")
                            .contains("tried /api/v2/summary.json")
                            .contains("/summary.json")
                            .contains("/api/v1/ping");
                });
    }

    @Test
    void badUrlsAre400s() {
        assertThatThrownBy(() -> discovery.discover("  "))
                .isInstanceOfSatisfying(
                        DiscoveryException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> discovery.discover("http://exa mple.com/"))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> assertThat(e.getMessage()).contains("not a URL"));
        assertThatThrownBy(() -> discovery.discover("ftp://example.com/"))
                .isInstanceOfSatisfying(
                        DiscoveryException.class,
                        e -> assertThat(e.getMessage()).contains("only http and https"));
    }
}
