package dev.incidex.poll;

import dev.incidex.IncidexConfig;
import dev.incidex.catalog.DocumentState;
import dev.incidex.catalog.Source;
import dev.incidex.fetch.AddressPolicy;
import dev.incidex.fetch.FetchOutcome;
import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.Authorization;
import dev.incidex.fetch.Fetcher;
import dev.incidex.fetch.Validators;
import dev.incidex.incident.IncidentMerger;
import dev.incidex.incident.MergeResult;
import dev.incidex.source.FetchedDocument;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.SourceAdapters;
import dev.incidex.source.SourceConfigurationException;
import dev.incidex.source.UnreadableDocumentException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * Polls the sources that are due: fetches their documents concurrently (bounded), hands changed
 * ones to their format's adapter, merges what they observed and records each source's health.
 * A failure never deletes or closes anything already stored.
 */
@ApplicationScoped
public class Poller {

    private final SourceAdapters adapters;

    @Inject
    Fetcher fetcher;

    @Inject
    AddressPolicy addressPolicy;

    @Inject
    IncidentMerger merger;

    @Inject
    SourceBookkeeping bookkeeping;

    @Inject
    InstantSource clock;

    @Inject
    IncidexConfig config;

    @Inject
    ValueRegistry registry;

    /** Failing sources in the last scheduled cycle; a summary is logged when this changes. */
    private volatile int lastFailed;

    /** Each failing source's last logged error, so a source failing the same way is logged once. */
    private final Map<Long, String> loggedErrors = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    PollMetrics metrics;

    @Inject
    public Poller(SourceAdapters adapters) {
        this.adapters = adapters;
    }

