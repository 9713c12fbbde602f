package dev.incidex.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * What polling does, at {@code /q/metrics}: {@code incidex_polls_total} by outcome (ok, failed; one per source
 * poll), {@code incidex_merge_seconds}, the time to store what one source observed, {@code
 * incidex_leases_claimed_total} and {@code incidex_leases_lost_total} (polls not recorded because another
 * instance had taken the source over), and the queues' depths: {@code incidex_poll_in_flight} (sources claimed
 * and not finished), {@code incidex_poll_fetch_queue} (fetches waiting for a slot) and {@code
 * incidex_poll_merge_queue} (sources whose documents are in, waiting for a merge thread).
 */
@ApplicationScoped
public class PollMetrics {

    private final Counter ok;
    private final Counter failed;
    private final Timer merge;
    private final Counter claimed;
    private final Counter lost;
    private final MeterRegistry registry;

    @Inject
    public PollMetrics(MeterRegistry registry) {
        ok = polls(registry, "ok");
        failed = polls(registry, "failed");
        merge = Timer.builder("incidex.merge")
                .description("Time to merge one source's observed incidents")
                .register(registry);
        claimed = Counter.builder("incidex.leases.claimed")
                .description("Sources claimed for a poll by this instance")
                .register(registry);
        lost = Counter.builder("incidex.leases.lost")
                .description("Polls not recorded because the lease had passed to another poll")
                .register(registry);
        this.registry = registry;
    }

    /** Registers the poller's queues; each gauge reads its depth when scraped. */
    void queues(IntSupplier inFlight, IntSupplier fetchQueue, IntSupplier mergeQueue) {
        gauge("incidex.poll.in.flight", "Sources claimed and not yet finished", inFlight);
        gauge("incidex.poll.fetch.queue", "Fetches waiting for a free fetch slot", fetchQueue);
        gauge("incidex.poll.merge.queue", "Sources whose documents are in, waiting for a merge thread", mergeQueue);
    }

    private void gauge(String name, String description, IntSupplier depth) {
        // Held strongly: a gauge keeps only a weak reference, and these lambdas have no other owner.
        Gauge.builder(name, depth, d -> d.getAsInt())
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    void claimed(int sources) {
        claimed.increment(sources);
    }

    void leaseLost() {
        lost.increment();
    }

    private static Counter polls(MeterRegistry registry, String outcome) {
        return Counter.builder("incidex.polls")
                .description("Source polls, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    void polled(boolean succeeded) {
        (succeeded ? ok : failed).increment();
    }

    <T> T merging(Supplier<T> merge) {
        return this.merge.record(merge);
    }
}
