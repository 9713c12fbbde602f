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

/** Google Cloud and Workspace incidents.json. Google publishes no maintenance in it. */
class GcpAdapterTest {

    private static final String URL = "https://status.cloud.google.com/incidents.json";
    private final GcpAdapter adapter = new GcpAdapter();

    private List<ObservedIncident> read(String fixture, String url) throws Exception {
        return adapter.read(Fixtures.file(fixture, url, "application/json"));
    }

    @Test
    void theCatalogUrlIsTheDocument() {
        assertThat(adapter.kind()).isEqualTo("gcp");
        assertThat(adapter.documents(URI.create(URL))).containsExactly(URI.create(URL));
    }

    @Test
    void ongoingIncidentWithoutEndKeyIsOpenWithUpdatesOldestFirst() throws Exception {
        ObservedIncident i = read("gcp-incidents.json", URL).get(0);
        assertThat(i.vendorKey()).isEqualTo("Uq7nYk3VbR2xWm9pLc4T");
        assertThat(i.title()).isEqualTo("Cloud Pub/Sub: elevated publish latency in europe-west3");
        assertThat(i.impact()).isEqualTo(Impact.MINOR);
        assertThat(i.status().isClosed()).isFalse();
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T09:20:00Z"));
        assertThat(i.components()).containsExactly("Google Cloud Pub/Sub");
        assertThat(i.url()).isEqualTo("https://status.cloud.google.com/incidents/Uq7nYk3VbR2xWm9pLc4T");
        assertThat(i.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(Instant.parse("2023-03-30T09:51:02Z"), Instant.parse("2023-03-30T11:02:38Z"));
    }

    @Test
    void resolvedIncidentEndsAtEndAndItsAvailableUpdateIsTheRecovery() throws Exception {
        ObservedIncident i = read("gcp-incidents.json", URL).get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.impact()).isEqualTo(Impact.MAJOR);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T18:42:00Z"));
        assertThat(i.updates().get(2).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.updates().get(2).vendorStatus()).isEqualTo("AVAILABLE");
        assertThat(i.updates().get(1).status())
                .as("'identified the root cause'")
                .isEqualTo(IncidentStatus.IDENTIFIED);
    }

    @Test
    void workspaceNullEndIsOpenAndLinksUnderItsOwnDashboard() throws Exception {
        ObservedIncident i = read(
                        "gcp/workspace-open-null-end.json",
                        "https://www.google.com/appsstatus/dashboard/incidents.json")
                .get(0);
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.impact()).isEqualTo(Impact.NONE);
        assertThat(i.status())
                .as("'mitigated' in a non-AVAILABLE update is progress, not resolution")
                .isEqualTo(IncidentStatus.MONITORING);
        assertThat(i.url()).isEqualTo("https://www.google.com/appsstatus/dashboard/incidents/Hq3Lm8Zr1TtVw5Xa7Yb9");
    }

    @Test
    void aLastAvailableUpdateResolvesEvenBeforeEndIsSet() throws Exception {
        String body = """
                [{"id":"a1","external_desc":"X","begin":"2023-03-30T09:00:00+00:00",
                "updates":[{"when":"2023-03-30T10:00:00+00:00","text":"The issue has been resolved.","status":"AVAILABLE"}],
                "status_impact":"SERVICE_OUTAGE","uri":"incidents/a1"}]""";
        ObservedIncident i =
                adapter.read(Fixtures.text(body, URL, "application/json")).get(0);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-30T10:00:00Z"));
    }

    @Test
    void impactMapsStatusImpactThenSeverity() {
        assertThat(GcpAdapter.impact("SERVICE_INFORMATION", "high")).isEqualTo(Impact.NONE);
        assertThat(GcpAdapter.impact("SERVICE_DISRUPTION", null)).isEqualTo(Impact.MINOR);
        assertThat(GcpAdapter.impact("SERVICE_OUTAGE", null)).isEqualTo(Impact.MAJOR);
        assertThat(GcpAdapter.impact(null, "high")).isEqualTo(Impact.MAJOR);
    }

    @Test
    void anObjectIsNotIncidentsJson() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"error\":1}", URL, "application/json")));
    }
}
