package dev.incidex.source.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.Fixtures;
import dev.incidex.source.SourceSettings;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Azure status RSS: open incidents only. Azure announces no maintenance in this feed; a resolved
 * incident is seen only when its title's final clause says so.
 */
class AzureAdapterTest {

    private static final String URL = "https://azure.status.microsoft/en-us/status/feed/";
    private final AzureAdapter adapter = new AzureAdapter();

    private List<ObservedIncident> read(String fixture) throws Exception {
        return adapter.read(Fixtures.file(fixture, URL, "application/rss+xml"));
    }

    @Test
    void openIncidentIsMinorInvestigatingKeyedOnItsGuid() throws Exception {
        ObservedIncident i = read("azure/azure-open-incident.rss").get(0);
        assertThat(adapter.kind()).isEqualTo("azure");
        assertThat(i.vendorKey()).isEqualTo("TRK4-BX9");
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.impact()).isEqualTo(Impact.MINOR);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T09:02:00Z"));
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.updates())
                .singleElement()
                .satisfies(u -> assertThat(u.text().plain()).startsWith("Starting at 08:10 UTC"));
    }

    @Test
    void resolvedInOneRegionWhileImpactContinuesElsewhereIsStillOpen() throws Exception {
        ObservedIncident i = read("azure/azure-open-incident.rss").get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.resolvedAt()).isNull();
    }

    @Test
    void finalClauseSayingMitigatedResolves() throws Exception {
        ObservedIncident i = read("azure/azure-open-incident.rss").get(2);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-30T11:40:00Z"));
    }

    @Test
    void finalClauseRule() {
        assertThat(AzureAdapter.resolved("Resolved in North Europe. Impact continues in West Europe"))
                .isFalse();
        assertThat(AzureAdapter.resolved("Impact continues in West Europe. Resolved in North Europe"))
                .isTrue();
        assertThat(AzureAdapter.resolved("DNS resolution failures")).isFalse();
        assertThat(AzureAdapter.resolved("Storage outage. This issue has been resolved."))
                .isTrue();
    }

    @Test
    void emptyChannelIsHealthyNotAnError() throws Exception {
        assertThat(read("azure/azure-healthy-empty.rss")).isEmpty();
    }

    @Test
    void datelessItemKeepsAStableKeyAndNoStartSoTheMergeKeepsItsFirstSeenTime() throws Exception {
        ObservedIncident early = adapter.read(Fixtures.file(
                        "azure/azure-dateless-item.rss",
                        URL,
                        "application/rss+xml",
                        SourceSettings.of(URI.create(URL)),
                        Instant.parse("2023-03-30T13:00:00Z")))
                .get(0);
        ObservedIncident later = adapter.read(Fixtures.file(
                        "azure/azure-dateless-item.rss",
                        URL,
                        "application/rss+xml",
                        SourceSettings.of(URI.create(URL)),
                        Instant.parse("2023-03-30T15:30:00Z")))
                .get(0);
        assertThat(later.vendorKey()).isEqualTo(early.vendorKey()).isEqualTo("TRK4-EE1");
        assertThat(early.startedAt()).isNull();
        assertThat(later.startedAt()).isNull();
        assertThat(early.exactTimes()).isFalse();
        assertThat(later).isEqualTo(early);
    }
}
