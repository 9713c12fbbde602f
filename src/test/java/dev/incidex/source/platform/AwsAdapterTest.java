package dev.incidex.source.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.Fixtures;
import dev.incidex.source.UnreadableDocumentException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS Health: current events JSON (UTF-16) and the legacy per-service RSS. AWS publishes no maintenance in either. */
class AwsAdapterTest {

    private static final String EVENTS = "https://health.aws.amazon.com/public/currentevents";
    private static final String RSS = "https://status.aws.amazon.com/rss/all.rss";
    private final AwsAdapter adapter = new AwsAdapter();

    private List<ObservedIncident> events() throws Exception {
        return adapter.read(
                Fixtures.file("aws-health-currentevents.utf16be.json", EVENTS, "application/json;charset=utf-16"));
    }

    private List<ObservedIncident> rss(String fixture) throws Exception {
        return adapter.read(Fixtures.file(fixture, RSS, "application/rss+xml"));
    }

    @Test
    void utf16CurrentEventsWithBomReadAndTheArnIsTheKey() throws Exception {
        List<ObservedIncident> all = events();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).vendorKey()).startsWith("arn:aws:health:eu-west-1::event/LAMBDA/");
        assertThat(adapter.kind()).isEqualTo("aws");
    }

    @Test
    void openEventHasEpochStringStartNumericLogAndRegionInComponents() throws Exception {
        ObservedIncident i = events().get(0);
        assertThat(i.title()).isEqualTo("Increased Invocation Latency");
        assertThat(i.startedAt()).isEqualTo(Instant.ofEpochSecond(1680174333));
        assertThat(i.impact()).isEqualTo(Impact.MINOR);
        assertThat(i.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(i.resolvedAt()).isNull();
        assertThat(i.components()).containsExactly("AWS Lambda (Ireland)");
        assertThat(i.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(Instant.ofEpochSecond(1680174333), Instant.ofEpochSecond(1680176882));
    }

    @Test
    void statusZeroEventIsResolvedAtItsLastLogEntryWithoutTheResolvedMarkInTheTitle() throws Exception {
        ObservedIncident i = events().get(1);
        assertThat(i.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(i.resolvedAt()).isEqualTo(Instant.ofEpochSecond(1680172887));
        assertThat(i.impact()).as("max \"1\": informational").isEqualTo(Impact.NONE);
        assertThat(i.title()).isEqualTo("Increased API Error Rates");
    }

    @Test
    void healthyUtf16EmptyArrayIsNoIncidents() throws Exception {
        assertThat(adapter.read(Fixtures.file(
                        "aws/currentevents-healthy.utf16be.json", EVENTS, "application/json;charset=utf-16")))
                .isEmpty();
    }

    @Test
    void rssItemsGroupIntoOneEventPerServiceWithPdtDates() throws Exception {
        List<ObservedIncident> all = rss("aws-status-all.rss");
        assertThat(all).hasSize(2);
        ObservedIncident lambda = all.get(0);
        assertThat(lambda.vendorKey()).isEqualTo("lambda-eu-west-1_1680174333");
        assertThat(lambda.updates()).hasSize(2);
        assertThat(lambda.startedAt()).isEqualTo(Instant.parse("2023-03-30T11:05:33Z"));
        assertThat(lambda.status()).isEqualTo(IncidentStatus.IDENTIFIED);
        assertThat(lambda.impact()).isEqualTo(Impact.MINOR);
        assertThat(lambda.resolvedAt()).isNull();
        assertThat(lambda.components()).containsExactly("lambda-eu-west-1");
    }

    @Test
    void operatingNormallyResolvedHeadlineClosesTheEvent() throws Exception {
        ObservedIncident ec2 = rss("aws-status-all.rss").get(1);
        assertThat(ec2.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(ec2.title()).isEqualTo("Increased API Error Rates");
        assertThat(ec2.resolvedAt()).isEqualTo(Instant.parse("2023-03-30T10:41:27Z"));
        assertThat(ec2.updates())
                .extracting(ObservedUpdate::vendorKey)
                .containsExactly(
                        "https://status.aws.amazon.com/#ec2-us-east-1_1680169930",
                        "https://status.aws.amazon.com/#ec2-us-east-1_1680172887");
    }

    @Test
    void itemsMoreThanADayApartAreSeparateEventsAndPstIsMinusEight() throws Exception {
        List<ObservedIncident> all = rss("aws/lambda-two-events-a-day-apart.rss");
        assertThat(all)
                .extracting(ObservedIncident::vendorKey)
                .containsExactly(
                        "lambda-eu-west-1_1679933700", "lambda-eu-west-1_1680174333", "console-us-east-1_1675846923");
        assertThat(all.get(0).impact()).isEqualTo(Impact.MAJOR);
        assertThat(all.get(2).startedAt()).isEqualTo(Instant.parse("2023-02-08T09:02:03Z"));
    }

    @Test
    void issue8n5AnEventWhoseFirstPostWasRetitledResolvedIsOneResolvedIncident() throws Exception {
        // Real-shaped ec2-ap-northeast-1.rss: bilingual titles; AWS retitled the event's first post
        // "[解決済] … | [RESOLVED] …" and its last post says "Informational message", not "operating normally".
        List<ObservedIncident> all = adapter.read(Fixtures.file(
                "aws/ec2-ap-northeast-1-retitled.rss",
                "https://status.aws.amazon.com/rss/ec2-ap-northeast-1.rss",
                "application/rss+xml"));
        assertThat(all)
                .extracting(ObservedIncident::title)
                .containsExactlyInAnyOrder(
                        "Increased Launch Failures", "Network Connectivity", "Increased API Error Rates");

        ObservedIncident network = byTitle(all, "Network Connectivity");
        assertThat(network.vendorKey()).isEqualTo("ec2-ap-northeast-1_1630568899");
        assertThat(network.updates()).hasSize(3);
        assertThat(network.startedAt()).isEqualTo(Instant.parse("2021-09-02T07:48:19Z"));
        assertThat(network.status()).isEqualTo(IncidentStatus.RESOLVED);
        assertThat(network.resolvedAt()).isEqualTo(Instant.parse("2021-09-02T11:10:31Z"));
        assertThat(network.updates().get(0).status()).isNotEqualTo(IncidentStatus.RESOLVED);
        assertThat(network.impact()).isEqualTo(Impact.MAJOR);

        ObservedIncident launches = byTitle(all, "Increased Launch Failures");
        assertThat(launches.updates()).hasSize(2);
        assertThat(launches.resolvedAt()).isEqualTo(Instant.parse("2021-08-20T18:02:55Z"));

        // A new topic the same morning is its own event, and still open.
        ObservedIncident api = byTitle(all, "Increased API Error Rates");
        assertThat(api.updates()).hasSize(1);
        assertThat(api.resolvedAt()).isNull();
        // No event of the feed stays open because of where AWS put its resolved tag.
        assertThat(all.stream().filter(i -> i.resolvedAt() == null)).containsExactly(api);
    }

    @Test
    void issue8n5AStatusTagAnywhereInTheTitleCounts() {
        assertThat(dev.incidex.source.support.StatusWords.tagged(
                        "Informational message: [解決済] 東京リージョン | [RESOLVED] Network Connectivity"))
                .contains(IncidentStatus.RESOLVED);
        assertThat(dev.incidex.source.support.StatusWords.tagged("[解決済] 東京リージョン"))
                .contains(IncidentStatus.RESOLVED);
        assertThat(dev.incidex.source.support.StatusWords.tagged("Increased [EC2] API errors"))
                .isEmpty();
        assertThat(dev.incidex.source.support.StatusWords.withoutTags("[解決済] 東京 | [RESOLVED] Network Connectivity"))
                .isEqualTo("東京 | Network Connectivity");
    }

    private static ObservedIncident byTitle(List<ObservedIncident> all, String title) {
        return all.stream().filter(i -> title.equals(i.title())).findFirst().orElseThrow();
    }

    @Test
    void headlinePrefixesMapToImpact() {
        assertThat(AwsAdapter.headlineImpact("Informational message")).isEqualTo(Impact.NONE);
        assertThat(AwsAdapter.headlineImpact("Service degradation")).isEqualTo(Impact.MINOR);
        assertThat(AwsAdapter.headlineImpact("Service disruption")).isEqualTo(Impact.MAJOR);
        assertThat(AwsAdapter.headlineImpact("Service is operating normally")).isNull();
    }

    @Test
    void anS3ErrorPageIsUnreadable() {
        String body = "<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>";
        assertThrows(
                UnreadableDocumentException.class, () -> adapter.read(Fixtures.text(body, EVENTS, "application/xml")));
    }
}
