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

/** Okta's status page: incidents embedded as JSON in the HTML. */
class OktaAdapterTest {

    private static final String PAGE = "https://status.okta.com";
    private final OktaAdapter adapter = new OktaAdapter();

    private List<ObservedIncident> read() throws Exception {
        return adapter.read(Fixtures.file("okta/status-page.html", PAGE, "text/html; charset=utf-8"));
    }

    @Test
    void documentIsThePageItself() {
        assertThat(adapter.kind()).isEqualTo("okta");
        assertThat(adapter.documents(URI.create(PAGE))).containsExactly(URI.create(PAGE));
    }

    @Test
    void escapedJsonInTheSpanIsReadWithColonLessOffsets() throws Exception {
        ObservedIncident i = read().get(0);
        assertThat(i.vendorKey()).isEqualTo("a9C4z000001BZakEAG");
        assertThat(i.title()).isEqualTo("Workflows issue");
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.impact()).isEqualTo(Impact.MAJOR);
        assertThat(i.startedAt()).isEqualTo(Instant.parse("2023-03-28T22:17:00Z"));
        assertThat(i.resolvedAt()).isEqualTo(Instant.parse("2023-03-28T23:14:00Z"));
        assertThat(i.updates().get(0).text().plain())
                .isEqualTo("Our Workflows team investigated the issue & deployed a fix.");
    }

    @Test
    void openIncidentWithoutAnEndAndItsLogSanitized() throws Exception {
        ObservedIncident i = read().get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(i.impact()).isEqualTo(Impact.MINOR);
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.updates().get(0).text().html()).doesNotContain("<script");
    }

    @Test
    void aPageWithoutTheEmbeddedListIsUnreadable() {
        UnreadableDocumentException e = assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("<html><body>Maintenance</body></html>", PAGE, "text/html")));
        assertThat(e.getMessage()).contains("StringJSON");
    }
}
