package dev.incidex.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.testing.Browser;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The vendor page's components in Chromium at desktop and phone widths: first on the page, grouped, each with its
 * badge, the folded groups opening on a click, and each incident row saying which regional source reported it.
 * Screenshots: target/screenshots/vendor-components*.png.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@Tag("browser")
class VendorComponentsBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestPolls polls;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        VendorComponentsTest.serveLedgerline();
        VendorServerResource.server()
                .serveFixture(
                        "/fmt-azure-devops/_apis/status/health",
                        "azure-devops/health-degraded.json",
                        VendorComponentsTest.JSON);
        assertThat(polls.pollVendor("ledgerline").failed()).isZero();
        assertThat(polls.pollVendor("fmt-azure-devops").failed()).isZero();
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void componentsFirstAtBothWidths() {
        browser.get(root + "vendors/ledgerline");
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1600));
            noSidewaysScroll("ledgerline", width);
            WebElement components = browser.findElement(By.cssSelector("section.components"));
            WebElement open = browser.findElement(By.id("open"));
            assertThat(components.getLocation().getY())
                    .as("components above the open incidents at " + width)
                    .isLessThan(open.getLocation().getY());
            WebElement dashboard = browser.findElement(
                    By.xpath(
                            "//section[@class='components']//li[contains(@class,'component')][span[@class='name' and text()='Dashboard']]"));
            assertThat(dashboard.findElement(By.cssSelector(".badge")).getText())
                    .isEqualTo("Major outage");
            assertThat(dashboard.findElement(By.cssSelector(".badge")).getCssValue("color"))
                    .as("an outage reads red")
                    .isEqualTo("rgba(197, 48, 48, 1)");
            List<WebElement> rows = browser.findElements(By.cssSelector("ul.open .incident-row"));
            assertThat(rows).isNotEmpty();
            assertThat(rows.get(0).findElement(By.cssSelector(".reported-by")).getText())
                    .isEqualTo("Reported by Ledgerline US");
            Browser.screenshot(browser, "vendor-components" + (width == 390 ? "-phone" : ""));
        }

        // A folded group opens without script.
        browser.manage().window().setSize(new Dimension(1280, 1600));
        WebElement folded =
                browser.findElement(By.cssSelector(".component-set:nth-of-type(2) details.component-group"));
        assertThat(folded.findElement(By.cssSelector("li.component")).isDisplayed())
                .isFalse();
        folded.findElement(By.tagName("summary")).click();
        assertThat(folded.findElement(By.cssSelector("li.component")).isDisplayed())
                .isTrue();

        browser.get(root + "vendors/fmt-azure-devops");
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1600));
            noSidewaysScroll("fmt-azure-devops", width);
            assertThat(browser.findElements(By.cssSelector("section.components li.component")))
                    .hasSize(56);
            Browser.screenshot(browser, "vendor-components-azure-devops" + (width == 390 ? "-phone" : ""));
        }
    }

    private void noSidewaysScroll(String page, int width) {
        Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number client = (Number) browser.executeScript("return document.documentElement.clientWidth");
        assertThat(scroll.intValue())
                .as(page + " at " + width + " px scrolls sideways")
                .isLessThanOrEqualTo(client.intValue());
    }
}
