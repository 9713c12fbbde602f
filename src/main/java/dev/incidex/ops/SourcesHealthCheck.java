package dev.incidex.ops;

import dev.incidex.IncidexConfig;
import dev.incidex.catalog.Source;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * How the sources are doing, at {@code /q/health/group/sources}. In a group of its own, outside liveness and
 * readiness: vendors failing is the world's state, not this instance's, and restarting or unrouting the pod would
 * not fix it. DOWN only when no enabled source has answered within {@link #STALE_AFTER} intervals (the instance's
 * egress or DNS is likely broken, or nobody polls); the data lists the counts and the worst sources.
 */
@HealthGroup("sources")
@ApplicationScoped
public class SourcesHealthCheck implements HealthCheck {

    /** A source is stale when it has not answered well for this many poll intervals. */
    static final int STALE_AFTER = 3;

    /** Most failing sources named in the answer. */
    static final int NAMED = 10;

    @Inject
    IncidexConfig config;

    @Inject
    InstantSource clock;

    @Override
    @Transactional
    public HealthCheckResponse call() {
        Instant now = clock.instant();
        Duration interval = config.poll().interval();
        Instant staleBefore = now.minus(interval.multipliedBy(STALE_AFTER));
        long enabled = Source.count("enabled = true");
        long failing = Source.count("enabled = true and errorCount > 0");
        long neverPolled = Source.count("enabled = true and lastPolledAt is null");
        long stale = Source.count(
                "enabled = true and lastPolledAt is not null" + " and (lastSuccessAt is null or lastSuccessAt < ?1)",
                staleBefore);
        // Due for longer than one interval: the poller is behind (or no instance polls).
        long overdue = Source.count("enabled = true and nextPollAt < ?1", now.minus(interval));
        List<Source> worst = Source.<Source>find("enabled = true and errorCount > 0 order by errorCount desc, id")
                .page(0, NAMED)
                .list();
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("sources")
                .status(enabled == 0 || stale < enabled - neverPolled || neverPolled == enabled)
                .withData("enabled", enabled)
                .withData("failing", failing)
                .withData("stale", stale)
                .withData("neverPolled", neverPolled)
                .withData("overdue", overdue);
        for (Source source : worst) {
            answer.withData(
                    source.vendor.slug + " " + source.kind,
                    source.errorCount + " failures: "
                            + (source.lastError == null
                                    ? ""
                                    : source.lastError.substring(0, Math.min(200, source.lastError.length()))));
        }
        return answer.build();
    }
}
