package dev.incidex.source.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.Fixtures;
import dev.incidex.source.SourceSettings;
import dev.incidex.source.UnreadableDocumentException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cachet 2.x API v1: incidents and schedules with zone-less dates. */
class CachetAdapterTest {

    private static final String BASE = "https://status.ledgerly.example";
    private static final String INCIDENTS = BASE + "/api/v1/incidents?sort=id&order=desc&per_page=50";
    private static final String SCHEDULES = BASE + "/api/v1/schedules";
    private static final SourceSettings BERLIN = new SourceSettings(URI.create(BASE), ZoneId.of("Europe/Berlin"), null);
    private final CachetAdapter adapter = new CachetAdapter();

    private List<ObservedIncident> read(String fixture, String url, SourceSettings settings) throws Exception {
        return adapter.read(Fixtures.file(fixture, url, "application/json", settings, Fixtures.POLLED));
    }

    @Test
    void documentsAreNewestIncidentsAndSchedules() {
        assertThat(adapter.kind()).isEqualTo("cachet");
        assertThat(adapter.documents(URI.create(BASE + "/")))
                .containsExactly(URI.create(INCIDENTS), URI.create(SCHEDULES));
    }

    @Test
    void ongoingIncidentTakesLatestStatusOverTheLaggingStatus() throws Exception {
        ObservedIncident i = read("cachet-v1-incidents.json", INCIDENTS, SourceSettings.of(URI.create(BASE)))
                .get(0);
        assertThat(i.vendorKey()).isEqualTo("58");
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.vendorStatus()).isEqualTo("Identified");
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.maintenance()).isFalse();
        assertThat(i.url()).isEqualTo(BASE + "/incidents/58");
        assertThat(i.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED);
        assertThat(i.updates().get(0).text().plain()).startsWith("We are investigating delays");
    }

    @Test
    void zoneLessDatesAreUtcWithoutATimeZone() throws Exception {
        ObservedIncident i = read("cachet-v1-incidents.json", INCIDENTS, SourceSettings.of(URI.create(BASE)))
                .get(0);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T10:21:00Z"));
    }

    @Test
    void zoneLessDatesAreReadInTheSourcesTimeZone() throws Exception {
        ObservedIncident i = read("cachet-v1-incidents.json", INCIDENTS, BERLIN).get(0);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T08:21:00Z"));
        assertThat(i.updates().get(1).at()).isEqualTo(Instant.parse("2023-03-30T09:05:42Z"));
    }

    @Test
    void resolvedIncidentEndsWithItsFixedUpdate() throws Exception {
        ObservedIncident i = read("cachet-v1-incidents.json", INCIDENTS, BERLIN).get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T13:12:09Z"));
    }

    @Test
    void issue8n6TheIncidentsOwnMessageIsItsFirstUpdateWithTheStatusItHadThen() throws Exception {
        // Incident 57 is Fixed now (status 4); its message "Some users receive an error page…" was posted
        // while it was being investigated, 35 minutes before the fix was deployed.
        ObservedIncident i = read("cachet-v1-incidents.json", INCIDENTS, BERLIN).get(1);
        assertThat(i.updates())
                .extracting(ObservedUpdate::vendorKey, ObservedUpdate::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("incident-57", IncidentStatus.INVESTIGATING),
                        org.assertj.core.groups.Tuple.tuple("129", IncidentStatus.MONITORING),
                        org.assertj.core.groups.Tuple.tuple("130", IncidentStatus.RESOLVED));
        assertThat(i.updates().get(0).vendorStatus()).isNull(); // "Fixed" is the incident's word now, not the message's
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T13:12:09Z"));

        // An incident with no later updates: its message is all there is, with the incident's own status.
        String created = "{\"data\":[{\"id\":9,\"name\":\"Backfilled outage\",\"status\":4,\"is_resolved\":true,"
                + "\"message\":\"Payments failed between 10:00 and 10:40.\",\"occurred_at\":\"2023-03-01 10:00:00\","
                + "\"created_at\":\"2023-03-01 11:00:00\",\"human_status\":\"Fixed\",\"updates\":[]}]}";
        ObservedIncident only = adapter.read(new dev.incidex.source.FetchedDocument(
                        URI.create(BASE + "/api/v1/incidents"),
                        "application/json",
                        created.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        Instant.parse("2023-03-02T00:00:00Z"),
                        SourceSettings.of(URI.create(BASE))))
                .get(0);
        assertThat(only.updates())
                .singleElement()
                .satisfies(u -> assertThat(u.status()).isEqualTo(IncidentStatus.RESOLVED));
    }

    @Test
    void updatesInAnyOrderAreSortedByTime() throws Exception {
        ObservedIncident i = read(
                        "cachet/ledgerly-updates-unordered.json", INCIDENTS, SourceSettings.of(URI.create(BASE)))
                .get(0);
        assertThat(i.updates())
                .extracting(ObservedUpdate::vendorKey)
                .containsExactly("incident-60", "140", "141", "142");
        assertThat(i.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(
                        IncidentStatus.INVESTIGATING,
                        IncidentStatus.IDENTIFIED,
                        IncidentStatus.MONITORING,
                        IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-30T10:30:00Z"));
    }

    @Test
    void statusZeroIncidentWithScheduledAtIsAMaintenanceFromCachet23() throws Exception {
        ObservedIncident m = read(
                        "cachet/ledgerly-v23-maintenance-incident.json", INCIDENTS, SourceSettings.of(URI.create(BASE)))
                .get(0);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.impact()).isEqualTo(Impact.MAINTENANCE);
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(m.scheduledFor()).isEqualTo(Instant.parse("2023-04-04T03:00:00Z"));
        assertThat(m.startedAt()).isEqualTo(m.scheduledFor());
    }

    @Test
    void upcomingScheduleIsAScheduledMaintenanceWithAPrefixedKey() throws Exception {
        ObservedIncident m = read("cachet-v1-schedules.json", SCHEDULES, BERLIN).get(0);
        assertThat(m.vendorKey()).isEqualTo("schedule-12");
        assertThat(m.maintenance()).isTrue();
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(m.scheduledFor()).isEqualTo(Instant.parse("2023-04-04T00:00:00Z"));
        assertThat(m.resolvedAt()).isNull();
    }

    @Test
    void scheduleCodesOneAndTwoAreInProgressAndCompleted() throws Exception {
        List<ObservedIncident> all = read(
                "cachet/ledgerly-schedules-in-progress-and-complete.json",
                SCHEDULES,
                SourceSettings.of(URI.create(BASE)));
        assertThat(all.get(0).status()).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(all.get(0).resolvedAt()).isNull();
        assertThat(all.get(0).scheduledUntil()).isEqualTo(Instant.parse("2023-03-30T13:30:00Z"));
        assertThat(all.get(1).status()).isEqualTo(IncidentStatus.COMPLETED);
        assertThat(all.get(1).resolvedAt()).isEqualTo(Instant.parse("2023-03-27T22:20:00Z"));
    }

    @Test
    void statusCodesMap() {
        assertThat(List.of(0, 1, 2, 3, 4).stream().map(CachetAdapter::incidentStatus))
                .containsExactly(
                        IncidentStatus.SCHEDULED,
                        IncidentStatus.INVESTIGATING,
                        IncidentStatus.IDENTIFIED,
                        IncidentStatus.MONITORING,
                        IncidentStatus.RESOLVED);
    }

    @Test
    void anUnreadableDateFailsTheDocumentRatherThanGuessing() {
        String body = "{\"data\":[{\"id\":1,\"name\":\"x\",\"status\":1,\"created_at\":\"yesterday-ish\"}]}";
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text(body, INCIDENTS, "application/json")));
    }

    @Test
    void withoutTheDataWrapperItIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"message\":\"nope\"}", INCIDENTS, "application/json")));
    }
}
