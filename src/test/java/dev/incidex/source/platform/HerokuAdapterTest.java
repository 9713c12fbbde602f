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

/** Heroku status API v4: /api/v4/incidents. */
class HerokuAdapterTest {

    private static final String BASE = "https://status.heroku.com";
    private final HerokuAdapter adapter = new HerokuAdapter();

    private List<ObservedIncident> read() throws Exception {
        return adapter.read(Fixtures.file("heroku/v4-incidents.json", BASE + "/api/v4/incidents", "application/json"));
    }

    @Test
    void documentIsTheV4Incidents() {
        assertThat(adapter.kind()).isEqualTo("heroku");
        assertThat(adapter.documents(URI.create(BASE))).containsExactly(URI.create(BASE + "/api/v4/incidents"));
    }

    @Test
    void openIncidentWithUpdatesSortedAndAPlainUpdateKeepingTheStatusBeforeIt() throws Exception {
        ObservedIncident i = read().get(0);
        assertThat(i.vendorKey()).isEqualTo("2571");
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.impact()).as("Heroku grades nothing").isNull();
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.components()).containsExactly("Apps", "Data");
        assertThat(i.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(Instant.parse("2023-03-30T10:12:44Z"), Instant.parse("2023-03-30T11:02:10Z"));
        assertThat(i.updates()).extracting(ObservedUpdate::status).containsOnly(IncidentStatus.INVESTIGATING);
    }

    @Test
    void resolvedStateWinsOverTheFalseResolvedFlagAndAMissingResolvedAtTakesTheLastUpdate() throws Exception {
        ObservedIncident i = read().get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T16:31:05Z"));
        assertThat(i.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, IncidentStatus.RESOLVED);
    }

    @Test
    void scheduledUpdateMakesAMaintenance() throws Exception {
        ObservedIncident m = read().get(2);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.impact()).isEqualTo(Impact.MAINTENANCE);
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
    }

    @Test
    void anObjectIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"status\":[]}", BASE + "/api/v4/incidents", "application/json")));
    }

    @Test
    void aRecordWithAnUnreadableDateCostsThatRecordOnly() throws Exception {
        String body = """
                [{"id":"1","title":"Good","state":"resolved","created_at":"2023-03-28T15:00:00Z","updates":[]},
                 {"id":"2","title":"Bad","state":"resolved","created_at":"the 28th of March","updates":[]},
                 {"id":"3","title":"Also good","state":"resolved","created_at":"2023-03-29T15:00:00Z","updates":[]}]""";
        List<ObservedIncident> read = adapter.read(Fixtures.text(body, BASE + "/api/v4/incidents", "application/json"));
        assertThat(read).hasSize(3);
        assertThat(read).extracting(ObservedIncident::title).containsExactly("Good", null, "Also good");
        assertThat(read.get(1).vendorKey()).as("nothing is stored for it").isNull();
        assertThat(read.get(1).warnings()).singleElement().asString().startsWith("incident '2' was skipped: ");
    }
}
