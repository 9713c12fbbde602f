package dev.incidex.poll;

import dev.incidex.IncidexConfig;
import dev.incidex.catalog.DocumentState;
import dev.incidex.catalog.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Writes a poll's outcome onto the source's row: health, last error, backoff, validators. Every
 * write carries the lease token the poll was claimed with and is refused (a
 * {@link SourceLeases.LeaseLostException}) when another poll has claimed the source since.
 */
@ApplicationScoped
public class SourceBookkeeping {

    @Inject
    IncidexConfig config;

    @Inject
    SourceLeases leases;

    /**
     * A good poll: the error count resets, the cursor moves, the validators of each changed document
     * are kept, and those of documents no longer asked for ({@code since_id} URLs change with every
     * new post) are forgotten.
     *
     * @param nextPoll when the source is due again
     * @param cursor the new cursor; null keeps the stored one
     * @param asked the URLs this poll asked for, or null to keep every stored document state
     */
    @Transactional
    public void succeeded(long sourceId, long token, Instant now, Instant nextPoll, Map<String, DocumentState> documents,
            String cursor, Set<String> asked) {
        leases.fence(sourceId, token);
        Source source = Source.findById(sourceId);
        if (cursor != null && !cursor.equals(source.cursor)) {
            source.cursor = cursor;
        }
        if (asked != null) {
            source.documents.keySet().retainAll(asked);
        }
        source.lastPolledAt = now;
        source.lastSuccessAt = now;
        source.lastError = null;
        source.errorCount = 0;
        source.nextPollAt = nextPoll;
        keepValidators(source, documents);
    }

    /** Where the source's documents now answer from after a permanent redirect to another host, or null if not moved. */
    @Transactional
    public void moved(long sourceId, String movedTo) {
        Source source = Source.findById(sourceId);
        if (!java.util.Objects.equals(source.movedTo, movedTo)) {
            source.movedTo = movedTo;
        }
    }

    /** A failed poll: nothing the source reported before is touched, only its health. */
    @Transactional
    public void failed(long sourceId, long token, Instant now, String error, Duration retryAfter,
            Map<String, DocumentState> documents) {
        leases.fence(sourceId, token);
        Source source = Source.findById(sourceId);
        source.lastPolledAt = now;
        source.lastError = error.length() > 2000 ? error.substring(0, 2000) : error;
        source.errorCount++;
        source.nextPollAt = now.plus(Backoff.after(source.errorCount, config.poll().interval(), config.poll().maxBackoff(), retryAfter));
        keepValidators(source, documents);
    }

    /** Writes a document's validators only when they changed, so an unchanged poll flushes nothing for them. */
    private static void keepValidators(Source source, Map<String, DocumentState> documents) {
        documents.forEach((url, state) -> {
            if (!state.equals(source.documents.get(url))) {
                source.documents.put(url, state);
            }
        });
    }
}
