package dev.incidex.poll;

import dev.incidex.IncidexConfig;
import dev.incidex.catalog.DocumentState;
import dev.incidex.fetch.AddressPolicy;
import dev.incidex.fetch.Authorization;
import dev.incidex.fetch.FetchOutcome;
import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.FetchOutcome.Problem;
import dev.incidex.fetch.Fetcher;
import dev.incidex.fetch.Validators;
import dev.incidex.incident.IncidentMerger;
import dev.incidex.incident.MergeResult;
import dev.incidex.incident.VendorComponents;
import dev.incidex.model.ObservedComponent;
import dev.incidex.model.ObservedIncident;
import dev.incidex.poll.SourceLeases.Claim;
import dev.incidex.poll.SourceLeases.LeaseLostException;
import dev.incidex.poll.SourceLeases.Unchanged;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.SourceAdapters;
import dev.incidex.source.SourceConfigurationException;
import dev.incidex.source.UnreadableDocumentException;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Polls the sources that are due: claims them in batches, fetches their documents concurrently
 * (bounded), hands changed ones to their format's adapter, merges what they observed and records
 * each source's health. Work streams: each source is completed as soon as its own documents are in,
 * never waiting for another source, and at most {@code incidex.poll.batch} sources are claimed and
 * unfinished at once, so memory is bounded by the batch, not by the number of sources. A poll that
 * changed nothing (304s, or the same bytes) is recorded with others in one batched statement.
 * A failure never deletes or closes anything already stored.
 */
@ApplicationScoped
public class Poller {

    /** Unchanged polls recorded together: one statement and one transaction for this many sources. */
    private static final int UNCHANGED_BATCH = 200;

    private final SourceAdapters adapters;

    @Inject
    Fetcher fetcher;

    @Inject
    AddressPolicy addressPolicy;

    @Inject
    IncidentMerger merger;

    @Inject
    VendorComponents components;

    @Inject
    SourceBookkeeping bookkeeping;

    @Inject
    SourceLeases leases;

    @Inject
    ClaimedSources claimedSources;

    @Inject
    InstantSource clock;

    @Inject
    IncidexConfig config;

    /** Sources claimed by the scheduler and not yet finished: as many as this instance finishes in a while. */
    private ClaimWindow window;

    /** Leases of polls not yet completing, renewed while they wait or fetch; see {@link #renewLeases}. */
    private final Set<SourceLeases.Held> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ScheduledExecutorService renewals;

    private FetchQueue fetches;
    private ExecutorService completions;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<PendingUnchanged> unchanged = new ArrayList<>();
    private final Timings timings = new Timings();

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

