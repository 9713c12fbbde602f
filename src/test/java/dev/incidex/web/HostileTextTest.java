package dev.incidex.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.Incident;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Vendor text is untrusted: scripts and event handlers never reach a reader's page. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class HostileTextTest {

    @Inject
    TestPolls polls;

    @Test
    void scriptsAndHandlersInVendorTextArriveInert() {
        VendorServerResource.server().serve("/hostile/feed.rss", 200, "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Hostile</title><link>https://status.hostile.test</link>
                <description>x</description>
                <item><title>&lt;script&gt;alert('title')&lt;/script&gt; Outage</title>
                  <link>https://status.hostile.test/incidents/h1</link><guid>https://status.hostile.test/incidents/h1</guid>
                  <pubDate>Wed, 01 May 2024 10:00:00 +0000</pubDate>
                  <description>&lt;p&gt;We are investigating.&lt;script&gt;alert('body')&lt;/script&gt;
                  &lt;img src=x onerror="alert('img')"&gt;&lt;a href="javascript:alert('link')"&gt;details&lt;/a&gt;
                  &lt;a href="https://example.test/ok" onclick="alert('click')"&gt;safe link&lt;/a&gt;&lt;/p&gt;</description>
                </item></channel></rss>
                """);
        polls.pollVendor("hostile");
        Incident incident = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("vendor.slug", "hostile").singleResult());

        String html = given().get("/vendors/hostile/incidents/" + incident.id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Document page = Jsoup.parse(html);

        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("[onerror], [onclick]")).isEmpty();
        assertThat(page.select("a[href^=javascript]")).isEmpty();
        assertThat(html)
                .doesNotContain("<script>alert")
                .doesNotContain("onerror=")
                .doesNotContain("onclick=");
        assertThat(page.select("h1").text()).contains("<script>alert('title')</script> Outage");
        assertThat(page.select(".update-body a[href='https://example.test/ok']").attr("rel"))
                .contains("nofollow");

        String vendorPage =
                given().get("/vendors/hostile").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(vendorPage).select("script")).isEmpty();
        String front = given().get("/").then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(front).select("script")).isEmpty();
    }
}
