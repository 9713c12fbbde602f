package dev.incidex.fetch;

import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What the fetches cost, at {@code /q/metrics}: {@code incidex_fetches_total} by outcome (fetched, not_modified,
 * failed) and problem — the 304 ratio is not_modified over all —, {@code incidex_fetch_seconds} by outcome, and
 * {@code incidex_fetch_bytes} of the bodies received.
 */
@ApplicationScoped
public class FetchMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary bytes;
    // Built once per outcome and problem: a builder's register looks the meter up by its tags, on every fetch.
    private final java.util.Map<String, Timer> timers = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, Counter> counters = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    public FetchMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytes = DistributionSummary.builder("incidex.fetch.bytes")
                .baseUnit("bytes")
                .description("Size of the documents received with a 200")
                .register(registry);
    }

    /** For a fetcher built outside the application (tests of the fetch stage): counts go nowhere. */
    static FetchMetrics unregistered() {
        return new FetchMetrics(new SimpleMeterRegistry());
    }

    /** Counts and times one fetch, from the request to its outcome (redirects and token requests included). */
    CompletableFuture<FetchOutcome> record(Supplier<CompletableFuture<FetchOutcome>> fetch) {
        Timer.Sample started = Timer.start(registry);
        return fetch.get().whenComplete((outcome, error) -> {
            String name = outcome instanceof Fetched
                    ? "fetched"
                    : outcome instanceof Failed ? "failed" : outcome == null ? "error" : "not_modified";
            String problem = outcome instanceof Failed f ? f.problem().name().toLowerCase() : "none";
            started.stop(timers.computeIfAbsent(
                    name,
                    n -> Timer.builder("incidex.fetch")
                            .description("Time from request to outcome of one document")
                            .tag("outcome", n)
                            .register(registry)));
            counters.computeIfAbsent(
                            name + " " + problem,
                            key -> Counter.builder("incidex.fetches")
                                    .description("Documents requested, by outcome")
                                    .tag("outcome", name)
                                    .tag("problem", problem)
                                    .register(registry))
                    .increment();
            if (outcome instanceof Fetched f) {
                bytes.record(f.body().length);
            }
        });
    }
}
