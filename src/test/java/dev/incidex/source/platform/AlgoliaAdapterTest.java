package dev.incidex.source.platform;

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

/** Algolia's status API: /1/incidents, a per-cluster log. */
class AlgoliaAdapterTest {

    private static final String BASE = "https://status.algolia.com";
    private final AlgoliaAdapter adapter = new AlgoliaAdapter();

    private List<ObservedIncident> read() throws Exception {
        return adapter.read(Fixtures.file("algolia/incidents.json", BASE + "/1/incidents", "application/json"));
    }

    @Test
    void documentIsTheIncidentLogNotTheDecoyStatuspagePaths() {
        assertThat(adapter.kind()).isEqualTo("algolia");
        assertThat(adapter.documents(URI.create(BASE + "/"))).containsExactly(URI.create(BASE + "/1/incidents"));
    }

    @Test
    void oneTitleOverSeveralClustersIsOneIncidentWithItsWorstImpact() throws Exception {
        List<ObservedIncident> all = read();
        assertThat(all).hasSize(2);
        ObservedIncident i = all.get(0);
        assertThat(i.components()).containsExactly("c23-usw", "c24-usw");
        assertThat(i.impact()).isEqualTo(Impact.CRITICAL);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T10:00:00Z"));
        assertThat(i.updates()).hasSize(4);
    }

    @Test
    void operationalAgainEndsItOnlyWhenEveryClusterNamedIsBack() throws Exception {
        ObservedIncident stillOpen = read().get(0);
        assertThat(stillOpen.status()).as("c24-usw never reported operational").isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(stillOpen.resolvedAt()).isNull();
        ObservedIncident over = read().get(1);
        assertThat(over.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(over.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T09:00:00Z"));
    }

    @Test
    void theKeyIsStableAcrossPolls() throws Exception {
        assertThat(read().get(0).vendorKey())
                .isEqualTo(read().get(0).vendorKey())
                .startsWith("sha256:");
    }

    @Test
    void theHtmlShellIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(
                        Fixtures.text("<!doctype html><div id=root></div>", BASE + "/1/incidents", "text/html")));
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"status\":{}}", BASE + "/1/incidents", "application/json")));
    }
}
