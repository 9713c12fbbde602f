package dev.incidex.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.incidex.incident.Incident;
import dev.incidex.testing.TestDatabase;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the scheduler on, sources are polled without anyone asking: the app's own trip, end to end. */
@QuarkusTest
@TestProfile(ScheduledPollingTest.SchedulerOn.class)
@WithTestResource(VendorServerResource.class)
class ScheduledPollingTest {

    /**
     * The scheduler ticking every second, on a database of its own, with the catalog stored in the background as
     * outside tests.
     */
    public static class SchedulerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A tick that polls before the test serves its fixtures gets a 404; with a 1s interval and
            // backoff cap the source is simply tried again a second later.
            Map<String, String> config = new HashMap<>(TestDatabase.ownDatabase("incidex-scheduled"));
            config.putAll(Map.of(
                    "incidex.poll.enabled",
                    "true",
                    "incidex.poll.tick",
                    "1s",
                    "incidex.poll.first-delay",
                    "0s",
                    "incidex.poll.interval",
                    "1s",
                    "incidex.poll.max-backoff",
                    "1s",
                    // As a packaged app starts: the catalog is stored after start-up while the scheduler ticks.
                    "incidex.catalog-in-background",
                    "true"));
            return config;
        }
    }

    @Test
    void theSchedulerPollsDueSourcesByItself() {
        VendorServerResource.server()
                .serveFixture("/inky/api/v2/incidents.json", "statuspage-inky-incidents.json", "application/json")
                .serveFixture(
                        "/inky/api/v2/scheduled-maintenances.json",
                        "statuspage-inky-scheduled-maintenances.json",
                        "application/json")
                .serveFixture("/inky/history.rss", "statuspage-inky-history.rss", "application/rss+xml")
                .serveFixture("/inky/history.atom", "statuspage-inky-history.atom", "application/atom+xml");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew()
                                .call(() -> Incident.count("vendor.slug = 'inky' and vendorKey = 'q7wz3k1r9h2m'")))
                        .isEqualTo(1));
        Incident incident = QuarkusTransaction.requiringNew()
                .call(() -> Incident.<Incident>find("vendorKey", "q7wz3k1r9h2m").singleResult());
        assertThat(incident.resolvedAt).isNotNull();
    }
}
