package dev.incidex.poll;

import dev.incidex.fetch.AddressPolicy;
import dev.incidex.fetch.FetchOutcome;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.Fetcher;
import dev.incidex.fetch.Validators;
import dev.incidex.incident.IncidentMerger;
import dev.incidex.incident.MergeResult;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports a new source's older history once (a Statuspage's HTML history pages): the adapter says
 * where it starts and what each page links to; every page goes through the same fetch, adapter and
 * merge as a poll. Bounded in pages and time, since a vendor's history can be long and its server slow.
 */
@ApplicationScoped
class HistoryBackfill {

    /** Pages fetched at most: a few listing pages and the incidents they link. */
    static final int MAX_PAGES = 203;

    static final Duration BUDGET = Duration.ofSeconds(60);

    @Inject
    Fetcher fetcher;

    @Inject
    AddressPolicy addressPolicy;

    @Inject
    IncidentMerger merger;

    @Inject
    InstantSource clock;

    /** How many incidents the history showed; nothing is thrown, a failed back-fill leaves the source as it was. */
    int run(SourceTask task, SourceAdapter.History history) {
        Instant deadline = clock.instant().plus(BUDGET);
        Deque<URI> pages = new ArrayDeque<>(history.start());
        Set<URI> fetched = new LinkedHashSet<>();
        List<ObservedIncident> observed = new ArrayList<>();
        while (!pages.isEmpty() && fetched.size() < MAX_PAGES && clock.instant().isBefore(deadline)) {
            URI page = pages.poll();
            if (!fetched.add(page)) {
                continue;
            }
            FetchOutcome outcome = fetcher.fetch(
                            page,
                            Validators.NONE,
                            null,
                            task.guarded() ? addressPolicy : addressPolicy.trustingOrigin(page))
                    .toCompletableFuture()
                    .join();
            if (!(outcome instanceof Fetched f)) {
                continue; // a missing page costs only itself
            }
            try {
                SourceAdapter.History.Page read = history.read(
                        new FetchedDocument(f.url(), f.contentType(), f.body(), f.receivedAt(), task.settings()));
                observed.addAll(read.incidents());
                read.links().stream().filter(l -> !fetched.contains(l)).forEach(pages::add);
            } catch (UnreadableDocumentException | RuntimeException e) {
                Log.infof("history page %s of %s unreadable: %s", page, task.vendorSlug(), e.getMessage());
            }
        }
        if (!observed.isEmpty()) {
            MergeResult merged = merger.mergeImported(task.id(), observed);
            Log.infof(
                    "history of %s: %d pages, %d incidents read, %d new",
                    task.vendorSlug(), fetched.size(), observed.size(), merged.created());
        }
        return observed.size();
    }
}
