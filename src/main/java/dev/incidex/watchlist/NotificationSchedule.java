package dev.incidex.watchlist;

import dev.incidex.IncidexConfig;
import dev.incidex.notify.Deliverer;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Every tick: route what the merges recorded, then send what is due. */
@ApplicationScoped
public class NotificationSchedule {

    @Inject
    NotificationRouting routing;

    @Inject
    Deliverer deliverer;

    @Scheduled(
            every = "${incidex.notifications.tick}",
            delayed = "${incidex.notifications.tick}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = NotificationSchedule.Disabled.class)
    void onSchedule() {
        try {
            routing.routeAll();
        } catch (RuntimeException e) {
            // Nothing is lost: the transitions stay unrouted and the next tick tries again.
            Log.warnf(e, "could not route notifications");
        }
        try {
            Deliverer.Report report = deliverer.deliverDue();
            if (report.attempts() > 0) {
                Log.infof(
                        "notifications: %d sent, %d to retry, %d given up",
                        report.sent(), report.retrying(), report.failed());
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "could not send notifications");
        }
    }

    /** Skips the ticks when {@code incidex.notifications.enabled=false}. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        IncidexConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.notifications().enabled();
        }
    }
}
