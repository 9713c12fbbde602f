package dev.incidex.source.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.Fixtures;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Better Stack feed.rss: one item per update, grouped into incidents. */
class BetterStackAdapterTest {

    private static final String URL = "https://status.orbitly.example/feed.rss";
    private final BetterStackAdapter adapter = new BetterStackAdapter();

    private List<ObservedIncident> read(String fixture) throws Exception {
        return adapter.read(Fixtures.file(fixture, URL, "application/rss+xml"));
    }

    @Test
    void itemsPerUpdateGroupIntoOneIncidentPerLink() throws Exception {
        assertThat(adapter.kind()).isEqualTo("betterstack");
        assertThat(adapter.documents(URI.create(URL))).containsExactly(URI.create(URL));
        assertThat(read("betterstack-feed.rss"))
                .extracting(ObservedIncident::vendorKey)
                .containsExactly("301442", "301187", "301233");
    }

    @Test
    void ongoingIncidentHasItsTimelineOldestFirstAndTheTitleWithoutPrefix() throws Exception {
        ObservedIncident i = read("betterstack-feed.rss").get(0);
        assertThat(i.title()).isEqualTo("Elevated latency on the Orbitly API");
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T10:12:00Z"));
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.url()).isEqualTo("https://status.orbitly.example/incidents/301442");
        assertThat(i.updates()).extracting(ObservedUpdate::vendorKey).containsExactly("update-887051", "update-887105");
        assertThat(i.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED);
    }

    @Test
    void resolvedPrefixClosesTheIncident() throws Exception {
        ObservedIncident i = read("betterstack-feed.rss").get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T19:05:00Z"));
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-28T17:52:00Z"));
    }

    @Test
    void scheduledPrefixIsAMaintenanceThatHasNotStarted() throws Exception {
        ObservedIncident m = read("betterstack-feed.rss").get(2);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.impact()).isEqualTo(Impact.MAINTENANCE);
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(m.startedAt()).isNull();
    }

    @Test
    void maintenanceThatRanAndResolvedIsCompletedFromItsFirstNonScheduledUpdate() throws Exception {
        ObservedIncident m =
                read("betterstack/orbitly-maintenance-completed.rss").get(0);
        assertThat(m.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.SCHEDULED, IncidentStatus.IN_PROGRESS, IncidentStatus.COMPLETED);
        assertThat(m.status()).isEqualTo(IncidentStatus.COMPLETED);
        assertThat(m.startedAt()).isEqualTo(Instant.parse("2023-04-04T02:00:00Z"));
        assertThat(m.resolvedAt()).isEqualTo(Instant.parse("2023-04-04T02:27:00Z"));
    }
}
