package dev.incidex.source.platform;

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

/** Statuspal's public v2 summary. */
class StatuspalAdapterTest {

    private static final String URL = "https://statuspal.eu/api/v2/status_pages/cloudlake/summary";
    private final StatuspalAdapter adapter = new StatuspalAdapter();

    private List<ObservedIncident> read() throws Exception {
        return adapter.read(Fixtures.file("statuspal/summary.json", URL, "application/json; charset=utf-8"));
    }

    @Test
    void documentIsTheSummaryItself() {
        assertThat(adapter.kind()).isEqualTo("statuspal");
        assertThat(adapter.documents(URI.create(URL))).containsExactly(URI.create(URL));
    }

    @Test
    void zoneLessTimesAreUtcAndChildServicesAreNamedWithTheirParent() throws Exception {
        ObservedIncident i = read().get(0);
        assertThat(i.vendorKey()).isEqualTo("88231");
        assertThat(i.impact()).isEqualTo(Impact.MAJOR);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T09:45:00Z"));
        assertThat(i.components()).containsExactly("CH-GVA-2", "CH-GVA-2 Compute", "CH-GVA-2 Block Storage");
        assertThat(i.url()).isEqualTo("https://status.cloudlake.example/incidents/88231");
    }

    @Test
    void updatesAreSortedAndAPlainUpdateKeepsTheStatusBeforeIt() throws Exception {
        ObservedIncident i = read().get(0);
        assertThat(i.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(Instant.parse("2023-03-30T09:50:00Z"), Instant.parse("2023-03-30T11:30:00Z"));
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.resolvedAt()).isNull();
    }

    @Test
    void maintenanceInProgressWithItsWindow() throws Exception {
        ObservedIncident m = read().get(1);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.status()).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(m.scheduledUntil()).isEqualTo(Instant.parse("2023-03-30T14:00:00Z"));
        assertThat(m.components()).containsExactly("Global Portal");
    }

    @Test
    void anArrayIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class, () -> adapter.read(Fixtures.text("[]", URL, "application/json")));
    }
}
