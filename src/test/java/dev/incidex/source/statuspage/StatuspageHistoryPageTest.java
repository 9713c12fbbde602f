package dev.incidex.source.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.Fixtures;
import dev.incidex.source.support.VendorDates;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML history pages of a Statuspage, from hand-written fixtures in the shape Statuspage renders. */
class StatuspageHistoryPageTest {

    static String html(String fixture) {
        return new String(Fixtures.file(fixture, "https://x.test", "text/html").body(), StandardCharsets.UTF_8);
    }

    @Test
    void aHistoryPageListsIncidentCodesAndOlderPages() {
        var listing = StatuspageHistoryPage.listing(
                html("statuspage-history-page1.html"), "https://status.quill.test/quill/history");
        assertThat(listing.incidentCodes()).containsExactly("abc123def456", "older1abcd23");
        assertThat(listing.morePages()).containsExactly("https://status.quill.test/quill/history?page=2");
    }

    @Test
    void anIncidentPageGivesTitleImpactAndTheTimelineOldestFirst() {
        ObservedIncident i = StatuspageHistoryPage.incident(
                html("statuspage-incident-older1abcd23.html"),
                "https://status.quill.test/incidents/older1abcd23",
                "older1abcd23",
                null);
        assertThat(i.vendorKey()).isEqualTo("older1abcd23");
        assertThat(i.title()).isEqualTo("Delayed email notifications");
        assertThat(i.impact()).isEqualTo(Impact.MINOR);
        assertThat(i.exactTimes()).isFalse();
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2024-03-11T14:04:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2024-03-11T16:15:00Z"));
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.updates())
                .extracting(ObservedUpdate::vendorStatus)
                .containsExactly("Investigating", "Identified", "Update", "Resolved");
        // "Update" keeps the status it follows
        assertThat(i.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(
                        IncidentStatus.INVESTIGATING,
                        IncidentStatus.IDENTIFIED,
                        IncidentStatus.IDENTIFIED,
                        IncidentStatus.RESOLVED);
        assertThat(i.updates().get(0).text().plain()).isEqualTo("Emails are delayed by up to 30 minutes.");
        assertThat(i.updates().get(2).text().html()).doesNotContain("script").contains("still working on the backlog");
    }

    @Test
    void maintenanceStampsInThePagesZone() {
        ObservedIncident m = StatuspageHistoryPage.incident(
                html("statuspage-incident-maint9xyz876.html"),
                "https://status.quill.test/incidents/maint9xyz876",
                "maint9xyz876",
                null);
        assertThat(m.maintenance()).isTrue();
        assertThat(m.impact()).isEqualTo(Impact.MAINTENANCE);
        assertThat(m.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.SCHEDULED, IncidentStatus.IN_PROGRESS, IncidentStatus.COMPLETED);
        // It starts when it went in progress (Dec 2, 01:00 CET), not when it was announced (Nov 28, 9:30 CET).
        assertThat(m.startedAt()).isEqualTo(Instant.parse("2023-12-02T00:00:00Z"));
        assertThat(m.resolvedAt()).isEqualTo(Instant.parse("2023-12-02T02:00:00Z"));
    }

    @Test
    void stampsWithoutAZoneUseThePagesZone() {
        assertThat(VendorDates.printed("Posted 2 days ago. Jul 4, 2024 - 1:24 PM", ZoneId.of("America/New_York"), null))
                .isEqualTo(Instant.parse("2024-07-04T17:24:00Z"));
        assertThat(VendorDates.printed("no date here", null, null)).isNull();
    }

    @Test
    void aPageWithoutUpdatesIsNotAnIncident() {
        assertThat(StatuspageHistoryPage.incident(
                        "<html><body><h1>Oops</h1></body></html>", "https://x.test/incidents/a", "abcdef", null))
                .isNull();
        assertThat(StatuspageHistoryPage.listing("<p>nothing</p>", "https://x.test/history")
                        .incidentCodes())
                .isEqualTo(List.of());
    }
}
