package dev.incidex.poll;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * What polling does, at {@code /q/metrics}: {@code incidex_polls_total} by outcome (ok, failed; one per source
 * poll) and {@code incidex_merge_seconds}, the time to store what one source observed.
 */
@ApplicationScoped
public class PollMetrics {

    private final Counter ok;
    private final Counter failed;
    private final Timer merge;

    @Inject
    public PollMetrics(MeterRegistry registry) {
        ok = polls(registry, "ok");
        failed = polls(registry, "failed");
        merge = Timer.builder("incidex.merge")
                .description("Time to merge one source's observed incidents")
                .register(registry);
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
