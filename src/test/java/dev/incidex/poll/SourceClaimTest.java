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

    @Test
    void oneStatementRenewsTheLeasesStillHeldAndNoneTakenOverSince() {
        Instant now =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(3600 * 24 * 365 * 3L);
        Claim kept = leases.claim(now, now.plusSeconds(60), 1).get(0);
        Claim lost = leases.claim(now, now.plusSeconds(10), 1).get(0);
        // The second lease ends and another instance takes its source.
        Claim other = leases.claim(now.plusSeconds(10), now.plusSeconds(20), 10_000).stream()
                .filter(c -> c.sourceId() == lost.sourceId())
                .findFirst()
                .orElseThrow();

        int renewed = leases.renew(
                List.of(
                        new SourceLeases.Held(kept.sourceId(), kept.token()),
                        new SourceLeases.Held(lost.sourceId(), lost.token())),
                now.plusSeconds(60),
                now.plusSeconds(70));

        assertThat(renewed).isEqualTo(1);
        assertThat(nextPoll(kept.sourceId())).isEqualTo(now.plusSeconds(70));
        assertThat(nextPoll(lost.sourceId())).isEqualTo(now.plusSeconds(20));
        assertThat(other.token()).isGreaterThan(lost.token());
        // A lease far from its end is left alone; the token stays: the renewed poll may still write, the old one not.
        assertThat(leases.renew(
                        List.of(new SourceLeases.Held(kept.sourceId(), kept.token())),
                        now.plusSeconds(65),
                        now.plusSeconds(90)))
                .isZero();
        assertThat(nextPoll(kept.sourceId())).isEqualTo(now.plusSeconds(70));
        assertThat(leases.claim(now.plusSeconds(65), now.plusSeconds(80), 10_000))
                .extracting(Claim::sourceId)
                .doesNotContain(kept.sourceId());
        assertThat(leases.recordUnchanged(List.of(
                        new SourceLeases.Unchanged(kept.sourceId(), kept.token(), now, now.plusSeconds(600)),
                        new SourceLeases.Unchanged(lost.sourceId(), lost.token(), now, now.plusSeconds(600)))))
                .isEqualTo(1);
        assertThat(nextPoll(kept.sourceId())).isEqualTo(now.plusSeconds(600));
    }

    private static Instant nextPoll(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(id).nextPollAt);
    }
}
