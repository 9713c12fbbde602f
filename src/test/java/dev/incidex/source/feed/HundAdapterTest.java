package dev.incidex.source.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.Fixtures;
import dev.incidex.source.UnreadableDocumentException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hund.io's public state feed. */
class HundAdapterTest {

    private static final String BASE = "https://status.vaultly.example";
    private final HundAdapter adapter = new HundAdapter();

    private List<ObservedIncident> read() throws Exception {
        return adapter.read(Fixtures.file("hund/state-feed.atom", BASE + "/state_feed/feed", "application/atom+xml"));
    }

    @Test
    void documentIsTheStateFeedUnlessTheUrlAlreadyIsIt() {
        assertThat(adapter.kind()).isEqualTo("hund");
        assertThat(adapter.documents(URI.create(BASE))).containsExactly(URI.create(BASE + "/state_feed/feed"));
        assertThat(adapter.documents(URI.create(BASE + "/state_feed/feed")))
                .containsExactly(URI.create(BASE + "/state_feed/feed"));
    }

    @Test
    void bracketedStateLeadsTheTitleAndTheIssueIdIsTheKey() throws Exception {
        ObservedIncident i = read().get(0);
        assertThat(i.vendorKey()).isEqualTo("6424f1a0c3b2a1009e8d7c01");
        assertThat(i.title()).isEqualTo("Vault sync failures");
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.vendorStatus()).isEqualTo("Investigating");
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T09:40:00Z"));
        assertThat(i.resolvedAt()).isNull();
    }

    @Test
    void germanLabelsAreReadAndAClosedIssueEndsWhenLastUpdated() throws Exception {
        ObservedIncident i = read().get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T16:30:00Z"));
    }

    @Test
    void endedIsACompletedMaintenance() throws Exception {
        ObservedIncident m = read().get(2);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.impact()).isEqualTo(Impact.MAINTENANCE);
        assertThat(m.status()).isEqualTo(IncidentStatus.COMPLETED);
    }

    @Test
    void jsonIsNotAFeed() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{}", BASE + "/state_feed/feed", "application/json")));
    }
}
