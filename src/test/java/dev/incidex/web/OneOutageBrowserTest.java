package dev.incidex.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.catalog.Source;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentMerger;
import dev.incidex.poll.Poller;
import dev.incidex.source.platform.M365Adapter;
import dev.incidex.testing.Browser;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The seed's outage in a real browser, at desktop and phone widths: INKY's incident with its cause at
 * Microsoft, Microsoft's incident with its stated impact, lag and downstream INKY, and both vendor pages.
 * Screenshots go to target/screenshots (incident-links-*, vendor-links-*).
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@Tag("browser")
class OneOutageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestPolls polls;

    @Inject
    Poller poller;

    @Inject
    IncidentMerger merger;

    @Inject
    M365Adapter graph;

    @Test
    void theLinkedIncidentsAndVendorsAtDesktopAndPhoneWidths() throws Exception {
        VendorServerResource.server()
                .serveFixture("/links-inky/api/v2/incidents.json", "statuspage-inky-incidents.json", "application/json")
                .serveFixture(
                        "/links-inky/api/v2/scheduled-maintenances.json",
                        "statuspage-inky-scheduled-maintenances.json",
                        "application/json")
                .serveFixture("/links-inky/history.rss", "statuspage-inky-history.rss", "application/rss+xml")
                .serveFixture("/links-inky/history.atom", "statuspage-inky-history.atom", "application/atom+xml")
                .serveFixture("/links-m365/nitter.rss", "nitter-msft365status.rss", "application/rss+xml");
        polls.pollVendor("links-inky");
        poller.pollSource(source("posts-rss").id);
        merger.merge(
                source("m365").id,
                graph.read(dev.incidex.source.Fixtures.file(
                        "graph-serviceannouncement-issue-DZ534539.json",
                        "https://graph.microsoft.com/v1.0/admin/serviceAnnouncement/issues",
                        "application/json")));
        long inky = incidentId("links-inky", "q7wz3k1r9h2m");
        long dz = incidentId("links-m365", "DZ534539");

        ChromeDriver browser = Browser.start();
        try {
            browser.get(root + "vendors/links-inky/incidents/" + inky);
            // Other test classes' vendors may quote DZ534539 too; this vendor's upstream must be among them.
            WebElement related = browser.findElements(By.cssSelector("p.related")).stream()
                    .filter(p -> p.getText().startsWith("Related: Microsoft 365 (links) DZ534539"))
                    .findFirst()
                    .orElseThrow(
                            () -> new AssertionError("no 'Related: Microsoft 365 (links) DZ534539' on INKY's page"));
            assertThat(browser.findElement(By.cssSelector("ul.possible-causes li"))
                            .getText())
                    .contains("inferred from the id match: this incident's text quotes DZ534539");
            browser.findElement(By.cssSelector("ol.timeline > li details.update-sightings summary"))
                    .click();
            shoot(browser, "incident-links-inky");

            Browser.navigate(browser, related.findElement(By.cssSelector("a")));
            assertThat(browser.findElement(By.cssSelector("dd.stated-impact")).getText())
                    .startsWith("5h 50m");
            assertThat(browser.findElements(By.cssSelector("ul.downstream li")))
                    .extracting(WebElement::getText)
                    .anySatisfy(t -> assertThat(t).startsWith("INKY (links)"));
            assertThat(browser.getCurrentUrl()).endsWith("/vendors/links-m365/incidents/" + dz);
            shoot(browser, "incident-links-microsoft");

            browser.get(root + "vendors/links-m365");
            assertThat(browser.findElement(By.cssSelector("p.admission-lag")).getText())
                    .startsWith("Median time to admit an outage: 23m");
            shoot(browser, "vendor-links-microsoft");
            browser.get(root + "vendors/links-inky");
            assertThat(browser.findElement(By.cssSelector("p.upstreams")).getText())
                    .contains("Microsoft 365 (links)");
            shoot(browser, "vendor-links-inky");
        } finally {
            browser.quit();
        }
    }

    private static void shoot(ChromeDriver browser, String name) {
        browser.manage().window().setSize(new Dimension(1280, 2400));
        Browser.screenshot(browser, name + "-desktop");
        browser.manage().window().setSize(new Dimension(390, 3600));
        Browser.screenshot(browser, name + "-phone");
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }

    private static Source source(String kind) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Source.<Source>find("vendor.slug = 'links-m365' and kind = ?1", kind)
                        .singleResult());
    }

    private static long incidentId(String vendor, String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("vendor.slug = ?1 and vendorKey = ?2", vendor, key)
                        .singleResult()
                        .id);
    }
}
