package dev.incidex.source.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.Fixtures;
import dev.incidex.source.UnreadableDocumentException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Adobe's StatusEvents document, as status.adobe.com loads it. */
class AdobeAdapterTest {

    private static final String URL = "https://data.status.adobe.com/adobestatus/StatusEvents";
    private final AdobeAdapter adapter = new AdobeAdapter();

    private ObservedIncident byKey(String key) throws Exception {
        return adapter.read(Fixtures.file("adobe/status-events.json", URL, "application/json")).stream()
                .filter(i -> key.equals(i.vendorKey()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anEventSplitByProductIsOneIncidentWithItsRepeatedUpdateKeptOnce() throws Exception {
        ObservedIncident i = byKey("512233");
        assertThat(i.components()).containsExactly("Adobe Fonts", "Adobe Express");
        assertThat(i.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(Instant.parse("2023-03-30T09:00:00Z"), Instant.parse("2023-03-30T10:15:00Z"));
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T09:00:00Z"));
        assertThat(i.resolvedAt()).isNull();
    }

    @Test
    void titleAndTextsComeFromTheirTokensWithPlaceholdersFilledAndMarkupSanitized() throws Exception {
        ObservedIncident i = byKey("512233");
        assertThat(i.title()).isEqualTo("Users may be unable to sync fonts");
        assertThat(i.updates().get(0).text().plain()).contains("Since 2023-03-30T09:00:00Z some users");
        assertThat(i.updates().get(1).text().html()).doesNotContain("onerror");
    }

    @Test
    void openWordGivesWayToTheTextsProgressAndTheNewestSeverityIsTheImpact() throws Exception {
        ObservedIncident i = byKey("512233");
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.impact()).isEqualTo(Impact.MAJOR);
    }

    @Test
    void closedEventEndsAtItsCompletion() throws Exception {
        ObservedIncident i = byKey("511870");
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T10:00:00Z"));
        assertThat(i.impact()).isEqualTo(Impact.MINOR);
    }

    @Test
    void scheduledMaintenanceHasItsWindowButNoStart() throws Exception {
        ObservedIncident m = byKey("77120");
        assertThat(m.maintenance()).isTrue();
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(m.scheduledFor()).isEqualTo(Instant.parse("2023-04-04T00:00:00Z"));
        assertThat(m.startedAt()).isNull();
    }

    @Test
    void otherJsonIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class, () -> adapter.read(Fixtures.text("[]", URL, "application/json")));
    }
}
