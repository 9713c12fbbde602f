package dev.incidex.notify;

import dev.incidex.Backoff;
import dev.incidex.IncidexConfig;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentTransition;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends what is due: claims a batch, sends each delivery on a few threads of its own, and records each
 * attempt. A failed attempt is tried again after a wait that doubles each time, up to a cap, until the
 * attempts run out; a receiver's 4xx (other than 408 and 429) is given up at once.
 *
 * <p>Exactly once, as far as it can be: a delivery is marked sent in the same statement that checks its
 * claim, so no two instances send it at once. An instance that dies after sending and before recording
 * leaves the delivery claimed until its lease ends; then it is sent again with the same key, which the
 * receiver can use to drop the second copy (at-least-once sending, exactly-once for a receiver that
 * honours the key).
 */
@ApplicationScoped
public class Deliverer {

    /** What one round did. */
    public record Report(int sent, int retrying, int failed) {
        public int attempts() {
            return sent + retrying + failed;
        }
    }

    /** A claimed delivery, read for sending. */
    public record Outgoing(Deliveries.Claim claim, TargetKind kind, String address, Notice notice) {}

    @Inject
    Deliveries deliveries;

    @Inject
    Sender sender;

    @Inject
    IncidexConfig config;

    @Inject
    InstantSource clock;

    private ExecutorService senders;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        senders =
                Executors.newFixedThreadPool(Math.max(1, config.notifications().parallelism()), r -> {
                    Thread t = new Thread(r, "incidex-notify-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** Sends every delivery due now, batch after batch. */
    public Report deliverDue() {
        Report total = new Report(0, 0, 0);
        while (true) {
            Report round = deliverDue(clock.instant());
            total = new Report(
                    total.sent() + round.sent(), total.retrying() + round.retrying(), total.failed() + round.failed());
            if (round.attempts() < config.notifications().batch()) {
                return total;
            }
        }
    }

    /** One batch of the deliveries due at {@code now}. */
    public Report deliverDue(Instant now) {
        List<Outgoing> batch = claim(now);
        List<Future<DeliveryAttempt.Outcome>> sending = new ArrayList<>();
        for (Outgoing o : batch) {
            sending.add(senders.submit(() -> sendAndRecord(o)));
        }
        int sent = 0;
        int retrying = 0;
        int failed = 0;
        for (Future<DeliveryAttempt.Outcome> f : sending) {
            try {
                switch (f.get()) {
                    case SENT -> sent++;
                    case RETRY -> retrying++;
                    case FAILED -> failed++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                // Recording failed (the database went away): the lease ends and the delivery is due again.
                Log.warnf(e.getCause(), "could not record a notification's outcome");
            }
        }
        return new Report(sent, retrying, failed);
    }

    /** Claims the deliveries due at {@code now} and reads what each is to say. */
    public List<Outgoing> claim(Instant now) {
        List<Deliveries.Claim> claims = deliveries.claim(
                now,
                now.plus(config.notifications().lease()),
                config.notifications().batch());
        if (claims.isEmpty()) {
            return List.of();
        }
        Map<Long, Deliveries.Claim> byId =
                claims.stream().collect(Collectors.toMap(Deliveries.Claim::deliveryId, Function.identity()));
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.<Delivery>list(
                                "select d from Delivery d join fetch d.target join fetch d.transition tr"
                                        + " join fetch tr.incident i join fetch i.vendor where d.id in ?1",
                                byId.keySet())
                        .stream()
                        .map(d -> new Outgoing(byId.get(d.id), d.target.kind, d.target.address, notice(d)))
                        .toList());
    }

    /** Sends one claimed delivery and records what came of it. */
    public DeliveryAttempt.Outcome sendAndRecord(Outgoing o) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Sender.Result result;
        try {
            result = sender.send(o.kind(), o.address(), o.notice());
        } catch (RuntimeException e) {
            result = new Sender.Result(false, false, null, "could not send: " + e, null);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        int attempts = o.claim().attemptsBefore() + 1;
        DeliveryAttempt.Outcome outcome;
        Instant next = null;
        if (result.sent()) {
            outcome = DeliveryAttempt.Outcome.SENT;
        } else if (result.permanent() || attempts >= config.notifications().maxAttempts()) {
            outcome = DeliveryAttempt.Outcome.FAILED;
        } else {
            outcome = DeliveryAttempt.Outcome.RETRY;
            Duration wait = Backoff.after(
                    attempts,
                    config.notifications().firstRetry(),
                    config.notifications().maxBackoff(),
                    result.retryAfter());
            next = started.plus(wait);
        }
        deliveries.record(o.claim(), outcome, result, started, millis, next);
        if (outcome != DeliveryAttempt.Outcome.SENT) {
            Log.infof(
                    "notification %s to a %s target: %s (%s)",
                    o.notice().key(), o.kind().code(), outcome.label(), result.detail());
        }
        return outcome;
    }

    private Notice notice(Delivery d) {
        IncidentTransition t = d.transition;
        Incident i = t.incident;
        String base = config.notifications().publicUrl().replaceAll("/+$", "");
        return new Notice(
                d.idempotencyKey,
                t.kind,
                t.occurredAt,
                i.vendor.slug,
                i.vendor.name,
                i.id,
                base + "/vendors/" + i.vendor.slug + "/incidents/" + i.id,
                i.vendorUrl,
                t.title,
                t.status,
                t.previousStatus,
                t.impact,
                i.startedAt,
                t.kind == IncidentTransition.Kind.RESOLVED ? i.resolvedAt : null,
                t.updateText);
    }
}
