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

/** Slack status API v2.0.0: current and history. */
class SlackAdapterTest {

    private static final String BASE = "https://slack-status.com";
    private final SlackAdapter adapter = new SlackAdapter();

    private List<ObservedIncident> read(String fixture, String path) throws Exception {
        return adapter.read(Fixtures.file(fixture, BASE + path, "application/json"));
    }

    @Test
    void documentsAreCurrentAndHistory() {
        assertThat(adapter.kind()).isEqualTo("slack");
        assertThat(adapter.documents(URI.create(BASE)))
                .containsExactly(URI.create(BASE + "/api/v2.0.0/current"), URI.create(BASE + "/api/v2.0.0/history"));
    }

    @Test
    void ongoingIncidentFromCurrentWithAStringIdAndNotesSortedByTime() throws Exception {
        ObservedIncident i =
                read("slack-status-current.json", "/api/v2.0.0/current").get(0);
        assertThat(i.vendorKey()).isEqualTo("1431");
        assertThat(i.impact()).isEqualTo(Impact.MINOR);
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.vendorStatus()).isEqualTo("active");
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T09:47:11Z"));
        assertThat(i.components()).containsExactly("Messaging");
        assertThat(i.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(Instant.parse("2023-03-30T09:47:11Z"), Instant.parse("2023-03-30T11:15:02Z"));
    }

    @Test
    void numericIdInHistoryGivesTheSameKeyAsTheStringInCurrent() throws Exception {
        assertThat(read("slack-status-history.json", "/api/v2.0.0/history")
                        .get(1)
                        .vendorKey())
                .isEqualTo("1431");
    }

    @Test
    void resolvedOutageIsMajorAndEndsWithItsLastNote() throws Exception {
        ObservedIncident i =
                read("slack-status-history.json", "/api/v2.0.0/history").get(2);
        assertThat(i.impact()).isEqualTo(Impact.MAJOR);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T16:31:05Z"));
        assertThat(i.components()).containsExactly("Login/SSO", "Connectivity", "Messaging");
    }

    @Test
    void scheduledNoticeIsAMaintenanceWithoutAStartBeforeItsWindow() throws Exception {
        ObservedIncident m =
                read("slack-status-history.json", "/api/v2.0.0/history").get(0);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.impact()).isEqualTo(Impact.MAINTENANCE);
        assertThat(m.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(m.startedAt()).isNull();
    }

    @Test
    void cancelledMaintenanceIsClosedAndPstOffsetsRead() throws Exception {
        List<ObservedIncident> all =
                read("slack/slack-cancelled-maintenance-and-string-id.json", "/api/v2.0.0/history");
        assertThat(all.get(0).status()).isEqualTo(IncidentStatus.COMPLETED);
        assertThat(all.get(0).vendorStatus()).isEqualTo("cancelled");
        assertThat(all.get(0).maintenance()).isTrue();
        assertThat(all.get(1).vendorKey()).isEqualTo("1401");
        assertThat(all.get(1).startedAt()).isEqualTo(Instant.parse("2023-02-01T16:00:00Z"));
        assertThat(all.get(1).resolvedAt()).isEqualTo(Instant.parse("2023-02-01T17:30:00Z"));
    }

    @Test
    void allClearCurrentHasNoIncidents() throws Exception {
        assertThat(read("slack/slack-current-all-clear.json", "/api/v2.0.0/current"))
                .isEmpty();
    }

    @Test
    void typeMapsToImpact() {
        assertThat(SlackAdapter.impact("outage")).isEqualTo(Impact.MAJOR);
        assertThat(SlackAdapter.impact("incident")).isEqualTo(Impact.MINOR);
        assertThat(SlackAdapter.impact("notice")).isEqualTo(Impact.NONE);
    }

    @Test
    void htmlIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("<!doctype html><p>hi", BASE + "/api/v2.0.0/current", "text/html")));
    }
}
