package dev.incidex.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.testing.Browser;
import dev.incidex.testing.StatuspageIncidents;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
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
 * Issue 11's page points in Chromium at 1280 and 390 px: an imported incident says so, shows the vendor's
 * own id and never breaks a time card inside "02:04 PM"; a slug typed in another case lands on the vendor's
 * one address; the watchlist form's 300 vendors are grouped by letter and filtered as you type. Screenshots go
 * to target/screenshots/polish-*.png.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@Tag("browser")
class PolishBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestPolls polls;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        String incidents = new StatuspageIncidents()
                .add(new StatuspageIncidents.Spec(
                        "pw7wz3k1r9h2m",
                        "Informational Update for Users of Office 365",
                        "none",
                        "resolved",
                        Instant.parse("2023-03-29T14:04:37.405Z"),
                        Instant.parse("2023-03-30T12:12:05.614Z"),
                        List.of(),
                        List.of("We are monitoring incident DZ534539.", "This incident has been resolved.")))
                .json();
        VendorServerResource.server()
                .serve("/polishweb/api/v2/incidents.json", 200, "application/json", incidents)
                .serve(
                        "/polishweb/api/v2/scheduled-maintenances.json",
                        200,
                        "application/json",
                        "{\"scheduled_maintenances\":[]}");
        assertThat(polls.pollVendor("polishweb").failed()).isZero();
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void anImportedIncidentSaysSoShowsTheVendorsIdAndKeepsEachClockOnOneLine() {
        // Typed in another case, the vendor's page moves to its one address.
        browser.get(root + "vendors/PolishWeb");
        assertThat(browser.getCurrentUrl()).endsWith("/vendors/polishweb");
        Browser.navigate(browser, browser.findElement(By.linkText("Informational Update for Users of Office 365")));
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1400));
            assertThat(fact("Imported by Incidex")).startsWith("imported on ").endsWith("not detected live");
            assertThat(browser.findElements(By.xpath("//dt[text()='Detected by Incidex']")))
                    .isEmpty();
            assertThat(fact("Polish Web's id")).isEqualTo("pw7wz3k1r9h2m");
            assertThat(fact("Duration")).isEqualTo("22h 7m");
            List<WebElement> clocks = browser.findElements(By.cssSelector("dl.facts .clock"));
            assertThat(clocks).hasSizeGreaterThanOrEqualTo(3);
            for (WebElement clock : clocks) {
                // One line box: "02:04 PM UTC" is never split into "02:04" / "PM".
                assertThat(clock.getRect().getHeight())
                        .as("'%s' at %d px", clock.getText(), width)
                        .isLessThan(30);
                WebElement day = clock.findElement(By.xpath("preceding-sibling::span[@class='day']"));
                assertThat(day.getRect().getHeight()).isLessThan(30);
            }
            noSidewaysScroll("incident", width);
            Browser.screenshot(browser, "polish-incident" + (width == 390 ? "-phone" : ""));
        }
    }

    @Test
    void theWatchlistFormGroupsVendorsByLetterAndFiltersThemAsYouType() {
        browser.get(root + "watchlists/new");
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1400));
            List<WebElement> letters = browser.findElements(By.cssSelector("p.letters a"));
            assertThat(letters).extracting(WebElement::getText).contains("A", "P");
            WebElement filter = browser.findElement(By.id("vendor-filter"));
            assertThat(filter.isDisplayed()).isTrue();
            filter.clear();
            filter.sendKeys("polish");
            List<String> shown = browser.findElements(By.cssSelector("ul.vendor-choices li")).stream()
                    .filter(WebElement::isDisplayed)
                    .map(li -> li.findElement(By.cssSelector(".vendor-name")).getText())
                    .toList();
            assertThat(shown)
                    .contains("Polish Web", "Polish Co")
                    .allMatch(n -> n.toLowerCase().contains("polish"));
            assertThat(browser.findElement(By.cssSelector(".filter-count")).getText())
                    .isEqualTo(shown.size() + " vendors");
            assertThat(browser.findElements(By.cssSelector(".vendor-group")).stream()
                            .filter(WebElement::isDisplayed)
                            .map(g -> g.findElement(By.tagName("h3")).getText())
                            .toList())
                    .containsExactly("P");
            noSidewaysScroll("watchlist form", width);
            Browser.screenshot(browser, "polish-watchlist-filtered" + (width == 390 ? "-phone" : ""));
            filter.clear();
            filter.sendKeys(" ");
            filter.clear();
            Browser.screenshot(browser, "polish-watchlist" + (width == 390 ? "-phone" : ""));
        }
        browser.manage().window().setSize(new Dimension(1280, 1400));
        WebElement filter = browser.findElement(By.id("vendor-filter"));
        filter.sendKeys("polish web");
        // Clicking the name ticks the vendor; Enter in the filter does not send the form.
        WebElement name = browser.findElement(By.xpath("//span[@class='vendor-name'][text()='Polish Web']"));
        name.click();
        filter.sendKeys(org.openqa.selenium.Keys.ENTER);
        assertThat(browser.getCurrentUrl()).endsWith("/watchlists/new");
        WebElement box = browser.findElement(By.cssSelector("input[name=vendor][value=polishweb]"));
        assertThat(box.isSelected()).isTrue();
        assertThat(browser.findElement(By.cssSelector("fieldset.what")).getText())
                .contains("Planned maintenance too")
                .contains("Maintenance has no impact of its own");
        Browser.submitAndWait(browser, box);
        assertThat(browser.getCurrentUrl()).contains("/watchlists/");
        assertThat(browser.findElement(By.tagName("body")).getText())
                .contains("Informational Update for Users of Office 365");
    }

    private String fact(String label) {
        return browser.findElements(By.cssSelector("dl.facts > div")).stream()
                .filter(d -> d.findElement(By.tagName("dt")).getText().equals(label))
                .map(d -> d.findElement(By.tagName("dd")).getText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no fact " + label));
    }

    private void noSidewaysScroll(String page, int width) {
        Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number client = (Number) browser.executeScript("return document.documentElement.clientWidth");
        assertThat(scroll.intValue())
                .as(page + " at " + width + " px scrolls sideways")
                .isLessThanOrEqualTo(client.intValue());
    }
}
