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

/** Zendesk's status backend: /api/ssp/incidents.json (JSON:API). */
class ZendeskAdapterTest {

    private static final String BASE = "https://status.zendesk.com";
    private final ZendeskAdapter adapter = new ZendeskAdapter();

    private List<ObservedIncident> read() throws Exception {
        return adapter.read(Fixtures.file(
                "zendesk/ssp-incidents.json", BASE + "/api/ssp/incidents.json", "application/vnd.api+json"));
    }

    @Test
    void documentIsTheSspIncidents() {
        assertThat(adapter.kind()).isEqualTo("zendesk");
        assertThat(adapter.documents(URI.create(BASE + "/")))
                .containsExactly(URI.create(BASE + "/api/ssp/incidents.json"));
    }

    @Test
    void resolvedIncidentWithItsImpactAndTheServiceNamedInIncluded() throws Exception {
        ObservedIncident i = read().get(0);
        assertThat(i.vendorKey()).isEqualTo("11201");
        assertThat(i.impact()).isEqualTo(Impact.MAJOR);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-28T16:06:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T18:38:00Z"));
        assertThat(i.components()).containsExactly("Voice");
        assertThat(i.url()).isEqualTo(BASE + "/incidents/11201");
    }

    @Test
    void openIncidentThroughTwoIncidentServices() throws Exception {
        ObservedIncident i = read().get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.components()).containsExactly("Knowledge", "Guide");
    }

    @Test
    void aResolutionTimeClosesAnIncidentWhoseStatusWordLags() throws Exception {
        ObservedIncident i = read().get(2);
        assertThat(i.vendorStatus()).isEqualTo("monitoring");
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-29T08:00:00Z"));
    }

    @Test
    void withoutADataArrayIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(
                        Fixtures.text("{\"errors\":[]}", BASE + "/api/ssp/incidents.json", "application/json")));
    }
}
