package dev.incidex.source.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.Fixtures;
import dev.incidex.source.UnreadableDocumentException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** incident.io: the Statuspage-compatible JSON and the widget summary, and how they meet. */
class IncidentIoAdapterTest {

    private static final String BASE = "https://status.nimbus.example";
    private final IncidentIoAdapter adapter = new IncidentIoAdapter();

    private List<ObservedIncident> read(String fixture, String path) throws Exception {
        return adapter.read(Fixtures.file(fixture, BASE + path, "application/json"));
    }

    @Test
    void documentsAreTheCompatibleIncidentsAndTheWidgetNeverTheMissingUpcomingEndpoint() {
        assertThat(adapter.kind()).isEqualTo("incidentio");
        assertThat(adapter.documents(URI.create(BASE + "/")))
                .containsExactly(URI.create(BASE + "/api/v2/incidents.json"), URI.create(BASE + "/api/v1/summary"));
    }

    @Test
    void compatibleJsonGivesOngoingAndResolvedWithUlidKeysDespiteNullMaintenancesAndMissingComponents()
            throws Exception {
        List<ObservedIncident> all = read("incidentio/nimbus-compat-incidents.json", "/api/v2/incidents.json");
        assertThat(all).hasSize(2);
        ObservedIncident ongoing = all.get(0);
        assertThat(ongoing.vendorKey()).isEqualTo("01GWRZFM18AK0J2TARSPZMA9SR");
        assertThat(ongoing.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(ongoing.resolvedAt()).isNull();
        assertThat(ongoing.components()).isEmpty();
        assertThat(ongoing.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED);
        assertThat(ongoing.url()).isEqualTo(BASE + "/incidents/01GWRZFM18AK0J2TARSPZMA9SR");
        ObservedIncident resolved = all.get(1);
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2023-03-29T23:18:40Z"));
    }

    @Test
    void widgetOngoingIncidentMapsWorstImpactAndKeepsTheSameIdAsTheJson() throws Exception {
        List<ObservedIncident> all = read("incidentio-widget-summary.json", "/api/v1/summary");
        ObservedIncident ongoing = all.get(0);
        assertThat(ongoing.vendorKey()).isEqualTo("01GWRZFM18AK0J2TARSPZMA9SR");
        assertThat(ongoing.impact()).isEqualTo(Impact.MAJOR);
        assertThat(ongoing.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(ongoing.maintenance()).isFalse();
        assertThat(ongoing.exactTimes())
                .as("the widget has no start; the JSON outranks it")
                .isFalse();
        assertThat(ongoing.components()).containsExactly("Public API", "Webhooks");
        assertThat(ongoing.updates()).singleElement().satisfies(u -> {
            assertThat(u.at()).isEqualTo(Instant.parse("2023-03-30T11:26:53.412Z"));
            assertThat(u.text().plain()).startsWith("We have identified a faulty deployment");
        });
    }

    @Test
    void widgetScheduledMaintenanceCarriesItsWindow() throws Exception {
        ObservedIncident m =
                read("incidentio-widget-summary.json", "/api/v1/summary").get(1);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.impact()).isEqualTo(Impact.MAINTENANCE);
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(m.scheduledFor()).isEqualTo(Instant.parse("2023-04-04T02:00:00Z"));
        assertThat(m.scheduledUntil()).isEqualTo(Instant.parse("2023-04-04T03:00:00Z"));
        assertThat(m.components()).containsExactly("Dashboard");
    }

    @Test
    void widgetInProgressMaintenanceReadsStartedAtAndScheduledEndAt() throws Exception {
        ObservedIncident m = read("incidentio/nimbus-widget-in-progress.json", "/api/v1/summary")
                .get(0);
        assertThat(m.status()).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(m.startedAt()).isEqualTo(Instant.parse("2023-04-04T02:00:00Z"));
        assertThat(m.scheduledUntil()).isEqualTo(Instant.parse("2023-04-04T03:00:00Z"));
    }

    @Test
    void worstImpactWordsMapAsFormatsSaysAndUnknownIsNull() {
        assertThat(IncidentIoAdapter.impact("degraded_performance")).isEqualTo(Impact.MINOR);
        assertThat(IncidentIoAdapter.impact("partial_outage")).isEqualTo(Impact.MAJOR);
        assertThat(IncidentIoAdapter.impact("full_outage")).isEqualTo(Impact.CRITICAL);
        assertThat(IncidentIoAdapter.impact("sideways")).isNull();
    }

    @Test
    void htmlInsteadOfTheWidgetIsUnreadable() {
        UnreadableDocumentException e = assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("<html>not here</html>", BASE + "/api/v1/summary", "text/html")));
        assertThat(e.getMessage()).contains("incident.io widget").contains("text/html");
    }
}
