package dev.incidex.poll;

import dev.incidex.source.SourceAdapters;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The first poll of sources a user just added, and the one-time import of their older history, run
 * in the background: the request that added them answers at once and never waits on a vendor's
 * server. Two at a time, a bounded queue, so a burst of additions cannot take the poller's place.
 */
@ApplicationScoped
public class FirstPolls {

    static final int QUEUE = 200;

    @Inject
    Poller poller;

    @Inject
    SourceAdapters adapters;

    @Inject
    HistoryBackfill backfill;

    private final ThreadPoolExecutor workers =
            new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread t = new Thread(r, "incidex-first-poll");
                t.setDaemon(true);
                return t;
            });

    /**
     * Polls the new sources soon, then imports each one's history where its format has one. When too
     * many are waiting, the sources are simply left to the next scheduled poll.
     *
     * @return done when the first polls are (the history import may still be running), so a caller
     *     can wait a bounded time to show the new sources' health
     */
    public CompletableFuture<Void> request(List<Long> sourceIds) {
        CompletableFuture<Void> polled = new CompletableFuture<>();
        try {
            workers.execute(() -> run(sourceIds, polled));
        } catch (RejectedExecutionException busy) {
            Log.infof("first polls are busy; sources %s wait for their scheduled poll", sourceIds);
            polled.complete(null);
        }
        return polled;
    }

    private void run(List<Long> sourceIds, CompletableFuture<Void> polled) {
        try {
            for (long id : sourceIds) {
                try {
                    poller.pollSource(id);
                } catch (RuntimeException e) {
                    Log.warnf(e, "first poll of new source %d failed", id); // the source records its own health
                }
            }
        } finally {
            polled.complete(null);
        }
        for (long id : sourceIds) {
            try {
                SourceTask task = poller.task(id);
                adapters.forKind(task.kind())
                        .flatMap(a -> a.history(task.settings()))
                        .ifPresent(history -> backfill.run(task, history));
            } catch (RuntimeException e) {
                Log.warnf(e, "history import of new source %d failed", id);
            }
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
