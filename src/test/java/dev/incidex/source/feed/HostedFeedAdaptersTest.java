package dev.incidex.source.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.Fixtures;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Platforms read through their public feed: stripe, statuscast, statushub, statuscake, freshstatus. */
class HostedFeedAdaptersTest {

    @Test
    void eachKindHasItsName() {
        assertThat(List.of(
                        new StripeAdapter(),
                        new StatusCastAdapter(),
                        new StatusHubAdapter(),
                        new StatusCakeAdapter(),
                        new FreshstatusAdapter()))
                .extracting(FeedAdapter::kind)
                .containsExactly("stripe", "statuscast", "statushub", "statuscake", "freshstatus");
    }

    @Test
    void stripesBarePageGetsItsAtomFeedAndAFeedUrlIsKept() {
        StripeAdapter stripe = new StripeAdapter();
        assertThat(stripe.documents(URI.create("https://status.stripe.com/")))
                .containsExactly(URI.create("https://status.stripe.com/current/atom.xml"));
        assertThat(stripe.documents(URI.create("https://status.stripe.com/current/atom.xml")))
                .containsExactly(URI.create("https://status.stripe.com/current/atom.xml"));
    }

    @Test
    void platformsWithoutAKnownPathTakeTheCatalogUrlAsTheFeed() {
        URI feed = URI.create("https://status.fastwave.example/rss");
        assertThat(new StatusCastAdapter().documents(feed)).containsExactly(feed);
        assertThat(new StatusHubAdapter().documents(feed)).containsExactly(feed);
        assertThat(new StatusCakeAdapter().documents(feed)).containsExactly(feed);
        assertThat(new FreshstatusAdapter().documents(feed)).containsExactly(feed);
    }

    @Test
    void stripeEntriesAreIncidentsWithTheirStatusFromTheirWords() throws Exception {
        List<ObservedIncident> all = new StripeAdapter()
                .read(Fixtures.file(
                        "stripe/current-atom.xml",
                        "https://status.stripe.com/current/atom.xml",
                        "application/atom+xml"));
        assertThat(all)
                .extracting(ObservedIncident::vendorKey)
                .containsExactly(
                        "https://status.stripe.com/incidents/MPWRSHZ5XG9B",
                        "https://status.stripe.com/incidents/K3D9QWZ7MN2A");
        assertThat(all.get(0).status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(all.get(1).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(all.get(1).resolvedAt()).isEqualTo(Instant.parse("2023-03-28T16:05:00Z"));
    }

    @Test
    void aBracketedLabelInAStatusCastTitleWins() throws Exception {
        ObservedIncident i = new StatusCastAdapter()
                .read(Fixtures.file(
                        "statuscast/feed.rss", "https://status.fastwave.example/rss", "application/rss+xml"))
                .get(0);
        assertThat(i.status()).isEqualTo(IncidentStatus.MONITORING);
        assertThat(i.vendorKey()).isEqualTo("fastwave-incident-20518");
    }
}
