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

/** Sorry™ notices from the public read API (envelope partly attested; see docs/source-kinds.md). */
class SorryAdapterTest {

    private static final String PAGE = "https://api.sorryapp.com/v1/pages/9f3b2a1c";
    private final SorryAdapter adapter = new SorryAdapter();

    private List<ObservedIncident> read() throws Exception {
        return adapter.read(Fixtures.file("sorry/parcelbay-notices.json", PAGE + "/notices", "application/json"));
    }

    @Test
    void documentIsThePagesNotices() {
        assertThat(adapter.kind()).isEqualTo("sorry");
        assertThat(adapter.documents(URI.create(PAGE + "/"))).containsExactly(URI.create(PAGE + "/notices"));
    }

    @Test
    void ongoingUnplannedNoticeWithUpdatesSortedAndComponents() throws Exception {
        ObservedIncident i = read().get(0);
        assertThat(i.vendorKey()).isEqualTo("a81c2f07");
        assertThat(i.title()).isEqualTo("Label printing fails for some carriers");
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T09:10:00Z"));
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.components()).containsExactly("Label API");
        assertThat(i.updates()).extracting(ObservedUpdate::vendorKey).containsExactly("u1", "u2");
    }

    @Test
    void resolvedNoticeEndsAtEndedAtAndStatelessUpdatesInheritTheNoticeState() throws Exception {
        ObservedIncident i = read().get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T16:10:00Z"));
        assertThat(i.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.RESOLVED);
    }

    @Test
    void plannedNoticeIsAScheduledMaintenanceWithItsWindow() throws Exception {
        ObservedIncident m = read().get(2);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(m.scheduledFor()).isEqualTo(Instant.parse("2023-04-04T02:00:00Z"));
        assertThat(m.scheduledUntil()).isEqualTo(Instant.parse("2023-04-04T04:00:00Z"));
    }

    @Test
    void everyAttestedStateMaps() {
        assertThat(List.of(
                                "investigating",
                                "identified",
                                "recovering",
                                "resolved",
                                "false_alarm",
                                "scheduled",
                                "underway",
                                "complete",
                                "cancelled")
                        .stream()
                        .map(SorryAdapter::status))
                .containsExactly(
                        IncidentStatus.INVESTIGATING,
                        IncidentStatus.IDENTIFIED,
                        IncidentStatus.MONITORING,
                        IncidentStatus.RESOLVED,
                        IncidentStatus.RESOLVED,
                        IncidentStatus.SCHEDULED,
                        IncidentStatus.IN_PROGRESS,
                        IncidentStatus.COMPLETED,
                        IncidentStatus.COMPLETED);
    }

    @Test
    void bareArrayIsAcceptedAndAnErrorObjectIsNot() throws Exception {
        assertThat(adapter.read(Fixtures.text("[]", PAGE + "/notices", "application/json")))
                .isEmpty();
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"error\":\"Not found\"}", PAGE + "/notices", "application/json")));
    }
}
