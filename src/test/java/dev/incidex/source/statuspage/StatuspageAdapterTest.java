package dev.incidex.source.statuspage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class StatuspageAdapterTest {

    private static final String INCIDENTS_URL = "https://status.inky.com/api/v2/incidents.json";
    private static final String MAINTENANCES_URL = "https://status.inky.com/api/v2/scheduled-maintenances.json";

    private final StatuspageAdapter adapter = new StatuspageAdapter();

    @Test
    void documentsAreTheTwoApiEndpointsWithOrWithoutTrailingSlash() {
        List<URI> expected = List.of(URI.create(INCIDENTS_URL), URI.create(MAINTENANCES_URL));
        assertEquals(expected, adapter.documents(URI.create("https://status.inky.com")));
        assertEquals(expected, adapter.documents(URI.create("https://status.inky.com/")));
        assertEquals("statuspage", adapter.kind());
    }

    @Test
    void inkyIncidentReadsWithExactTimesAndUpdatesInTimeOrder() throws Exception {
        List<ObservedIncident> all =
                adapter.read(Fixtures.file("statuspage-inky-incidents.json", INCIDENTS_URL, "application/json"));

        assertEquals(1, all.size());
        ObservedIncident i = all.get(0);
        assertEquals("q7wz3k1r9h2m", i.vendorKey());
        assertEquals("Informational Update for Users of Office 365", i.title());
        assertEquals(Impact.NONE, i.impact());
        assertEquals(IncidentStatus.RESOLVED, i.status());
        assertEquals("resolved", i.vendorStatus());
        assertFalse(i.maintenance());
        assertEquals(Instant.parse("2023-03-29T14:04:37.405Z"), i.startedAt());
        assertEquals(Instant.parse("2023-03-30T12:12:05.614Z"), i.resolvedAt());
        assertTrue(i.exactTimes());
        assertEquals("https://status.inky.com/incidents/q7wz3k1r9h2m", i.url());
        assertEquals(List.of(), i.components());

        assertEquals(3, i.updates().size());
        assertEquals(
                List.of(IncidentStatus.MONITORING, IncidentStatus.MONITORING, IncidentStatus.RESOLVED),
                i.updates().stream().map(ObservedUpdate::status).toList());
        assertEquals(
                List.of("r8fj2d5w0c7l", "b3tp9v6k1n4s", "hx0c7m2w5g9t"),
                i.updates().stream().map(ObservedUpdate::vendorKey).toList());
        assertEquals(
                Instant.parse("2023-03-29T19:06:52.187Z"), i.updates().get(1).at());
        assertTrue(i.updates().stream().allMatch(ObservedUpdate::exactTime));
        assertTrue(
                i.updates().get(1).text().plain().startsWith("Microsoft reports that the issue tracked as DZ534539"));
    }

    @Test
    void maintenanceStartsAtItsWindowNotItsCreation() throws Exception {
        ObservedIncident m = adapter.read(Fixtures.file(
                        "statuspage-inky-scheduled-maintenances.json", MAINTENANCES_URL, "application/json"))
                .get(0);

        assertTrue(m.maintenance());
        assertEquals(Impact.MAINTENANCE, m.impact());
        assertEquals(IncidentStatus.SCHEDULED, m.status());
        // Announced, not begun: no start yet (as Slack and Better Stack read); the window is kept as scheduled.
        assertNull(m.startedAt());
        assertEquals(Instant.parse("2023-04-04T02:00:00Z"), m.scheduledFor());
        assertEquals(Instant.parse("2023-04-04T04:00:00Z"), m.scheduledUntil());
        assertNull(m.resolvedAt());
        assertEquals(List.of("Reporting Dashboard"), m.components());
    }

    @Test
    void incidentIoNullIncidentsIsAnEmptyList() throws Exception {
        String body =
                "{\"page\":{\"id\":\"01H\",\"name\":\"Nimbus\",\"url\":\"https://status.nimbus.example\"},\"incidents\":null}";
        assertEquals(
                List.of(),
                adapter.read(Fixtures.text(
                        body, "https://status.nimbus.example/api/v2/incidents.json", "application/json")));
    }

    @Test
    void incidentIoMissingComponentsAndNullShortlinkAreFine() throws Exception {
        String body = """
                {"page":{"id":"01H","name":"Nimbus","url":"https://status.nimbus.example"},
                 "incidents":[{"id":"01GWRZFM18AK0J2TARSPZMA9SR","name":"Errors","status":"identified","impact":"minor",
                   "shortlink":null,"created_at":"2023-03-30T10:01:00.000Z","started_at":"2023-03-30T10:00:00.000Z",
                   "resolved_at":null,"incident_updates":[{"id":"01GWS","status":"identified","body":"Rolling back.",
                   "created_at":"2023-03-30T10:01:00.000Z","display_at":"2023-03-30T10:01:00.000Z",
                   "affected_components":[{"code":"a","name":"Public API"}]}]}]}
                """;
        ObservedIncident i = adapter.read(
                        Fixtures.text(body, "https://status.nimbus.example/api/v2/incidents.json", "application/json"))
                .get(0);
        assertEquals(IncidentStatus.IDENTIFIED, i.status());
        assertEquals(List.of("Public API"), i.components());
        assertNull(i.resolvedAt());
    }

    @Test
    void unclaimedPageHtmlWith200IsUnreadable() {
        String html =
                "<!DOCTYPE html><html><head><title>Statuspage | Atlassian</title></head><body>Hosted status pages</body></html>";
        UnreadableDocumentException e = assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text(
                        html, "https://acme.statuspage.io/api/v2/incidents.json", "text/html; charset=utf-8")));
        assertEquals("expected Statuspage JSON with an \"incidents\" array, got text/html", e.getMessage());
    }

    @Test
    void htmlBodyDeclaredAsJsonIsStillUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("\n<html><body>hi</body></html>", INCIDENTS_URL, "application/json")));
    }

    @Test
    void jsonWithoutIncidentsKeyIsUnreadable() {
        UnreadableDocumentException e = assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"message\":\"Forbidden\"}", INCIDENTS_URL, "application/json")));
        assertTrue(e.getMessage().contains("[message]"), e.getMessage());
    }

    @Test
    void pageOffsetMinusSixIsParsedToTheRightInstant() throws Exception {
        String body = """
                {"page":{"id":"p","name":"Chicago","url":"https://status.chi.example","time_zone":"America/Chicago"},
                 "incidents":[{"id":"abc123def456","name":"Slow","status":"resolved","impact":"minor",
                   "created_at":"2023-03-29T08:04:37.412-06:00","started_at":"2023-03-29T08:04:37.405-06:00",
                   "resolved_at":"2023-03-29T23:59:59.000-06:00","incident_updates":[
                   {"id":"u2","status":"resolved","body":"Done","created_at":"2023-03-29T23:59:59.000-06:00","display_at":"2023-03-29T23:59:59.000-06:00"},
                   {"id":"u1","status":"investigating","body":"Looking","created_at":"2023-03-29T08:04:37.480-06:00","display_at":"2023-03-29T08:04:37.480-06:00"}],
                   "components":[]}]}
                """;
        ObservedIncident i = adapter.read(
                        Fixtures.text(body, "https://status.chi.example/api/v2/incidents.json", "application/json"))
                .get(0);
        assertEquals(Instant.parse("2023-03-29T14:04:37.405Z"), i.startedAt());
        // As a string "23:59…-06:00" sorts before "2023-03-30…Z" times; as an instant it is 05:59Z the next day.
        assertEquals(Instant.parse("2023-03-30T05:59:59Z"), i.resolvedAt());
        assertEquals("u1", i.updates().get(0).vendorKey());
    }

    @Test
    void displayAtWinsOverCreatedAtForBackdatedUpdates() throws Exception {
        String body = """
                {"incidents":[{"id":"x","name":"n","status":"investigating","impact":"minor","created_at":"2023-03-29T10:00:00Z",
                  "incident_updates":[{"id":"u","status":"investigating","body":"b","created_at":"2023-03-29T10:00:00Z","display_at":"2023-03-29T09:30:00Z"}]}]}
                """;
        ObservedIncident i = adapter.read(Fixtures.text(body, INCIDENTS_URL, "application/json"))
                .get(0);
        assertEquals(Instant.parse("2023-03-29T09:30:00Z"), i.updates().get(0).at());
        // Back-dated: the vendor shows the first update half an hour before the incident's created_at.
        assertEquals(Instant.parse("2023-03-29T09:30:00Z"), i.startedAt(), "the earliest of created_at and display_at");
        assertEquals("https://status.inky.com/incidents/x", i.url(), "no page: built from the document URL");
    }

    @Test
    void groupComponentsAreSkippedAndAffectedComponentsAddedOnce() throws Exception {
        String body = """
                {"incidents":[{"id":"x","name":"n","status":"identified","impact":"major","created_at":"2023-03-29T10:00:00Z",
                  "components":[{"name":"APIs","group":true},{"name":"REST API","group":false},{"name":"Webhooks"}],
                  "incident_updates":[{"id":"u","status":"identified","body":"b","created_at":"2023-03-29T10:00:00Z",
                    "affected_components":[{"name":"Webhooks"},{"name":"Git Operations"}]}]}]}
                """;
        ObservedIncident i = adapter.read(Fixtures.text(body, INCIDENTS_URL, "application/json"))
                .get(0);
        assertEquals(List.of("REST API", "Webhooks", "Git Operations"), i.components());
    }

    @Test
    void completedMaintenanceWithoutResolvedAtTakesTheCompletedUpdateTime() throws Exception {
        String body = """
                {"scheduled_maintenances":[{"id":"m","name":"DB","status":"completed","impact":"maintenance",
                  "created_at":"2023-03-27T16:41:09Z","started_at":"2023-03-27T16:41:09Z","resolved_at":null,
                  "scheduled_for":"2023-04-04T02:00:00.000Z","scheduled_until":"2023-04-04T04:00:00.000Z",
                  "incident_updates":[
                    {"id":"c","status":"completed","body":"Done","created_at":"2023-04-04T03:10:00Z","updated_at":"2023-04-04T03:10:00Z","display_at":"2023-04-04T03:10:00Z"},
                    {"id":"p","status":"in_progress","body":"Started","created_at":"2023-04-04T02:00:00Z","display_at":"2023-04-04T02:00:00Z"}]}]}
                """;
        ObservedIncident m = adapter.read(Fixtures.text(body, MAINTENANCES_URL, "application/json"))
                .get(0);
        assertEquals(IncidentStatus.COMPLETED, m.status());
        assertEquals(IncidentStatus.IN_PROGRESS, m.updates().get(0).status());
        assertEquals(Instant.parse("2023-04-04T03:10:00Z"), m.resolvedAt());
    }
}
