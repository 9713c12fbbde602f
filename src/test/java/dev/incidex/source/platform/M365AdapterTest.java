package dev.incidex.source.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.Fixtures;
import dev.incidex.source.SourceSettings;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Microsoft Graph service health issues as incidents. */
class M365AdapterTest {

    private final M365Adapter adapter = new M365Adapter();

    @Test
    void issueDZ534539IsAResolvedMajorIncidentWithItsThreePosts() throws Exception {
        List<ObservedIncident> incidents = adapter.read(Fixtures.file(
                "graph-serviceannouncement-issue-DZ534539.json",
                "https://graph.microsoft.com/v1.0/admin/serviceAnnouncement/issues",
                "application/json"));
        assertThat(incidents).hasSize(1);
        ObservedIncident dz = incidents.get(0);
        assertThat(dz.vendorKey()).isEqualTo("DZ534539");
        assertThat(dz.impact()).isEqualTo(Impact.MAJOR);
        assertThat(dz.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(dz.vendorStatus()).isEqualTo("serviceRestored");
        assertThat(dz.startedAt()).isEqualTo(Instant.parse("2023-03-29T12:40:00Z"));
        assertThat(dz.resolvedAt()).isEqualTo(Instant.parse("2023-03-29T18:30:00Z"));
        assertThat(dz.components()).containsExactly("Microsoft Defender XDR", "Email protection");
        assertThat(dz.updates()).hasSize(3);
        assertThat(dz.updates().get(0).status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(dz.updates().get(2).status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(dz.updates().get(0).text().html()).contains("<br>").doesNotContain("<script");
    }

    @Test
    void statusWordsCompareCaseInsensitivelyAndAListAnswerIsRead() throws Exception {
        String body = """
                {"value":[{"id":"EX226792","title":"Mail delays","classification":"Advisory","status":"ServiceDegradation",
                "isResolved":false,"startDateTime":"2023-04-01T10:00:00Z","lastModifiedDateTime":"2023-04-01T11:00:00Z","posts":[]}]}""";
        ObservedIncident ex = adapter.read(Fixtures.text(
                        body, "https://graph.example/v1.0/admin/serviceAnnouncement/issues", "application/json"))
                .get(0);
        assertThat(ex.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(ex.impact()).isEqualTo(Impact.MINOR);
        assertThat(ex.resolvedAt()).isNull();
        FetchedDocument d = new FetchedDocument(
                URI.create("https://graph.example/x"),
                "application/json",
                body.getBytes(),
                Fixtures.POLLED,
                new SourceSettings(URI.create("https://admin.microsoft.com"), null, null, null, "microsoft-365"));
        assertThat(adapter.cursorAfter(d, null)).isEqualTo("2023-04-01T11:00:00Z");
    }
}
