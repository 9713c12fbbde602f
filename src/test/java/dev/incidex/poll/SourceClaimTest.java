package dev.incidex.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidex.catalog.Source;
import dev.incidex.poll.SourceLeases.Claim;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Instances sharing a database never poll the same due source twice: one statement claims a batch of
 * due sources, each once, and a write from a poll whose lease has ended is refused.
 */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
class SourceClaimTest {

    @Inject
    SourceLeases leases;

    @Inject
    SourceBookkeeping bookkeeping;

    @Test
    void aDueSourceIsClaimedByOneCallerOnlyUntilItsLeaseEnds() {
        long id = QuarkusTransaction.requiringNew()
                .call(() -> Source.<Source>find("vendor.slug = ?1 and enabled = true", "claimco")
                        .singleResult()
                        .id);
        Instant now = Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                .plusSeconds(3600 * 24 * 365); // everything is due then

        // Two pollers asking at once, as two instances would.
        Instant leaseEnd = now.plusSeconds(120);
        CompletableFuture<List<Claim>> a = CompletableFuture.supplyAsync(() -> leases.claim(now, leaseEnd, 10_000));
        CompletableFuture<List<Claim>> b = CompletableFuture.supplyAsync(() -> leases.claim(now, leaseEnd, 10_000));
        long claims = a.join().stream().filter(c -> c.sourceId() == id).count()
                + b.join().stream().filter(c -> c.sourceId() == id).count();

        assertThat(claims).isEqualTo(1);
        assertThat(leases.claim(now, leaseEnd, 10_000))
                .extracting(Claim::sourceId)
                .doesNotContain(id);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(id).nextPollAt))
                .isEqualTo(leaseEnd);
        assertThat(leases.claim(leaseEnd, leaseEnd.plusSeconds(120), 10_000))
                .extracting(Claim::sourceId)
                .contains(id);
    }

    @Test
    void oneStatementClaimsABatchOldestDueFirstAndEachClaimHasAFreshToken() {
        Instant now =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(3600 * 24 * 365 * 2L);
        List<Claim> first = leases.claim(now, now.plusSeconds(60), 2);
        List<Claim> rest = leases.claim(now, now.plusSeconds(60), 10_000);

        assertThat(first).hasSize(2);
        assertThat(rest)
                .extracting(Claim::sourceId)
                .doesNotContainAnyElementsOf(first.stream().map(Claim::sourceId).toList());
        Claim again = leases.claim(now.plusSeconds(60), now.plusSeconds(120), 10_000).stream()
                .filter(c -> c.sourceId() == first.get(0).sourceId())
                .findFirst()
                .orElseThrow();
        assertThat(again.token()).isGreaterThan(first.get(0).token());
        assertThat(again.due()).isEqualTo(now.plusSeconds(60));
    }

    @Test
    void aWriteWithAnEndedLeaseIsRefused() {
        long id = QuarkusTransaction.requiringNew()
                .call(() -> Source.<Source>find("vendor.slug = ?1 and enabled = true", "claimco")
                        .singleResult()
                        .id);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Claim stale = leases.claimOne(id, now, now.plusSeconds(1));
        Claim current = leases.claimOne(id, now.plusSeconds(2), now.plusSeconds(60));

        assertThatThrownBy(() -> bookkeeping.failed(id, stale.token(), now, "late", null, java.util.Map.of()))
                .isInstanceOf(SourceLeases.LeaseLostException.class);
        assertThat(leases.recordUnchanged(
                        List.of(new SourceLeases.Unchanged(id, stale.token(), now, now.plusSeconds(600)))))
                .isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(id).lastError))
                .isNull();

        assertThat(leases.recordUnchanged(
                        List.of(new SourceLeases.Unchanged(id, current.token(), now, now.plusSeconds(600)))))
                .isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(id).nextPollAt))
                .isEqualTo(now.plusSeconds(600));
    }
}