    @PostConstruct
    void start() {
        // Enough to keep the fetches busy at first; then what this instance finishes in a quarter of a lease.
        window = new ClaimWindow(config.poll().parallelism(), config.poll().batch(), lease().dividedBy(4));
        fetches = new FetchQueue(Math.max(1, config.poll().parallelism()));
        renewals = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "incidex-leases");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, lease().dividedBy(4).toMillis());
        renewals.scheduleWithFixedDelay(this::renewLeases, every, every, TimeUnit.MILLISECONDS);
        AtomicInteger n = new AtomicInteger();
        java.util.concurrent.ThreadPoolExecutor merging = new java.util.concurrent.ThreadPoolExecutor(
                Math.max(1, config.poll().mergeThreads()),
                Math.max(1, config.poll().mergeThreads()),
                0L,
                TimeUnit.MILLISECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "incidex-merge-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        completions = merging;
        metrics.queues(inFlight::get, fetches::waiting, () -> merging.getQueue().size());
    }

    @PreDestroy
    void stop() {
        renewals.shutdownNow();
        fetches.shutdown();
        completions.shutdown();
        try {
            completions.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flushUnchanged();
    }

    @Scheduled(
            every = "${incidex.poll.tick}",
            delayed = "${incidex.poll.first-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Poller.Disabled.class)
    void onSchedule() {
        if (!registry.containsKey(HttpServer.LOCAL_BASE_URI)) {
            // Claiming before the server listens would lease sources whose URLs are paths on it (the demo's) and
            // then leave them until the lease ends: the first tick after start-up waits for the server instead.
            return;
        }
        flushUnchanged();
        // Claims what is due and returns; the sources finish on their own, each as soon as it can.
        Round round = claimDue();
        round.done.thenAccept(report -> {
            MergeResult m = report.merged();
            boolean changed = m.created() + m.changed() + m.updatesAdded() > 0 || report.failed() != lastFailed;
            lastFailed = report.failed();
            // A cycle where nothing changed says nothing: a log line per tick drowns what matters.
            if (report.sources() > 0 && changed) {
                Log.infof(
                        "polled %d sources (%d failing): %d documents parsed, %d incidents new, %d changed, %d updates added"
                                + " in %d ms (claiming %d ms, fetching %d ms, merging %d ms, bookkeeping %d ms)",
                        report.sources(),
                        report.failed(),
                        report.documentsParsed(),
                        report.merged().created(),
                        report.merged().changed(),
                        report.merged().updatesAdded(),
                        round.millis(),
                        round.spent(Timings.CLAIM),
                        round.spent(Timings.FETCH),
                        round.spent(Timings.MERGE),
                        round.spent(Timings.BOOKKEEPING));
            }
        });
    }

    /** Polls every enabled source whose next poll is due, and waits until each is recorded. */
    public PollReport pollDue() {
        return claimDue().done.join();
    }

    /** Polls one source now, due or not (after a vendor is added, or from a test). */
    public PollReport pollSource(long sourceId) {
        Instant now = clock.instant();
        Claim claim = leases.claimOne(sourceId, now, now.plus(lease()));
        metrics.claimed(1);
        Round round = new Round(timings);
        dispatch(round, tasks(List.of(claim), now), false);
        if (round.claimed()) {
            flushUnchanged();
        }
        return round.done.join();
    }

    /**
     * Claims due sources batch by batch while there is room, starting each as it is claimed, until
     * none is due. Blocks while this instance already holds as many unfinished sources as it finishes in a
     * quarter of a lease (measured; at most {@code incidex.poll.batch}).
     */
    Round claimDue() {
        Round round = new Round(timings);
        while (true) {
            // Small claims, one after another while sources are due: each instance takes what it finishes well within
            // the lease, and the sources of one cycle start spread out rather than all at once.
            int want = window.acquire();
            if (want == 0) {
                break; // interrupted: shutting down
            }
            Instant now = clock.instant();
            long started = System.nanoTime();
            List<SourceTask> tasks;
            int claimed;
            try {
                List<Claim> claims = leases.claim(now, now.plus(lease()), want);
                claimed = claims.size();
                metrics.claimed(claimed);
                tasks = claims.isEmpty() ? List.of() : tasks(claims, now);
            } catch (RuntimeException e) {
                window.release(want);
                Log.warnf(e, "could not claim due sources");
                break;
            } finally {
                timings.add(Timings.CLAIM, System.nanoTime() - started);
            }
            window.release(want - tasks.size());
            dispatch(round, tasks, true);
            if (claimed < want) {
                break;
            }
        }
        if (round.claimed()) {
            flushUnchanged();
        }
        return round;
    }

    /**
     * Where this instance's HTTP server listens, known once it has started: the demo catalog's
     * sources are paths on it, so the demo works on any port and never polls another program.
     */
    private URI ownAddress() {
        if (!registry.containsKey(HttpServer.LOCAL_BASE_URI)) {
            throw new IllegalStateException(
                    "the HTTP server has not started yet; sources on it are polled once it has");
        }
        return registry.get(HttpServer.LOCAL_BASE_URI);
    }

    /** A source's settings as a poll would use them, without claiming it (for its one-time history import). */
    SourceTask task(long sourceId) {
        Instant now = clock.instant();
        return claimedSources.read(List.of(new Claim(sourceId, now, 0)), now, this::ownAddress).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no source " + sourceId));
    }

    /** The claimed sources' settings, read in one batch. */
    private List<SourceTask> tasks(List<Claim> claims, Instant claimedAt) {
        return claimedSources.read(claims, claimedAt, this::ownAddress);
    }

    /**
     * Renews the leases of the polls this instance has not begun to complete (waiting for their turn or
     * fetching), every quarter of a lease, those ending within half a lease, so a poll that waits longer than its
     * lease keeps its source (a lease has at least a quarter left when renewed); and records
     * the unchanged polls queued since, so none waits for its record until its lease ends.
     */
    void renewLeases() {
        try {
            Instant now = clock.instant();
            synchronized (held) {
                List<SourceLeases.Held> polls = List.copyOf(held);
                if (!polls.isEmpty()) {
                    leases.renew(polls, now.plus(lease().dividedBy(2)), now.plus(lease()));
                }
            }
            flushUnchanged();
        } catch (RuntimeException e) {
            // Tried again a quarter of a lease later; a lease that ends meanwhile is taken over, and its poll refused.
            Log.warnf(e, "could not renew the leases of %d polls in progress", held.size());
        }
    }

    /**
     * The poll begins to write: its lease is no longer renewed, as its record moves the source's next poll. Under
     * the renewal's lock, so a renewal never moves the next poll a record has just written.
     */
    private void completing(SourceTask task) {
        SourceLeases.Held lease = new SourceLeases.Held(task.id(), task.token());
        if (held.contains(lease)) {
            synchronized (held) {
                held.remove(lease);
            }
        }
    }

    /** Long enough for one poll of a source: waiting for its turn, its documents' fetches and the merge. */
    private Duration lease() {
        Duration fetch = config.fetch().timeout().multipliedBy(3);
        return fetch.compareTo(config.poll().interval()) > 0
                ? fetch
                : config.poll().interval();
    }

    private void dispatch(Round round, List<SourceTask> tasks, boolean holdsRoom) {
        for (SourceTask task : tasks) {
            round.started();
            inFlight.incrementAndGet();
            held.add(new SourceLeases.Held(task.id(), task.token()));
            poll(task, round).whenComplete((ignored, error) -> {
                completing(task); // in case it failed before completing
                if (holdsRoom) {
                    window.finished();
                }
                boolean idle = inFlight.decrementAndGet() == 0;
                if (round.finishedWork() | idle) {
                    flushUnchanged();
                }
            });
        }
    }

    /**
     * One source's poll: its fetches queue with everyone's, and it is completed on a merge thread as
     * soon as its own documents are in. Completes when its work is done (an unchanged source may still
     * wait for its batched record); reports to {@code round} exactly once.
     */
    private CompletableFuture<Void> poll(SourceTask task, Round round) {
        SourceAdapter adapter = adapters.forKind(task.kind()).orElse(null);
        if (adapter == null) {
            return CompletableFuture.runAsync(
                    () -> {
                        completing(task);
                        round.add(recordFailure(task, "no adapter reads sources of kind '" + task.kind() + "'"));
                    },
                    completions);
        }
        List<URI> documents;
        Set<String> componentDocuments;
        Authorization authorization;
        try {
            documents = new ArrayList<>(adapter.documents(task.settings()));
            componentDocuments = new LinkedHashSet<>();
            for (URI extra : adapter.componentDocuments(task.settings())) {
                if (componentDocuments.add(extra.toString()) && !documents.contains(extra)) {
                    documents.add(extra);
                }
            }
            authorization = adapter.authorization(task.settings());
        } catch (RuntimeException e) {
            // Nothing is sent for a source that cannot be asked properly (a missing token, say).
            String why = e instanceof SourceConfigurationException ? e.getMessage() : "cannot be asked: " + describe(e);
            return CompletableFuture.runAsync(
                    () -> {
                        completing(task);
                        round.add(recordFailure(task, why));
                    },
                    completions);
        }
        List<CompletableFuture<FetchOutcome>> outcomes = new ArrayList<>();
        for (URI document : documents) {
            DocumentState known = task.documents().get(document.toString());
            Validators validators = known == null ? Validators.NONE : new Validators(known.etag, known.lastModified);
            // A catalog source's server is the operator's choice; where it redirects is not.
            AddressPolicy policy = task.guarded() ? addressPolicy : addressPolicy.trustingOrigin(document);
            outcomes.add(fetches.submit(() -> fetcher.fetch(document, validators, authorization, policy))
                    .exceptionally(e ->
                            new Failed(document, Problem.NETWORK, "could not fetch " + document + ": " + e, null)));
        }
        return CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
                .thenRunAsync(
                        () -> {
                            completing(task);
                            PollReport report = completeSafely(
                                    task,
                                    adapter,
                                    componentDocuments,
                                    outcomes.stream()
                                            .map(CompletableFuture::join)
                                            .toList(),
                                    round);
                            if (report != null) {
                                round.add(report);
                            }
                        },
                        completions);
    }

    /** Completes one source; whatever goes wrong is recorded on that source alone. Null: queued as unchanged. */
    private PollReport completeSafely(
            SourceTask task,
            SourceAdapter adapter,
            Set<String> componentDocuments,
            List<FetchOutcome> outcomes,
            Round round) {
        try {
            return complete(task, adapter, componentDocuments, outcomes, round);
        } catch (LeaseLostException e) {
            metrics.leaseLost();
            Log.infof("source %s (%s): %s; its poll is not recorded", task.url(), task.vendorSlug(), e.getMessage());
            return new PollReport(1, 0, 0, MergeResult.NOTHING);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not complete the poll of %s (%s)", task.url(), task.vendorSlug());
            return recordFailure(task, "could not record this poll: " + describe(e));
        }
    }

    private PollReport recordFailure(SourceTask task, String error) {
        long started = System.nanoTime();
        try {
            bookkeeping.failed(task.id(), task.token(), clock.instant(), error, null, Map.of());
        } catch (LeaseLostException e) {
            metrics.leaseLost();
            return new PollReport(1, 0, 0, MergeResult.NOTHING);
        } catch (RuntimeException e) {
            Log.warnf(e, "could not record the failure of %s (%s): %s", task.url(), task.vendorSlug(), error);
        } finally {
            timings.add(Timings.BOOKKEEPING, System.nanoTime() - started);
        }
        return new PollReport(1, 1, 0, MergeResult.NOTHING);
    }

    private PollReport complete(
            SourceTask task,
            SourceAdapter adapter,
            Set<String> componentDocuments,
            List<FetchOutcome> outcomes,
            Round round) {
        Instant now = clock.instant();
        long started = System.nanoTime();
        String cursor = task.settings().cursor();
        Map<String, DocumentState> seen = new HashMap<>();
        List<ObservedIncident> observed = new ArrayList<>();
        // Null until a parsed document lists components: only then is the stored set replaced.
        List<ObservedComponent> listed = null;
        Set<String> listing = new LinkedHashSet<>(); // the documents that listed them
        Set<String> errors = new LinkedHashSet<>(); // both of a Statuspage's documents often fail alike
        Duration retryAfter = null;
        int parsed = 0;
        // Known only from a full answer: a 304 or a failure says nothing about where the vendor is now.
        Optional<String> movedTo = outcomes.stream().anyMatch(o -> o instanceof Fetched)
                ? Optional.of(outcomes.stream()
                        .filter(o -> o instanceof Fetched f && f.movedTo() != null)
                        .map(o -> ((Fetched) o).movedTo().toString())
                        .findFirst()
                        .orElse(""))
                : Optional.empty();
        // Written only when it changes: an unchanged body is otherwise recorded with others, in one batched statement.
        movedTo.filter(to -> !to.equals(Objects.requireNonNullElse(task.movedTo(), "")))
                .ifPresent(to -> bookkeeping.moved(task.id(), to.isEmpty() ? null : to));
        List<String> notes = new ArrayList<>();
        List<List<ObservedIncident>> listings = new ArrayList<>();
        for (FetchOutcome outcome : outcomes) {
            boolean forComponents = componentDocuments.contains(outcome.url().toString());
            if (outcome instanceof Failed f && forComponents) {
                continue; // not every page serves one: the stored components stay as they were
            }
            if (outcome instanceof Failed f && notPublished(f) && adapter.optional(f.url())) {
                notes.add(f.url().getPath() + " is not published ("
                        + f.message().split(" from ")[0] + "); read without it");
            } else if (outcome instanceof Failed f) {
                errors.add(f.message());
                if (f.retryAfter() != null
                        && (retryAfter == null || f.retryAfter().compareTo(retryAfter) > 0)) {
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
                    FetchedDocument document =
                            new FetchedDocument(f.url(), f.contentType(), f.body(), f.receivedAt(), task.settings());
                    SourceAdapter.Reading reading = adapter.readAll(document);
                    observed.addAll(reading.incidents());
                    if (adapter.listsEverySince(f.url())) {
                        listings.add(reading.incidents());
                    }
                    if (reading.components() != null) {
                        listed = listed == null ? new ArrayList<>() : listed;
                        listed.addAll(reading.components());
                        listing.add(key);
                    }
                    cursor = adapter.cursorAfter(document, cursor);
                    seen.put(key, state);
                    parsed++;
                } catch (UnreadableDocumentException | RuntimeException ex) {
                    if (!forComponents) {
                        errors.add(key + ": " + describe(ex));
                    }
                }
            }
            // NotModified: the document is as it was, nothing to do
        }
        Set<String> asked = outcomes.stream().map(o -> o.url().toString()).collect(Collectors.toSet());
        Instant nextPoll = nextPoll(task, now);
        if (errors.isEmpty()
                && observed.isEmpty()
                && Objects.equals(cursor, task.settings().cursor())
                && asked.containsAll(task.documents().keySet())
                && seen.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(task.documents().get(e.getKey())))) {
            timings.add(Timings.MERGE, System.nanoTime() - started);
            queueUnchanged(new Unchanged(task.id(), task.token(), now, nextPoll), round);
            metrics.polled(true);
            return null;
        }
        MergeResult merged = MergeResult.NOTHING;
        if (!observed.isEmpty()) {
            try {
                // The merge opens its own transactions (one for all records, or one each when the database
                // refuses one); the lease is fenced first in each. Only a poll that read every document whole
                // can tell what the vendor took down.
                List<List<ObservedIncident>> whole = errors.isEmpty() ? listings : List.of();
                merged = metrics.merging(() -> merger.mergeAndMarkRemoved(
                        task.id(), observed, whole, () -> leases.fence(task.id(), task.token())));
            } catch (LeaseLostException ex) {
                throw ex;
            } catch (RuntimeException ex) {
                Log.warnf(ex, "could not store what %s reported", task.url());
                errors.add("could not store incidents: " + describe(ex));
                seen.clear(); // parse again next time rather than skip a body we never stored
            }
        }
        if (listed != null && !errors.isEmpty()) {
            // A failed poll keeps the stored set; its listing documents are read again at the next good poll.
            listing.forEach(seen::remove);
        }
        if (listed != null && errors.isEmpty()) {
            try {
                List<ObservedComponent> set = listed;
                components.replace(task.id(), set, now, () -> leases.fence(task.id(), task.token()));
            } catch (LeaseLostException ex) {
                throw ex;
            } catch (RuntimeException ex) {
                Log.warnf(ex, "could not store the components %s lists", task.url());
                errors.add("could not store components: " + describe(ex));
                seen.clear();
            }
        }
        timings.add(Timings.MERGE, System.nanoTime() - started);
        started = System.nanoTime();
        try {
            if (errors.isEmpty()) {
                bookkeeping.succeeded(
                        task.id(),
                        task.token(),
                        now,
                        nextPoll,
                        seen,
                        cursor,
                        asked,
                        parsed > 0 ? withNotes(notes, merged.warnings()) : null);
                if (loggedErrors.remove(task.id()) != null) {
                    Log.infof("source %s (%s) answers again", task.url(), task.vendorSlug());
                }
            } else {
                String error = String.join("; ", errors);
                bookkeeping.failed(task.id(), task.token(), now, error, retryAfter, seen);
                // A source failing the same way every cycle is said once, not once per cycle.
                if (!error.equals(loggedErrors.put(task.id(), error))) {
                    Log.infof("source %s (%s) failing: %s", task.url(), task.vendorSlug(), error);
                }
            }
        } finally {
            timings.add(Timings.BOOKKEEPING, System.nanoTime() - started);
        }
        metrics.polled(errors.isEmpty());
        return new PollReport(1, errors.isEmpty() ? 0 : 1, parsed, merged);
    }

    /**
     * Counted from when the source was due, not from when this poll finished, so waiting for a tick
     * and the poll's own time do not add up into drift. A source far behind (the app was down) is
     * not polled again at once but an interval from now.
     */
    private Instant nextPoll(SourceTask task, Instant now) {
        Instant next = task.due().plus(config.poll().interval());
        return next.isAfter(now) ? next : now.plus(config.poll().interval());
    }

    private void queueUnchanged(Unchanged poll, Round round) {
        boolean full;
        synchronized (unchanged) {
            unchanged.add(new PendingUnchanged(poll, round));
            full = unchanged.size() >= UNCHANGED_BATCH;
        }
        if (full) {
            flushUnchanged();
        }
    }

    /** Records the queued unchanged polls in one statement. */
    private void flushUnchanged() {
        List<PendingUnchanged> batch;
        synchronized (unchanged) {
            if (unchanged.isEmpty()) {
                return;
            }
            batch = List.copyOf(unchanged);
            unchanged.clear();
        }
        long started = System.nanoTime();
        boolean recorded = false;
        try {
            int refused = leases.recordUnchanged(
                    batch.stream().map(PendingUnchanged::poll).toList());
            if (refused > 0) {
                Log.infof(
                        "%d unchanged polls not recorded: their sources were claimed again after their leases ended",
                        refused);
            }
            recorded = true;
        } catch (RuntimeException e) {
            // The sources stay claimed until their leases end, and are then polled again.
            Log.warnf(e, "could not record %d unchanged polls", batch.size());
        } finally {
            timings.add(Timings.BOOKKEEPING, System.nanoTime() - started);
        }
        PollReport each = new PollReport(1, recorded ? 0 : 1, 0, MergeResult.NOTHING);
        batch.forEach(p -> p.round().add(each));
    }

    /** A document the vendor does not publish at all, as opposed to one that failed this time. */
    private static boolean notPublished(Failed f) {
        return f.problem() == Problem.HTTP_STATUS && f.message().matches("HTTP (404|410) .*");
    }

    private static List<String> withNotes(List<String> notes, List<String> warnings) {
        if (notes.isEmpty()) {
            return warnings;
        }
        List<String> all = new ArrayList<>(notes);
        all.addAll(warnings);
        return all;
    }

    private static String describe(Exception ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : SourceBookkeeping.excerpted(ex.getMessage());
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record PendingUnchanged(Unchanged poll, Round round) {}

    /** Where polling time goes, summed over all threads (for the round's log line and the bench). */
    static final class Timings {
        static final int CLAIM = 0;
        static final int FETCH = 1;
        static final int MERGE = 2;
        static final int BOOKKEEPING = 3;

        private final LongAdder[] nanos = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

        void add(int kind, long spent) {
            nanos[kind].add(spent);
        }

        long[] snapshot() {
            long[] now = new long[nanos.length];
            for (int i = 0; i < now.length; i++) {
                now[i] = nanos[i].sum();
            }
            return now;
        }
    }

    /**
     * The sources one claiming pass started, and what they did. Its report is complete once claiming
     * has ended and every source it started is recorded.
     */
    static final class Round {
        final CompletableFuture<PollReport> done = new CompletableFuture<>();
        private final AtomicInteger unreported = new AtomicInteger(1); // 1 while claiming
        private final AtomicInteger working = new AtomicInteger(1);
        private final Timings timings;
        private final long[] before;
        private final long startedNanos = System.nanoTime();
        private long[] after;
        private long finishedNanos;
        private PollReport report = PollReport.EMPTY;

        Round(Timings timings) {
            this.timings = timings;
            this.before = timings.snapshot();
        }

        void started() {
            unreported.incrementAndGet();
            working.incrementAndGet();
        }

        /** A source's work is done (an unchanged one may still wait to be recorded); true when none is left. */
        boolean finishedWork() {
            return working.decrementAndGet() == 0;
        }

        /** Claiming has ended; true when no source of this round still works. */
        boolean claimed() {
            boolean idle = finishedWork();
            reported();
            return idle;
        }

        void add(PollReport r) {
            synchronized (this) {
                report = report.plus(r);
            }
            reported();
        }

        private void reported() {
            if (unreported.decrementAndGet() == 0) {
                PollReport r;
                synchronized (this) {
                    after = timings.snapshot();
                    finishedNanos = System.nanoTime();
                    r = report;
                }
                done.complete(r);
            }
        }

        synchronized long millis() {
            return (finishedNanos - startedNanos) / 1_000_000;
        }

        synchronized long spent(int kind) {
            return (after[kind] - before[kind]) / 1_000_000;
        }
    }

    /**
     * Documents being fetched, at most {@code incidex.poll.parallelism} at once, the rest waiting in
     * line. Requests are started on threads of their own, so one that blocks (resolving an added
     * vendor's host for the address guard) does not hold up the others' completions.
     */
    final class FetchQueue {
        private final int max;
        private final java.util.ArrayDeque<Runnable> waiting = new java.util.ArrayDeque<>();
        private final ExecutorService starters;
        private int running;

        FetchQueue(int max) {
            this.max = max;
            AtomicInteger n = new AtomicInteger();
            this.starters = Executors.newFixedThreadPool(Math.min(max, 4), r -> {
                Thread t = new Thread(r, "incidex-fetch-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        CompletableFuture<FetchOutcome> submit(
                java.util.function.Supplier<java.util.concurrent.CompletionStage<FetchOutcome>> fetch) {
            CompletableFuture<FetchOutcome> result = new CompletableFuture<>();
            Runnable start = () -> {
                long started = System.nanoTime();
                java.util.concurrent.CompletionStage<FetchOutcome> stage;
                try {
                    stage = fetch.get();
                } catch (RuntimeException e) {
                    stage = CompletableFuture.failedFuture(e);
                }
                stage.whenComplete((outcome, error) -> {
                    timings.add(Timings.FETCH, System.nanoTime() - started);
                    next();
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(outcome);
                    }
                });
            };
            boolean now;
            synchronized (this) {
                now = running < max;
                if (now) {
                    running++;
                } else {
                    waiting.add(start);
                }
            }
            if (now) {
                starters.execute(start);
            }
            return result;
        }

        private void next() {
            Runnable next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                }
            }
            if (next != null) {
                starters.execute(next);
            }
        }

        synchronized int waiting() {
            return waiting.size();
        }

        void shutdown() {
            starters.shutdownNow();
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
