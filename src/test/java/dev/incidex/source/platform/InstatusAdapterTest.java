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

/** Instatus public summary.json. */
class InstatusAdapterTest {

    private static final String URL = "https://status.quillpad.example/summary.json";
    private final InstatusAdapter adapter = new InstatusAdapter();

    private List<ObservedIncident> read(String fixture) throws Exception {
        return adapter.read(Fixtures.file(fixture, URL, "application/json"));
    }

    @Test
    void componentsComeFromTheV3ComponentsDocumentInEitherShape() throws Exception {
        assertThat(adapter.componentDocuments(
                        dev.incidex.source.SourceSettings.of(URI.create("https://status.quillpad.example"))))
                .containsExactly(URI.create("https://status.quillpad.example/v3/components.json"));
        String url = "https://status.quillpad.example/v3/components.json";
        String wrapped = "{\"components\":[{\"id\":\"c1\",\"name\":\"Editor\",\"description\":null,"
                + "\"status\":\"PARTIALOUTAGE\",\"group\":{\"id\":\"g1\",\"name\":\"App\"}},"
                + "{\"id\":\"c2\",\"name\":\"Sync\",\"status\":\"UNDERMAINTENANCE\",\"group\":null}]}";
        var reading = adapter.readAll(Fixtures.text(wrapped, url, "application/json"));
        assertThat(reading.incidents()).isEmpty();
        assertThat(reading.components())
                .extracting(c -> c.name(), c -> c.group(), c -> c.status(), c -> c.vendorStatus())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Editor", "App", dev.incidex.model.ComponentStatus.PARTIAL_OUTAGE, "PARTIALOUTAGE"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Sync", null, dev.incidex.model.ComponentStatus.MAINTENANCE, "UNDERMAINTENANCE"));
        String bare = "[{\"id\":\"c3\",\"name\":\"Login\",\"status\":\"OPERATIONAL\",\"group\":\"Accounts\"}]";
        assertThat(adapter.readAll(Fixtures.text(bare, url, "application/json")).components())
                .extracting(c -> c.group())
                .containsExactly("Accounts");
        assertThat(adapter.readAll(Fixtures.file("instatus-summary.json", URL, "application/json"))
                        .components())
                .as("the summary lists no components")
                .isNull();
    }

    @Test
    void documentIsTheSummaryUnderTheBaseUrl() {
        assertThat(adapter.kind()).isEqualTo("instatus");
        assertThat(adapter.documents(URI.create("https://status.quillpad.example/")))
                .containsExactly(URI.create(URL));
    }

    @Test
    void ongoingIncidentWithIsoDatesAndImpact() throws Exception {
        ObservedIncident i = read("instatus-summary.json").get(0);
        assertThat(i.vendorKey()).isEqualTo("clfvb2k9e004108mj3xq1a7tz");
        assertThat(i.status()).isEqualTo(IncidentStatus.MONITORING);
        assertThat(i.impact()).isEqualTo(Impact.MAJOR);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T08:41:00Z"));
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.url()).isEqualTo("https://status.quillpad.example/incident/clfvb2k9e004108mj3xq1a7tz");
    }

    @Test
    void scheduledMaintenanceEndsAfterItsDurationInMinutesGivenAsAString() throws Exception {
        ObservedIncident m = read("instatus-summary.json").get(1);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(m.scheduledFor()).isEqualTo(Instant.parse("2023-04-04T01:00:00Z"));
        assertThat(m.scheduledUntil()).isEqualTo(Instant.parse("2023-04-04T02:30:00Z"));
    }

    @Test
    void inProgressMaintenance() throws Exception {
        ObservedIncident m =
                read("instatus/quillpad-maintenance-in-progress.json").get(0);
        assertThat(m.status()).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(m.scheduledUntil()).isEqualTo(Instant.parse("2023-04-04T01:45:00Z"));
    }

    @Test
    void javascriptDateStringsReadWithTheirOffsetAndPageUpDoesNotHideAnOpenIncident() throws Exception {
        List<ObservedIncident> all = read("instatus/quillpad-js-dates-page-up.json");
        assertThat(all).hasSize(1);
        ObservedIncident i = all.get(0);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T10:05:10Z"));
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.impact()).isEqualTo(Impact.CRITICAL);
    }

    @Test
    void omittedArraysMeanNothingActive() throws Exception {
        assertThat(read("instatus/quillpad-all-clear.json")).isEmpty();
    }

    @Test
    void resolvedIncidentTakesItsLastChangeAsTheResolutionTime() throws Exception {
        String body = """
                {"page":{"status":"UP"},"activeIncidents":[{"id":"c1","name":"Gone","started":"2023-03-30T08:00:00.000Z",
                "status":"RESOLVED","impact":"MINOROUTAGE","updatedAt":"2023-03-30T09:00:00.000Z"}]}""";
        ObservedIncident i =
                adapter.read(Fixtures.text(body, URL, "application/json")).get(0);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.impact()).isEqualTo(Impact.MINOR);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-30T09:00:00Z"));
    }

    @Test
    void impactWordsMap() {
        assertThat(InstatusAdapter.impact("DEGRADEDPERFORMANCE")).isEqualTo(Impact.MINOR);
        assertThat(InstatusAdapter.impact("MINOROUTAGE")).isEqualTo(Impact.MINOR);
        assertThat(InstatusAdapter.impact("PARTIALOUTAGE")).isEqualTo(Impact.MAJOR);
        assertThat(InstatusAdapter.impact("MAJOROUTAGE")).isEqualTo(Impact.CRITICAL);
        assertThat(InstatusAdapter.impact("OPERATIONAL")).isEqualTo(Impact.NONE);
    }

    @Test
    void unrelatedJsonIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"message\":\"Forbidden\"}", URL, "application/json")));
    }
}
