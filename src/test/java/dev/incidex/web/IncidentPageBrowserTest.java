package dev.incidex.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.Incident;
import dev.incidex.testing.Browser;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The INKY incident page as a reader sees it, in real headless Chromium. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@Tag("browser")
class IncidentPageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestPolls polls;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        VendorServer server = VendorServerResource.server();
        server.serveFixture("/browsed/api/v2/incidents.json", "statuspage-inky-incidents.json", "application/json")
                .serveFixture(
                        "/browsed/api/v2/scheduled-maintenances.json",
                        "statuspage-inky-scheduled-maintenances.json",
                        "application/json");
        polls.pollVendor("browsed");
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void fromTheFrontPageToTheIncidentWithItsDurationAndTimeline() {
        browser.get(root.toString());
        Browser.navigate(browser, browser.findElement(By.linkText("Browsed Co")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Browsed Co");
        Browser.screenshot(browser, "browsed-vendor-page");

        Browser.navigate(browser, browser.findElement(By.linkText("Informational Update for Users of Office 365")));

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Informational Update for Users of Office 365");
        assertThat(browser.findElement(By.cssSelector("dd.duration")).getText()).isEqualTo("22h 7m");
        List<WebElement> updates = browser.findElements(By.cssSelector("ol.timeline > li"));
        assertThat(updates)
                .extracting(u -> u.findElement(By.cssSelector(".status")).getText())
                .containsExactly("monitoring", "monitoring", "resolved");
        assertThat(browser.findElement(By.linkText("View vendor source →")).getAttribute("href"))
                .isEqualTo("https://status.inky.com/incidents/q7wz3k1r9h2m");
        Incident incident = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("vendor.slug = 'browsed' and maintenance = false")
                        .singleResult());
        assertThat(browser.getCurrentUrl()).endsWith("/vendors/browsed/incidents/" + incident.id);
        Browser.screenshot(browser, "incident-page");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 1800));
        Browser.screenshot(browser, "incident-page-phone");
    }
}
