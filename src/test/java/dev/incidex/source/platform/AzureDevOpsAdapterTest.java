package dev.incidex.source.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidex.model.ComponentStatus;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedComponent;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.Fixtures;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.SourceSettings;
import dev.incidex.source.UnreadableDocumentException;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Azure DevOps' status JSON: the services in each geography are its components, and a spell of ill health,
 * seen over consecutive polls through the source's cursor, is one incident.
 */
class AzureDevOpsAdapterTest {

    private static final String BASE = "https://status.dev.azure.com";
    private static final String DOC = BASE + "/_apis/status/health?api-version=7.1-preview.1";
    private final AzureDevOpsAdapter adapter = new AzureDevOpsAdapter();

    private FetchedDocument doc(String fixture, String cursor, Instant at) {
        SourceSettings settings = new SourceSettings(URI.create(BASE), null, null, cursor, "azure-devops");
        return Fixtures.file("azure-devops/" + fixture, DOC, "application/json; charset=utf-8", settings, at);
    }

    @Test
    void theDocumentIsTheHealthApiUnderTheBaseUrl() {
        assertThat(adapter.kind()).isEqualTo("azure-devops");
        assertThat(adapter.documents(URI.create(BASE + "/"))).containsExactly(URI.create(DOC));
    }

    @Test
    void servicesInEachGeographyAreTheComponentsWithTheirHealth() throws Exception {
        SourceAdapter.Reading r = adapter.readAll(doc("health-degraded.json", null, Fixtures.POLLED));
        assertThat(r.components()).hasSize(7 * 8);
        assertThat(r.components())
                .filteredOn(c -> c.status() != ComponentStatus.OPERATIONAL)
                .extracting(ObservedComponent::name, ObservedComponent::group, ObservedComponent::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "Artifacts (Europe)", "Artifacts", ComponentStatus.DEGRADED),
                        org.assertj.core.groups.Tuple.tuple(
                                "Pipelines (Europe)", "Pipelines", ComponentStatus.DEGRADED),
                        org.assertj.core.groups.Tuple.tuple(
                                "Pipelines (United Kingdom)", "Pipelines", ComponentStatus.DEGRADED));
        ObservedComponent pipelinesEu = r.components().stream()
                .filter(c -> c.key().equals("Pipelines/EU"))
                .findFirst()
                .orElseThrow();
        assertThat(pipelinesEu.vendorStatus()).isEqualTo("degraded");
        assertThat(pipelinesEu.updatedAt()).isEqualTo(Instant.parse("2023-03-30T12:59:41.118Z"));
    }

    @Test
    void aSpellOfIllHealthOpensOneIncidentThatTheReturnToHealthResolves() throws Exception {
        Instant first = Fixtures.POLLED;
        FetchedDocument degraded = doc("health-degraded.json", null, first);
        ObservedIncident opened = adapter.read(degraded).get(0);
        assertThat(opened.title()).isEqualTo("Customers in Europe may experience delays with Azure Pipelines runs");
        assertThat(opened.impact()).isEqualTo(Impact.MINOR);
        assertThat(opened.status()).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(opened.startedAt()).isEqualTo(first);
        assertThat(opened.resolvedAt()).isNull();
        assertThat(opened.exactTimes()).as("observed, not the vendor's start").isFalse();
        assertThat(opened.url()).isEqualTo(BASE);
        assertThat(opened.components())
                .containsExactly("Artifacts (Europe)", "Pipelines (Europe)", "Pipelines (United Kingdom)");
        String cursor = adapter.cursorAfter(degraded, null);
        assertThat(cursor).isNotNull();

        // Worse, with new words, 20 minutes on: the same incident, its impact the worst seen, one more update.
        Instant second = first.plusSeconds(1200);
        FetchedDocument unhealthy = doc("health-unhealthy.json", cursor, second);
        ObservedIncident worse = adapter.read(unhealthy).get(0);
        assertThat(worse.vendorKey()).isEqualTo(opened.vendorKey());
        assertThat(worse.title()).as("the title stays the first message").isEqualTo(opened.title());
        assertThat(worse.impact()).isEqualTo(Impact.MAJOR);
        assertThat(worse.startedAt()).isEqualTo(first);
        assertThat(worse.updates())
                .extracting(u -> u.text().plain(), ObservedUpdate::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "Customers in Europe may experience failures with Azure Pipelines runs", second));
        cursor = adapter.cursorAfter(unhealthy, cursor);

        Instant third = second.plusSeconds(2700);
        FetchedDocument healthy = doc("health-healthy.json", cursor, third);
        ObservedIncident resolved = adapter.read(healthy).get(0);
        assertThat(resolved.vendorKey()).isEqualTo(opened.vendorKey());
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedAt()).isEqualTo(third);
        assertThat(resolved.impact()).isEqualTo(Impact.MAJOR);
        assertThat(resolved.updates()).last().satisfies(u -> {
            assertThat(u.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(u.text().plain()).isEqualTo("Everything is looking good");
        });
        assertThat(adapter.cursorAfter(healthy, cursor)).as("the spell is over").isEmpty();
    }

    @Test
    void healthyWithNoSpellIsNoIncident() throws Exception {
        assertThat(adapter.read(doc("health-healthy.json", null, Fixtures.POLLED)))
                .isEmpty();
        assertThat(adapter.cursorAfter(doc("health-healthy.json", null, Fixtures.POLLED), null))
                .isEmpty();
    }

    @Test
    void aCursorFromElsewhereStartsAfreshInsteadOfFailing() throws Exception {
        ObservedIncident i = adapter.read(doc("health-degraded.json", "12345", Fixtures.POLLED))
                .get(0);
        assertThat(i.startedAt()).isEqualTo(Fixtures.POLLED);
    }

    @Test
    void anHtmlPageOrOtherJsonIsUnreadable() {
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("<html>sign in</html>", DOC, "text/html")));
        assertThrows(
                UnreadableDocumentException.class,
                () -> adapter.read(Fixtures.text("{\"status\":\"ok\",\"services\":[]}", DOC, "application/json")));
    }
}
