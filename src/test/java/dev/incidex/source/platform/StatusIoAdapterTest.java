package dev.incidex.source.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.Fixtures;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.feed.RssAdapter;
import dev.incidex.source.support.StatusIoFeedBody;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** status.io: the public status API document and the oldest-first feed bodies. */
class StatusIoAdapterTest {

    private static final String API = "https://api.status.io/1.0/status/5a1b2c3d4e5f60718293a4a0";
    private static final String RSS = "https://status.brightwave.example/pages/5a1b2c3d4e5f60718293a4a0/rss";
    private final StatusIoAdapter adapter = new StatusIoAdapter();

    private List<ObservedIncident> api() throws Exception {
        return adapter.read(Fixtures.file("statusio/brightwave-status.json", API, "application/json"));
    }

    @Test
    void ongoingIncidentFromTheApiWithStateCodesAndImpactFromStatusCodes() throws Exception {
        ObservedIncident i = api().get(0);
        assertThat(adapter.kind()).isEqualTo("statusio");
        assertThat(i.vendorKey()).isEqualTo("6424f1a0c3b2a1009e8d7c6b");
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.impact()).isEqualTo(Impact.MAJOR);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T11:48:00Z"));
        assertThat(i.components()).containsExactly("Streaming");
        assertThat(i.updates()).hasSize(2);
    }

    @Test
    void activeAndUpcomingMaintenanceCarryTheirPlannedWindow() throws Exception {
        List<ObservedIncident> all = api();
        ObservedIncident active = all.get(1);
        assertThat(active.maintenance()).isTrue();
        assertThat(active.status()).isEqualTo(IncidentStatus.IN_PROGRESS);
        assertThat(active.startedAt()).isEqualTo(Instant.parse("2023-03-30T12:00:00Z"));
        assertThat(active.scheduledUntil()).isEqualTo(Instant.parse("2023-03-30T14:00:00Z"));
        ObservedIncident upcoming = all.get(2);
        assertThat(upcoming.status()).isEqualTo(IncidentStatus.SCHEDULED);
        assertThat(upcoming.scheduledFor()).isEqualTo(Instant.parse("2023-04-04T02:00:00Z"));
    }

    @Test
    void feedBodyIsOldestFirstWithPdtStampsAndMeetsTheApiOnTheIncidentId() throws Exception {
        ObservedIncident i = adapter.read(Fixtures.file("statusio/brightwave-history.rss", RSS, "application/rss+xml"))
                .get(0);
        assertThat(i.vendorKey()).isEqualTo("6424f1a0c3b2a1009e8d7c6b");
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-30T11:48:00Z"));
        assertThat(i.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(Instant.parse("2023-03-30T11:48:00Z"), Instant.parse("2023-03-30T12:31:00Z"));
        assertThat(i.updates().get(1).text().plain())
                .isEqualTo("A faulty CDN node was identified and removed from rotation.");
    }

    @Test
    void resolvedIncidentFromTheFeedEndsAtItsLastUpdate() throws Exception {
        ObservedIncident i = adapter.read(Fixtures.file("statusio/brightwave-history.rss", RSS, "application/rss+xml"))
                .get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T18:10:00Z"));
        assertThat(i.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.MONITORING, IncidentStatus.RESOLVED);
    }

    @Test
    void theRssKindReadsStatusIoBodiesToo() throws Exception {
        ObservedIncident i = new RssAdapter()
                .read(Fixtures.file("statusio/brightwave-history.rss", RSS, "application/rss+xml"))
                .get(1);
        assertThat(i.updates()).hasSize(3);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void feedBodyParserRejectsOtherShapes() {
        assertThat(StatusIoFeedBody.parse("<p>We <small>fixed</small> it</p>")).isNull();
        assertThat(StatusIoFeedBody.parse("<small>Mar 30, 12:12 UTC</small><br><strong>Resolved</strong> - x"))
                .as("Statuspage's year-less stamp")
                .isNull();
        assertThat(StatusIoFeedBody.parse("plain text")).isNull();
    }

    @Test
    void statusCodesMapToImpact() {
        assertThat(StatusIoAdapter.impact(100)).isEqualTo(Impact.NONE);
        assertThat(StatusIoAdapter.impact(300)).isEqualTo(Impact.MINOR);
        assertThat(StatusIoAdapter.impact(400)).isEqualTo(Impact.MAJOR);
        assertThat(StatusIoAdapter.impact(500)).isEqualTo(Impact.CRITICAL);
    }

    @Test
    void documentWithoutResultIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"status\":\"ok\"}", API, "application/json")));
    }
}
