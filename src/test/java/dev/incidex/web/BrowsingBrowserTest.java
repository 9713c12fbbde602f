package dev.incidex.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.testing.Browser;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * A reader's walk through Incidex in real headless Chromium, with no script on any page: the front
 * page, a vendor with a long history, a filter, an incident, a search from the header, a time zone
 * from the footer, and the feed link. Saves desktop and phone screenshots under target/screenshots.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@Tag("browser")
class BrowsingBrowserTest {

    static final GeneratedHistory HISTORY = new GeneratedHistory(
            "wc",
            "WebCo",
            60,
            1,
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1)),
            Duration.ofDays(6));

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestPolls polls;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        VendorServerResource.server()
                .serve("/webco/api/v2/incidents.json", 200, "application/json", HISTORY.incidentsJson())
                .serve(
                        "/webco/api/v2/scheduled-maintenances.json",
                        200,
                        "application/json",
                        GeneratedHistory.noMaintenance());
        assertThat(polls.pollVendor("webco").failed()).isZero();
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void frontPageToVendorToFilteredHistoryToIncidentThenSearchZoneAndFeed() throws Exception {
        browser.get(root.toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("What is broken now");
        Browser.screenshot(browser, "front-page");
        phoneScreenshot("front-page-phone");

        Browser.navigate(
                browser, browser.findElement(By.cssSelector("ul.vendors")).findElement(By.linkText("WebCo")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("WebCo");
        assertThat(rows()).hasSize(50);
        assertThat(browser.findElements(By.cssSelector("svg.month-chart g.month")))
                .hasSize(12);
        assertThat(browser.findElements(By.cssSelector("svg.day-strip rect.day")))
                .hasSize(90);
        assertThat(browser.findElement(By.cssSelector("dd.mttr")).getText()).matches("\\d+h \\d+m");
        Browser.screenshot(browser, "vendor-page");
        phoneScreenshot("vendor-page-phone");

        Browser.navigate(browser, browser.findElement(By.cssSelector("a.next")));
        assertThat(rows()).hasSize(10);
        Browser.navigate(browser, browser.findElement(By.cssSelector("a.first")));

        browser.findElement(By.cssSelector("input[name=impact][value=critical]"))
                .click();
        Browser.navigate(browser, browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        List<WebElement> critical = rows();
        assertThat(critical).hasSize(15);
        assertThat(critical)
                .allSatisfy(
                        r -> assertThat(r.findElement(By.cssSelector(".badge")).getText())
                                .isEqualTo("Critical"));
        assertThat(browser.getCurrentUrl()).contains("impact=critical");

        GeneratedHistory.Made newestCritical = HISTORY.incidents.get(3);
        Browser.navigate(browser, browser.findElement(By.linkText(newestCritical.title())));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(newestCritical.title());
        assertThat(browser.findElement(By.cssSelector("dd.duration")).getText()).isEqualTo("3h 30m");
        assertThat(browser.findElements(By.cssSelector("ol.timeline > li .status")))
                .extracting(WebElement::getText)
                .containsExactly("investigating", "resolved");
        assertThat(browser.findElements(By.cssSelector("ol.timeline > li")))
                .extracting(li -> li.getAttribute("id"))
                .containsExactly("update-1", "update-2");
        String incidentUrl = browser.getCurrentUrl();
        Browser.screenshot(browser, "webco-incident-page");

        // The footer's zone form: a cookie, then every time on the page in that zone.
        String startedUtc = fact("Started");
        assertThat(startedUtc).endsWith(" UTC");
        new Select(browser.findElement(By.id("tz-zone"))).selectByValue("America/New_York");
        Browser.navigate(browser, browser.findElement(By.cssSelector("form.tz button")));
        assertThat(browser.getCurrentUrl()).isEqualTo(incidentUrl);
        assertThat(fact("Started")).matches(".* (EST|EDT)").isNotEqualTo(startedUtc);
        new Select(browser.findElement(By.id("tz-zone"))).selectByValue("UTC");
        Browser.navigate(browser, browser.findElement(By.cssSelector("form.tz button")));
        assertThat(fact("Started")).isEqualTo(startedUtc);

        WebElement rss = browser.findElement(By.cssSelector("a.feed-link[href$='feed.rss']"));
        String feedHref = rss.getAttribute("href");
        assertThat(feedHref).isEqualTo(incidentUrl + "/feed.rss");
        assertThat(browser.findElement(By.cssSelector("head link[rel=alternate][type='application/rss+xml']"))
                        .getAttribute("href"))
                .isEqualTo(feedHref);

        // The header's search box, from the incident page, to an incident whose update (not title) matched.
        WebElement box = browser.findElement(By.id("site-search"));
        box.sendKeys("flux capacitor");
        Browser.submitAndWait(browser, box);
        assertThat(browser.getCurrentUrl()).contains("/search?q=flux+capacitor");
        List<WebElement> results = browser.findElements(By.cssSelector(".result")).stream()
                .filter(r -> r.findElement(By.cssSelector("a.vendor")).getText().equals("WebCo"))
                .toList();
        assertThat(results)
                .extracting(r -> r.findElement(By.cssSelector("a.title")).getText())
                .containsExactlyElementsOf(HISTORY.incidents.stream()
                        .filter(GeneratedHistory.Made::fluxCapacitor)
                        .map(GeneratedHistory.Made::title)
                        .toList());
        Browser.screenshot(browser, "search-page");
        String resultTitle =
                results.get(0).findElement(By.cssSelector("a.title")).getText();
        Browser.navigate(browser, results.get(0).findElement(By.cssSelector("a.title")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(resultTitle);
        assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText()).contains("flux capacitor");

        // Following the feed link: a feed reader gets RSS XML carrying this incident.
        HttpResponse<String> feed = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(feedHref)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(feed.statusCode()).as("feed at " + feedHref).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).contains("xml");
        assertThat(feed.body()).contains("<rss").contains(newestCritical.title());
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("ul.history .incident-row"));
    }

    private String fact(String label) {
        return browser.findElements(By.cssSelector("dl.facts > div")).stream()
                .filter(d -> d.findElement(By.tagName("dt")).getText().equals(label))
                .map(d -> d.findElement(By.tagName("dd")).getText())
                .findFirst()
                .orElseThrow();
    }

    /** The page at a phone's width (390 px), then back to the desktop size. */
    private void phoneScreenshot(String name) {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 2400));
        Browser.screenshot(browser, name);
        browser.manage().window().setSize(desktop);
    }
}
