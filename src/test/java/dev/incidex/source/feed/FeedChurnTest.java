package dev.incidex.source.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.Incident;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A generic RSS feed whose item GUID, link and pubDate change on every poll (before: 42 incidents in
 * 42 polls). The item is known by its title: churn adds nothing, a new text under the same title is
 * a new update of the same incident, and another title is another incident. Items dated outside the
 * plausible window are skipped with a warning, the others stored.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class FeedChurnTest {

    @Inject
    TestPolls polls;

    @Test
    void anItemWhoseIdsChurnOnEveryPollStaysOneIncident() {
        Instant first = Instant.parse("2024-06-03T08:00:00Z");
        for (int poll = 0; poll < 42; poll++) {
            serve(item(
                    "Elevated  API error rates",
                    "We are investigating elevated error rates.",
                    "urn:churn:" + poll,
                    "https://status.churn.test/item?ts=" + poll,
                    first.plusSeconds(120L * poll)));
            polls.pollVendor("churnco");
        }
        assertThat(incidents()).singleElement().satisfies(i -> {
            assertThat(i.title).isEqualTo("Elevated API error rates");
            assertThat(i.updates).hasSize(1);
            assertThat(i.startedAt).isEqualTo(first);
        });

        // New words under the same title, a little later: the same incident's next update.
        serve(item(
                "ELEVATED API error rates",
                "The error rates are back to normal. This is resolved.",
                "urn:churn:resolved",
                "https://status.churn.test/item?ts=resolved",
                first.plusSeconds(3600)));
        polls.pollVendor("churnco");
        assertThat(incidents()).singleElement().satisfies(i -> {
            assertThat(i.updates).hasSize(2);
            assertThat(i.startedAt).isEqualTo(first);
        });

        // Another title is another incident; an item dated in year 2999 is skipped with a warning.
        serve(item(
                        "Webhook delays",
                        "Webhooks are delayed.",
                        "urn:other",
                        "https://status.churn.test/other",
                        first.plusSeconds(7200))
                + item(
                        "From the future",
                        "Pinned to the top forever.",
                        "urn:future",
                        "https://status.churn.test/future",
                        Instant.parse("2999-01-01T00:00:00Z")));
        polls.pollVendor("churnco");
        // The vendor's latest spelling of the title is kept.
        assertThat(incidents())
                .extracting(i -> i.title.toLowerCase(java.util.Locale.ROOT))
                .containsExactlyInAnyOrder("elevated api error rates", "webhook delays");
        assertThat(polls.sources("churnco").get(0).lastWarning).contains("none of its dates is plausible");
    }

    private static void serve(String items) {
        VendorServerResource.server()
                .serveWithoutValidators(
                        "/churnco/feed.rss",
                        "application/rss+xml",
                        ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Churn</title><link>https://status.churn.test</link>"
                                        + "<description>d</description>" + items + "</channel></rss>")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String item(String title, String text, String guid, String link, Instant at) {
        return "<item><title>" + title + "</title><guid>" + guid + "</guid><link>" + link + "</link><pubDate>"
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC)) + "</pubDate><description>"
                + text
                + "</description></item>";
    }

    private static List<Incident> incidents() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Incident> list = Incident.<Incident>list("vendor.slug", "churnco");
            list.forEach(i -> i.updates.size());
            return list;
        });
    }
}
