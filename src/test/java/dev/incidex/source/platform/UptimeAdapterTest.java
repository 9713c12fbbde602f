package dev.incidex.source.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.Fixtures;
import dev.incidex.source.UnreadableDocumentException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uptime.com status pages: <page>/ajax and <page>/history. */
class UptimeAdapterTest {

    private static final String PAGE = "https://uptime.com/statuspage/ledgerly";
    private final UptimeAdapter adapter = new UptimeAdapter();

    private List<ObservedIncident> read(String fixture, String path) throws Exception {
        return adapter.read(Fixtures.file(fixture, PAGE + path, "application/json"));
    }

    @Test
    void documentsAreAjaxAndHistoryBesideThePage() {
        assertThat(adapter.kind()).isEqualTo("uptime");
        assertThat(adapter.documents(URI.create(PAGE + "/")))
                .containsExactly(URI.create(PAGE + "/ajax"), URI.create(PAGE + "/history"));
    }

    @Test
    void activeIncidentInTheEnvelopeWithItsLatestStateAndNestedComponentNames() throws Exception {
        ObservedIncident i = read("uptime/ajax.json", "/ajax").get(0);
        assertThat(i.vendorKey()).isEqualTo("412033");
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.components()).containsExactly("API");
        assertThat(i.url()).isEqualTo(PAGE + "/incidents/412033");
        assertThat(i.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED);
    }

    @Test
    void upcomingMaintenanceIsScheduledWithItsWindow() throws Exception {
        ObservedIncident m = read("uptime/ajax.json", "/ajax").get(1);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(m.startedAt()).isNull();
        assertThat(m.scheduledFor()).isEqualTo(Instant.parse("2023-04-04T00:00:00Z"));
    }

    @Test
    void historyWithoutALatestStateTakesTheNewestUpdatesAndEnds() throws Exception {
        ObservedIncident i = read("uptime/history.json", "/history").get(0);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T09:12:30Z"));
        assertThat(i.components()).containsExactly("Webhooks");
    }

    @Test
    void anErrorEnvelopeIsUnreadable() {
        UnreadableDocumentException e = assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text(
                        "{\"error\":\"Not found\",\"fields\":{},\"data\":null}", PAGE + "/ajax", "application/json")));
        assertThat(e.getMessage()).contains("Not found");
    }
}
