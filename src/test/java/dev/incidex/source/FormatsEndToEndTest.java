package dev.incidex.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.Incident;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.poll.PollReport;
import dev.incidex.testing.Fixtures;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServer;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each common format's fixtures, served locally, arrive as incidents through the real poller, HTTP and merge. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class FormatsEndToEndTest {

    private static final String JSON = "application/json";
    private static final String RSS = "application/rss+xml";

    @Inject
    TestPolls polls;

    @BeforeAll
    static void serve() {
        VendorServer s = VendorServerResource.server();
        s.serveFixture("/fmt-incidentio/api/v2/incidents.json", "incidentio/nimbus-compat-incidents.json", JSON)
                .serveFixture("/fmt-incidentio/api/v1/summary", "incidentio-widget-summary.json", JSON)
                .serveFixture("/fmt-instatus/summary.json", "instatus-summary.json", JSON)
                .serveFixture("/fmt-cachet/api/v1/incidents", "cachet-v1-incidents.json", JSON)
                .serveFixture("/fmt-cachet/api/v1/schedules", "cachet-v1-schedules.json", JSON)
                .serveFixture(
                        "/fmt-statusio/1.0/status/5a1b2c3d4e5f60718293a4a0", "statusio/brightwave-status.json", JSON)
                .serveFixture("/fmt-betterstack/feed.rss", "betterstack-feed.rss", RSS)
                .serveFixture("/fmt-sorry/v1/pages/9f3b2a1c/notices", "sorry/parcelbay-notices.json", JSON)
                .serveFixture("/fmt-gcp/incidents.json", "gcp-incidents.json", JSON)
                .serveFixture(
                        "/fmt-aws/public/currentevents",
                        "aws-health-currentevents.utf16be.json",
                        "application/json;charset=utf-16")
                .serveFixture("/fmt-azure/status/feed/", "azure/azure-dateless-item.rss", RSS)
                .serveFixture("/fmt-slack/api/v2.0.0/current", "slack-status-current.json", JSON)
                .serveFixture("/fmt-slack/api/v2.0.0/history", "slack-status-history.json", JSON)
                .serveFixture("/fmt-salesforce/v1/incidents/active", "salesforce/trust-incidents.json", JSON)
                .serveFixture("/fmt-salesforce/v1/incidents", "salesforce/trust-incidents.json", JSON)
                .serveFixture("/fmt-heroku/api/v4/incidents", "heroku/v4-incidents.json", JSON)
                .serveFixture("/fmt-okta/", "okta/status-page.html", "text/html; charset=utf-8")
                .serveFixture("/fmt-zendesk/api/ssp/incidents.json", "zendesk/ssp-incidents.json", JSON)
                .serveFixture("/fmt-adobe/adobestatus/StatusEvents", "adobe/status-events.json", JSON)
                .serveFixture("/fmt-statuspal/api/v2/status_pages/cloudlake/summary", "statuspal/summary.json", JSON)
                .serveFixture("/fmt-algolia/1/incidents", "algolia/incidents.json", JSON)
                .serveFixture("/fmt-uptime/statuspage/ledgerly/ajax", "uptime/ajax.json", JSON)
                .serveFixture("/fmt-uptime/statuspage/ledgerly/history", "uptime/history.json", JSON)
                .serveFixture("/fmt-hund/state_feed/feed", "hund/state-feed.atom", "application/atom+xml")
                .serveFixture("/fmt-stripe/current/atom.xml", "stripe/current-atom.xml", "application/atom+xml")
                .serveFixture("/fmt-azure-devops/_apis/status/health", "azure-devops/health-degraded.json", JSON);
    }

    private List<Incident> pollAndList(String slug, int documents) {
        PollReport report = polls.pollVendor(slug);
        assertThat(report.failed()).as(slug + " failed").isZero();
        assertThat(report.documentsParsed()).isEqualTo(documents);
        return incidents(slug);
    }

    private static List<Incident> incidents(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Incident> list = Incident.list("vendor.slug = ?1 order by vendorKey", slug);
            list.forEach(i -> {
                i.updates.size();
                i.components.size();
            });
            return list;
        });
    }

    private static Incident byKey(List<Incident> list, String key) {
        return list.stream()
                .filter(i -> key.equals(i.vendorKey))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no incident " + key));
    }

    @Test
    void incidentIoWidgetAndCompatibleJsonMeetOnTheUlid() {
        List<Incident> all = pollAndList("fmt-incidentio", 2);
        assertThat(all)
                .extracting(i -> i.vendorKey)
                .containsExactlyInAnyOrder(
                        "01GWRZFM18AK0J2TARSPZMA9SR", "01GWMB7T4R2Q8P6N4M2K0J8H6G", "01GWKQVEQ0XBPXCGV6HQZ3S4E7");
        Incident ongoing = byKey(all, "01GWRZFM18AK0J2TARSPZMA9SR");
        assertThat(ongoing.impact).isEqualTo(Impact.MAJOR);
        assertThat(ongoing.startedAt).isEqualTo(Instant.parse("2023-03-30T10:58:02.117Z"));
        assertThat(ongoing.updates)
                .as("the widget's latest update is the JSON's")
                .hasSize(2);
        assertThat(ongoing.components).containsExactly("Public API", "Webhooks");
        assertThat(byKey(all, "01GWKQVEQ0XBPXCGV6HQZ3S4E7").maintenance).isTrue();
    }

    @Test
    void instatusSummaryArrives() {
        List<Incident> all = pollAndList("fmt-instatus", 1);
        assertThat(byKey(all, "clfvb2k9e004108mj3xq1a7tz").status).isEqualTo(IncidentStatus.MONITORING);
        assertThat(byKey(all, "clfsx8w1c000308l7g2de5nbk").scheduledUntil)
                .isEqualTo(Instant.parse("2023-04-04T02:30:00Z"));
    }

    @Test
    void cachetDatesAreReadInTheCatalogsTimeZone() {
        List<Incident> all = pollAndList("fmt-cachet", 2);
        Incident ongoing = byKey(all, "58");
        assertThat(ongoing.startedAt).isEqualTo(Instant.parse("2023-03-30T08:21:00Z"));
        assertThat(ongoing.status).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(byKey(all, "57").status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(byKey(all, "schedule-12").scheduledFor).isEqualTo(Instant.parse("2023-04-04T00:00:00Z"));
    }

    @Test
    void statusIoDocumentArrives() {
        List<Incident> all = pollAndList("fmt-statusio", 1);
        assertThat(all).hasSize(3);
        assertThat(byKey(all, "6424f1a0c3b2a1009e8d7c6b").status).isEqualTo(IncidentStatus.IDENTIFIED);
    }

    @Test
    void betterStackUpdatesBecomeOneIncidentEach() {
        List<Incident> all = pollAndList("fmt-betterstack", 1);
        assertThat(all).hasSize(3);
        assertThat(byKey(all, "301187").updates).hasSize(2);
        assertThat(byKey(all, "301187").status).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void sorryNoticesArrive() {
        List<Incident> all = pollAndList("fmt-sorry", 1);
        assertThat(byKey(all, "a81c2f07").status).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(byKey(all, "a90d4e55").maintenance).isTrue();
    }

    @Test
    void gcpIncidentsArrive() {
        List<Incident> all = pollAndList("fmt-gcp", 1);
        assertThat(byKey(all, "fK2sR8mWq4ZtN6cVb1Hx").resolvedAt).isEqualTo(Instant.parse("2023-03-28T18:42:00Z"));
        assertThat(byKey(all, "Uq7nYk3VbR2xWm9pLc4T").resolvedAt).isNull();
    }

    @Test
    void awsUtf16CurrentEventsArrive() {
        List<Incident> all = pollAndList("fmt-aws", 1);
        assertThat(all).hasSize(2);
        assertThat(all).extracting(i -> i.title).contains("Increased Invocation Latency");
    }

    @Test
    void slackCurrentAndHistoryMeetOnTheId() {
        List<Incident> all = pollAndList("fmt-slack", 2);
        assertThat(all).extracting(i -> i.vendorKey).containsExactlyInAnyOrder("1429", "1431", "1433");
        assertThat(byKey(all, "1431").updates).hasSize(2);
    }

    @Test
    void azureDatelessIncidentKeepsItsFirstSeenTimeWhenTheFeedChanges() {
        Incident first = byKey(pollAndList("fmt-azure", 1), "TRK4-EE1");
        assertThat(first.startedAt).isNull();
        String changed = Fixtures.text("azure/azure-dateless-item.rss").replace("</channel>", """
                <item><guid isPermaLink="false">TRK4-FF2</guid><title>Azure Files - Slow mounts</title>
                <description>Mounts are slow.</description><pubDate>Thu, 30 Mar 2023 12:00:00 Z</pubDate></item></channel>""");
        VendorServerResource.server()
                .serve("/fmt-azure/status/feed/", 200, RSS, changed.getBytes(StandardCharsets.UTF_8));

        List<Incident> after = pollAndList("fmt-azure", 1);

        assertThat(after).hasSize(2);
        Incident again = byKey(after, "TRK4-EE1");
        assertThat(again.id).isEqualTo(first.id);
        assertThat(again.startedAt).isNull();
        assertThat(again.sortAt).isEqualTo(first.sortAt).isEqualTo(first.detectedAt);
        assertThat(again.updates).isEmpty();
    }

    /**
     * Azure DevOps keeps no incidents: the poll that sees it degraded opens one, a worse poll continues it (the
     * cursor is stored between polls), and the first healthy poll resolves it.
     */
    @Test
    void azureDevOpsHealthSpellIsOneIncidentFromConsecutivePolls() {
        List<Incident> opened = pollAndList("fmt-azure-devops", 1);
        assertThat(opened).hasSize(1);
        Incident spell = opened.get(0);
        assertThat(spell.title).isEqualTo("Customers in Europe may experience delays with Azure Pipelines runs");
        assertThat(spell.impact).isEqualTo(Impact.MINOR);
        assertThat(spell.resolvedAt).isNull();
        assertThat(spell.components).contains("Pipelines (Europe)");

        VendorServer server = VendorServerResource.server();
        server.serveFixture("/fmt-azure-devops/_apis/status/health", "azure-devops/health-unhealthy.json", JSON);
        Incident worse = pollAndList("fmt-azure-devops", 1).get(0);
        assertThat(worse.id).isEqualTo(spell.id);
        assertThat(worse.impact).isEqualTo(Impact.MAJOR);
        assertThat(worse.updates).hasSize(2);

        server.serveFixture("/fmt-azure-devops/_apis/status/health", "azure-devops/health-healthy.json", JSON);
        List<Incident> after = pollAndList("fmt-azure-devops", 1);
        assertThat(after).hasSize(1);
        Incident resolved = after.get(0);
        assertThat(resolved.id).isEqualTo(spell.id);
        assertThat(resolved.status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(resolved.resolvedAt).isAfterOrEqualTo(resolved.startedAt);
        assertThat(resolved.updates).hasSize(3);
        assertThat(polls.sources("fmt-azure-devops").get(0).cursor)
                .as("the spell is over")
                .isEmpty();
    }

    @Test
    void salesforceActiveAndRecentIncidentsMeetOnTheId() {
        List<Incident> all = pollAndList("fmt-salesforce", 2);
        assertThat(all).extracting(i -> i.vendorKey).containsExactlyInAnyOrder("20004309", "20004999");
        assertThat(byKey(all, "20004309").resolvedAt).isEqualTo(Instant.parse("2023-03-28T11:05:00Z"));
    }

    @Test
    void herokuIncidentsArrive() {
        List<Incident> all = pollAndList("fmt-heroku", 1);
        assertThat(byKey(all, "2568").status).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(byKey(all, "2570").maintenance).isTrue();
    }

    @Test
    void oktaIncidentsArriveFromTheEmbeddedJson() {
        List<Incident> all = pollAndList("fmt-okta", 1);
        assertThat(byKey(all, "a9C4z000001BZakEAG").startedAt).isEqualTo(Instant.parse("2023-03-28T22:17:00Z"));
        assertThat(byKey(all, "a9C4z000001BZecEAG").resolvedAt).isNull();
    }

    @Test
    void zendeskIncidentsArrive() {
        List<Incident> all = pollAndList("fmt-zendesk", 1);
        assertThat(byKey(all, "11214").components).hasSize(2);
        assertThat(byKey(all, "11201").impact).isEqualTo(Impact.MAJOR);
    }

    @Test
    void adobeEventsArrive() {
        List<Incident> all = pollAndList("fmt-adobe", 1);
        assertThat(all).extracting(i -> i.vendorKey).containsExactlyInAnyOrder("512233", "511870", "77120");
        assertThat(byKey(all, "512233").updates).hasSize(2);
    }

    @Test
    void statuspalSummaryArrives() {
        List<Incident> all = pollAndList("fmt-statuspal", 1);
        assertThat(byKey(all, "88231").startedAt).isEqualTo(Instant.parse("2023-03-30T09:45:00Z"));
        assertThat(byKey(all, "88190").maintenance).isTrue();
    }

    @Test
    void algoliaClusterLogArrives() {
        List<Incident> all = pollAndList("fmt-algolia", 1);
        assertThat(all)
                .extracting(i -> i.title)
                .containsExactlyInAnyOrder("Search API latency on US West clusters", "Indexing delays in EU");
    }

    @Test
    void uptimeAjaxAndHistoryArrive() {
        List<Incident> all = pollAndList("fmt-uptime", 2);
        assertThat(all).extracting(i -> i.vendorKey).containsExactlyInAnyOrder("412033", "412040", "411870");
    }

    @Test
    void hundStateFeedArrives() {
        List<Incident> all = pollAndList("fmt-hund", 1);
        assertThat(byKey(all, "6424f1a0c3b2a1009e8d7c01").status).isEqualTo(IncidentStatus.INVESTIGATING);
        assertThat(byKey(all, "641f0a11c3b2a1009e8d7a10").maintenance).isTrue();
    }

    @Test
    void stripeAtomFeedArrives() {
        List<Incident> all = pollAndList("fmt-stripe", 1);
        assertThat(all).hasSize(2);
    }
}
