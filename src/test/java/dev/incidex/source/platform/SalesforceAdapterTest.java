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

/** Salesforce Trust public API: /v1/incidents and /v1/incidents/active. */
class SalesforceAdapterTest {

    private static final String BASE = "https://api.status.salesforce.com";
    private final SalesforceAdapter adapter = new SalesforceAdapter();

    private List<ObservedIncident> read() throws Exception {
        return adapter.read(
                Fixtures.file("salesforce/trust-incidents.json", BASE + "/v1/incidents", "application/json"));
    }

    @Test
    void documentsAreActiveAndRecentIncidents() {
        assertThat(adapter.kind()).isEqualTo("salesforce");
        assertThat(adapter.documents(URI.create(BASE + "/")))
                .containsExactly(URI.create(BASE + "/v1/incidents/active"), URI.create(BASE + "/v1/incidents"));
    }

    @Test
    void numericAndStringIdsGiveTheSameKindOfKey() throws Exception {
        assertThat(read()).extracting(ObservedIncident::vendorKey).containsExactly("20004309", "20004999");
    }

    @Test
    void resolvedIncidentEndsWithItsImpactAndIsNamedByTypeAndInstances() throws Exception {
        ObservedIncident i = read().get(0);
        assertThat(i.title()).isEqualTo("Degradation on EU48, NA132, coreService");
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.impact()).isEqualTo(Impact.MINOR);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-28T08:40:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T11:05:00Z"));
        assertThat(i.url()).isEqualTo("https://status.salesforce.com/incidents/20004309");
        assertThat(i.updates())
                .extracting(ObservedUpdate::at)
                .as("events sorted oldest first")
                .containsExactly(Instant.parse("2023-03-28T08:55:00Z"), Instant.parse("2023-03-28T11:10:00Z"));
    }

    @Test
    void activeIncidentWithAnEmptyEndTimeStaysOpenAndTakesItsProgressFromTheNewestEvent() throws Exception {
        ObservedIncident i = read().get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.impact()).isEqualTo(Impact.MAJOR);
        assertThat(i.updates().get(0).status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.components()).containsExactly("NA132", "marketingCloud");
    }

    @Test
    void typeGivesTheImpactWhenNoImpactHasASeverity() {
        assertThat(SalesforceAdapter.type("Disruption")).isEqualTo(Impact.MAJOR);
        assertThat(SalesforceAdapter.type("Degradation")).isEqualTo(Impact.MINOR);
        assertThat(SalesforceAdapter.type("maintenance")).isNull();
    }

    @Test
    void anObjectOrHtmlIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"error\":\"x\"}", BASE + "/v1/incidents", "application/json")));
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("<html></html>", BASE + "/v1/incidents", "text/html")));
    }
}