    @Scheduled(every = "${incidex.poll.tick}", delayed = "${incidex.poll.first-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Poller.Disabled.class)
    void onSchedule() {
        PollReport report = pollDue();
        MergeResult m = report.merged();
        boolean changed = m.created() + m.changed() + m.updatesAdded() > 0 || report.failed() != lastFailed;
        lastFailed = report.failed();
        // A cycle where nothing changed says nothing: a log line per tick drowns what matters.
        if (report.sources() > 0 && changed) {
            Log.infof("polled %d sources (%d failing): %d documents parsed, %d incidents new, %d changed, %d updates added",
                    report.sources(), report.failed(), report.documentsParsed(), report.merged().created(),
                    report.merged().changed(), report.merged().updatesAdded());
        }
    }

    /** Polls every enabled source whose next poll is due. */
    public PollReport pollDue() {
        return poll(dueSources(clock.instant()));
    }

    /** Polls one source now, due or not (after a vendor is added, or from a test). */
    public PollReport pollSource(long sourceId) {
        return poll(List.of(task(sourceId)));
    }

    /**
     * The due sources this instance claims. Several instances may share one PostgreSQL: each moves a
     * due source's next poll past a lease with a conditional update, and only the one whose update
     * hit the row polls it (the others' updates wait for the row and then no longer match). If this
     * instance dies mid-poll, another takes the source once the lease ends.
     */
    @Transactional
    List<SourceTask> dueSources(Instant now) {
        Instant leaseEnd = now.plus(lease());
        List<SourceTask> claimed = new ArrayList<>();
        for (Source source : Source.due(now)) {
            int won = Source.update("nextPollAt = ?1 where id = ?2 and (nextPollAt is null or nextPollAt <= ?3)",
                    leaseEnd, source.id, now);
            if (won == 1) {
                claimed.add(SourceTask.of(source, this::ownAddress));
            }
        }
        return claimed;
    }

    /**
     * Where this instance's HTTP server listens, known once it has started: the demo catalog's
     * sources are paths on it, so the demo works on any port and never polls another program.
     */
    private URI ownAddress() {
        if (!registry.containsKey(HttpServer.LOCAL_BASE_URI)) {
            throw new IllegalStateException("the HTTP server has not started yet; sources on it are polled once it has");
        }
        return registry.get(HttpServer.LOCAL_BASE_URI);
    }

    /** Long enough for one poll of a source: its documents' fetches and the merge. */
    private Duration lease() {
        Duration fetches = config.fetch().timeout().multipliedBy(3);
        return fetches.compareTo(config.poll().interval()) > 0 ? fetches : config.poll().interval();
    }

    @Transactional
    SourceTask task(long sourceId) {
        Source source = Source.findById(sourceId);
        if (source == null) {
            throw new IllegalArgumentException("no source " + sourceId);
        }
        return SourceTask.of(source, this::ownAddress);
    }

    private PollReport poll(List<SourceTask> tasks) {
        Semaphore permits = new Semaphore(Math.max(1, config.poll().parallelism()));
        Map<SourceTask, List<CompletableFuture<FetchOutcome>>> inFlight = new LinkedHashMap<>();
        PollReport report = PollReport.EMPTY;
        for (SourceTask task : tasks) {
            SourceAdapter adapter = adapters.forKind(task.kind()).orElse(null);
            List<CompletableFuture<FetchOutcome>> fetches = new ArrayList<>();
            if (adapter != null) {
                List<URI> documents;
                Authorization authorization;
                try {
                    documents = adapter.documents(task.settings());
                    authorization = adapter.authorization(task.settings());
                } catch (SourceConfigurationException e) {
                    // Nothing is sent for a source that cannot be asked properly (a missing token, say).
                    bookkeeping.failed(task.id(), clock.instant(), e.getMessage(), null, Map.of());
                    report = report.plus(new PollReport(1, 1, 0, MergeResult.NOTHING));
                    continue;
                }
                for (URI document : documents) {
                    permits.acquireUninterruptibly();
                    DocumentState known = task.documents().get(document.toString());
                    Validators validators = known == null ? Validators.NONE : new Validators(known.etag, known.lastModified);
                    var fetch = fetcher.fetch(document, validators, authorization, task.guarded() ? addressPolicy : null);
                    fetches.add(fetch.toCompletableFuture().whenComplete((o, e) -> permits.release()));
                }
            }
            inFlight.put(task, fetches);
        }
        for (Map.Entry<SourceTask, List<CompletableFuture<FetchOutcome>>> e : inFlight.entrySet()) {
            report = report.plus(complete(e.getKey(), e.getValue().stream().map(CompletableFuture::join).toList()));
        }
        return report;
    }

    private PollReport complete(SourceTask task, List<FetchOutcome> outcomes) {
        Instant now = clock.instant();
        SourceAdapter adapter = adapters.forKind(task.kind()).orElse(null);
        if (adapter == null) {
            bookkeeping.failed(task.id(), now, "no adapter reads sources of kind '" + task.kind() + "'", null, Map.of());
            return new PollReport(1, 1, 0, MergeResult.NOTHING);
        }
        String cursor = task.settings().cursor();
        Map<String, DocumentState> seen = new HashMap<>();
        List<ObservedIncident> observed = new ArrayList<>();
        Set<String> errors = new LinkedHashSet<>(); // both of a Statuspage's documents often fail alike
        Duration retryAfter = null;
        int parsed = 0;
        // Known only from a full answer: a 304 or a failure says nothing about where the vendor is now.
        Optional<String> movedTo = outcomes.stream().anyMatch(o -> o instanceof Fetched)
                ? Optional.of(outcomes.stream().filter(o -> o instanceof Fetched f && f.movedTo() != null)
                        .map(o -> ((Fetched) o).movedTo().toString()).findFirst().orElse(""))
                : Optional.empty();
        movedTo.ifPresent(to -> bookkeeping.moved(task.id(), to.isEmpty() ? null : to));
        for (FetchOutcome outcome : outcomes) {
            if (outcome instanceof Failed f) {
                errors.add(f.message());
                if (f.retryAfter() != null && (retryAfter == null || f.retryAfter().compareTo(retryAfter) > 0)) {
                    retryAfter = f.retryAfter();
                }
            } else if (outcome instanceof Fetched f) {
                String key = f.url().toString();
                DocumentState state = new DocumentState(f.etag(), f.lastModified(), sha256(f.body()));
                DocumentState known = task.documents().get(key);
                if (known != null && state.contentSha256.equals(known.contentSha256)) {
                    seen.put(key, state); // same bytes under new validators: nothing to parse
                    continue;
                }
                try {
                    FetchedDocument document = new FetchedDocument(f.url(), f.contentType(), f.body(), f.receivedAt(), task.settings());
                    observed.addAll(adapter.read(document));
                    cursor = adapter.cursorAfter(document, cursor);
                    seen.put(key, state);
                    parsed++;
                } catch (UnreadableDocumentException | RuntimeException ex) {
                    errors.add(key + ": " + describe(ex));
                }
            }
            // NotModified: the document is as it was, nothing to do
        }
        MergeResult merged = MergeResult.NOTHING;
        if (!observed.isEmpty()) {
            try {
                merged = metrics.merging(() -> merger.merge(task.id(), observed));
            } catch (RuntimeException ex) {
                Log.warnf(ex, "could not store what %s reported", task.url());
                errors.add("could not store incidents: " + describe(ex));
                seen.clear(); // parse again next time rather than skip a body we never stored
            }
        }
        if (errors.isEmpty()) {
            Set<String> asked = outcomes.stream().map(o -> o.url().toString()).collect(Collectors.toSet());
            bookkeeping.succeeded(task.id(), now, seen, cursor, asked);
            if (loggedErrors.remove(task.id()) != null) {
                Log.infof("source %s (%s) answers again", task.url(), task.vendorSlug());
            }
        } else {
            String error = String.join("; ", errors);
            bookkeeping.failed(task.id(), now, error, retryAfter, seen);
            if (!error.equals(loggedErrors.put(task.id(), error))) {
                Log.infof("source %s (%s) failing: %s", task.url(), task.vendorSlug(), error);
            }
        }
        metrics.polled(errors.isEmpty());
        return new PollReport(1, errors.isEmpty() ? 0 : 1, parsed, merged);
    }

    private static String describe(Exception ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Skips scheduled polls when {@code incidex.poll.enabled=false}. */
    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        IncidexConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.poll().enabled();
        }
    }
}
