package dev.incidex.poll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.catalog.Source;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Instances sharing a database never poll the same due source twice: each due source is claimed once. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class SourceClaimTest {

    @Inject
    Poller poller;

    @Test
    void aDueSourceIsClaimedByOneCallerOnlyUntilItsLeaseEnds() {
        long id = QuarkusTransaction.requiringNew().call(() -> Source.<Source>find("vendor.slug", "claimco").singleResult().id);
        Instant now = Instant.now().plusSeconds(3600 * 24 * 365); // everything is due then

        // Two pollers asking at once, as two instances would.
        CompletableFuture<List<SourceTask>> a = CompletableFuture.supplyAsync(() -> poller.dueSources(now));
        CompletableFuture<List<SourceTask>> b = CompletableFuture.supplyAsync(() -> poller.dueSources(now));
        long claims = a.join().stream().filter(t -> t.id() == id).count() + b.join().stream().filter(t -> t.id() == id).count();

        assertThat(claims).isEqualTo(1);
        assertThat(poller.dueSources(now)).extracting(SourceTask::id).doesNotContain(id);
        Instant leaseEnd = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(id).nextPollAt);
        assertThat(leaseEnd).isAfter(now);
        assertThat(poller.dueSources(leaseEnd)).extracting(SourceTask::id).contains(id);
    }
}
