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

/**
 * Every page a reader reaches by clicking, at desktop and phone widths, in headless Chromium with no script: the
 * header's links, the front page's ages and maintenance, a vendor page, an incident, a search with its highlighted
 * snippet, and watchlists from "Watch this vendor" to the list saved in this browser. Screenshots of each page at both
 * widths go to target/screenshots/pages-*.png.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@Tag("browser")
class PagesBrowserTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final GeneratedHistory HISTORY =
            new GeneratedHistory("pg", "PageCo", 12, 1, NOW.minus(Duration.ofHours(3)), Duration.ofDays(9));

    @TestHTTPResource("/")
    URL root;

    @Inject
    TestPolls polls;

    ChromeDriver browser;

    @BeforeEach
    void open() {
        String maintenances = "{\"scheduled_maintenances\":["
                + maintenance("pgm1", "PageCo storage upgrade", "scheduled", NOW.plus(Duration.ofDays(2))) + ","
                + maintenance("pgm2", "PageCo window long gone", "scheduled", NOW.minus(Duration.ofDays(4))) + "]}";
        VendorServerResource.server()
                .serve("/pageco/api/v2/incidents.json", 200, "application/json", HISTORY.incidentsJson())
                .serve("/pageco/api/v2/scheduled-maintenances.json", 200, "application/json", maintenances);
        assertThat(polls.pollVendor("pageco").failed()).isZero();
        browser = Browser.start();
    }

    @AfterEach
    void close() {
        browser.quit();
    }

    @Test
    void everyPageAtBothWidthsFromTheHeader() {
        browser.get(root.toString());
        WebElement nav = browser.findElement(By.cssSelector("header.site nav"));
        assertThat(nav.findElement(By.linkText("API")).getAttribute("href")).endsWith("/q/swagger-ui");
        bothWidths("front");
        List<WebElement> ongoing = rowsOf("ul.ongoing");
        assertThat(ongoing).isNotEmpty();
        assertThat(ongoing.get(0).findElement(By.cssSelector(".age")).getText()).matches("for \\d+ h");
        List<String> maintenance = rowsOf("ul.maintenance").stream()
                .map(r -> r.findElement(By.cssSelector("a.title")).getText())
                .toList();
        assertThat(maintenance).contains("PageCo storage upgrade").doesNotContain("PageCo window long gone");

        // The header's Vendors entry reaches the directory with the add-vendor form.
        Browser.navigate(
                browser, browser.findElement(By.cssSelector("header.site nav")).findElement(By.linkText("Vendors")));
        assertThat(browser.getCurrentUrl()).endsWith("/vendors");
        assertThat(browser.findElements(By.cssSelector("section.add-vendor form input[name=url]")))
                .hasSize(1);
        bothWidths("vendors");

        Browser.navigate(
                browser, browser.findElement(By.cssSelector("ul.vendors")).findElement(By.linkText("PageCo")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("PageCo");
        // Open incidents come before the history, and the history before the figures.
        int open = browser.findElement(By.id("open")).getLocation().getY();
        int history = browser.findElement(By.id("history")).getLocation().getY();
        int figures = browser.findElement(By.id("figures")).getLocation().getY();
        assertThat(open).isLessThan(history);
        assertThat(history).isLessThan(figures);
        assertThat(browser.findElements(By.cssSelector("ul.history .incident-row")))
                .allSatisfy(r ->
                        assertThat(r.findElements(By.cssSelector(".badge"))).hasSize(1));
        bothWidths("vendor");
        componentFilterReadsWhole();

        String title = HISTORY.incidents.get(1).title();
        Browser.navigate(
                browser, browser.findElement(By.cssSelector("ul.history")).findElement(By.linkText(title)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(title);
        bothWidths("incident");

        WebElement box = browser.findElement(By.id("site-search"));
        box.sendKeys("the flux capacitor");
        Browser.submitAndWait(browser, box);
        assertThat(browser.findElements(By.cssSelector("input[name=q]")))
                .as("one search box")
                .hasSize(1);
        List<WebElement> results = rowsOf("ul.results");
        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.findElement(By.cssSelector("a.vendor")).getText()).isEqualTo("PageCo");
            assertThat(r.findElements(By.cssSelector(".snippet mark")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .contains("flux", "capacitor");
            assertThat(r.findElement(By.cssSelector(".state")).getText()).isIn("Resolved", "Ongoing");
        });
        assertThat(browser.findElement(By.cssSelector(".ignored")).getText()).contains("“the”");
        assertThat(browser.findElement(By.cssSelector("a.feed-link")).getAttribute("href"))
                .endsWith("/feeds/search.rss?q=the+flux+capacitor");
        bothWidths("search");

        // Watchlists: the header's entry, then "Watch this vendor" on the vendor page, then the list of this browser's.
        Browser.navigate(
                browser, browser.findElement(By.cssSelector("header.site nav")).findElement(By.linkText("Watchlists")));
        assertThat(browser.findElements(By.cssSelector("ul.saved-watchlists li")))
                .isEmpty();
        bothWidths("watchlists-none");
        browser.get(root + "vendors/pageco");
        Browser.navigate(browser, browser.findElement(By.cssSelector("form.watch button")));
        assertThat(browser.findElement(By.cssSelector("input[name=vendor][value=pageco]"))
                        .isSelected())
                .isTrue();
        // Every vendor is offered, one a line (the test catalog has about fifty; the built-in one over three hundred).
        long vendors = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> dev.incidex.catalog.Vendor.count());
        assertThat(browser.findElements(By.cssSelector("ul.vendor-choices li"))).hasSize((int) vendors);
        bothWidths("watchlist-new");
        browser.findElement(By.id("name")).sendKeys("PageCo watch");
        Browser.navigate(browser, browser.findElement(By.cssSelector("form.watchlist button[type=submit]")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("PageCo watch");
        String watchlistUrl = browser.getCurrentUrl();
        // A maintenance two days ahead is upcoming: it has no age ("for <1 min") and is not shown as under way.
        WebElement upcoming = browser.findElements(By.cssSelector("li.incident-row")).stream()
                .filter(row -> row.getText().contains("PageCo storage upgrade"))
                .findFirst()
                .orElseThrow();
        assertThat(upcoming.findElement(By.cssSelector(".state")).getText()).isEqualTo("Upcoming");
        assertThat(upcoming.findElements(By.cssSelector(".age"))).isEmpty();
        bothWidths("watchlist");
        Browser.navigate(
                browser, browser.findElement(By.cssSelector("header.site nav")).findElement(By.linkText("Watchlists")));
        WebElement saved = browser.findElement(By.cssSelector("ul.saved-watchlists a"));
        assertThat(saved.getText()).isEqualTo("PageCo watch");
        assertThat(saved.getAttribute("href")).isEqualTo(watchlistUrl);
        bothWidths("watchlists");

        browser.get(root + "settings");
        bothWidths("settings");
        browser.get(root + "vendors/no-such-vendor");
        bothWidths("not-found");
    }

    /** At phone width the component filter shows its choices whole, not "Any componen…". */
    private void componentFilterReadsWhole() {
        Dimension desktop = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(390, 1600));
        // The width the browser itself gives the select when nothing constrains it: its widest choice, arrow and
        // padding.
        Number natural = (Number) browser.executeScript("""
                const copy = document.getElementById('f-component').cloneNode(true);
                copy.removeAttribute('id');
                copy.style.cssText = 'position:absolute; visibility:hidden; width:auto; min-width:0; max-width:none';
                document.body.appendChild(copy);
                const width = copy.getBoundingClientRect().width;
                copy.remove();
                return width;""");
        int width = browser.findElement(By.id("f-component")).getSize().getWidth();
        assertThat(width).as("component filter at 390 px").isGreaterThanOrEqualTo((int)
                Math.floor(natural.doubleValue()));
        browser.manage().window().setSize(desktop);
    }

    private List<WebElement> rowsOf(String list) {
        return browser.findElements(By.cssSelector(list + " .incident-row")).stream()
                .filter(r -> r.findElements(By.cssSelector("a.vendor")).isEmpty()
                        || r.findElement(By.cssSelector("a.vendor")).getText().equals("PageCo"))
                .toList();
    }

    /**
     * Screenshots at 1280 and 390 px, and at both: nothing wider than the window, and every incident row the same two
     * lines (its vendor and title, then its facts).
     */
    private void bothWidths(String page) {
        Dimension desktop = browser.manage().window().getSize();
        for (int width : new int[] {1280, 390}) {
            browser.manage().window().setSize(new Dimension(width, 1600));
            Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            Number client = (Number) browser.executeScript("return document.documentElement.clientWidth");
            assertThat(scroll.intValue())
                    .as(page + " at " + width + " px scrolls sideways")
                    .isLessThanOrEqualTo(client.intValue());
            for (WebElement row : browser.findElements(By.cssSelector(".incident-row"))) {
                WebElement head = row.findElement(By.cssSelector(".row-head"));
                WebElement facts = row.findElement(By.cssSelector(".row-facts"));
                assertThat(facts.getLocation().getY())
                        .as(page + " row facts below its title at " + width + " px")
                        .isGreaterThanOrEqualTo(
                                head.getLocation().getY() + head.getSize().getHeight() - 1);
            }
            Browser.screenshot(browser, "pages-" + page + (width == 390 ? "-phone" : ""));
        }
        browser.manage().window().setSize(desktop);
    }

    private static String maintenance(String id, String name, String status, Instant from) {
        return """
                {"id":"%s","name":"%s","status":"%s","impact":"maintenance","created_at":"%s","started_at":"%s",
                 "scheduled_for":"%s","scheduled_until":"%s","resolved_at":null,
                 "incident_updates":[{"id":"%su","status":"%s","body":"Planned work.","created_at":"%s","display_at":"%s"}],
                 "components":[]}""".formatted(
                        id, name, status, from, from, from, from.plus(Duration.ofHours(2)), id, status, from, from);
    }
}
