package dev.incidex.poll;

import dev.incidex.Backoff;
import dev.incidex.IncidexConfig;
import dev.incidex.catalog.DocumentState;
import dev.incidex.catalog.Source;
import dev.incidex.model.VendorText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    public void succeeded(
            long sourceId,
            long token,
            Instant now,
            Instant nextPoll,
            Map<String, DocumentState> documents,
            String cursor,
            Set<String> asked) {
        succeeded(sourceId, token, now, nextPoll, documents, cursor, asked, null);
    }

    /**
     * A good poll, also noting what the merge had to repair or skip in the documents it read.
     *
     * @param warnings the merge's warnings when documents were read (empty clears the stored ones),
     *     or null when nothing was read and the stored warnings still hold
     */
    @Transactional
    public void succeeded(
            long sourceId,
            long token,
            Instant now,
            Instant nextPoll,
            Map<String, DocumentState> documents,
            String cursor,
            Set<String> asked,
            List<String> warnings) {
        leases.fence(sourceId, token);
        Source source = Source.findById(sourceId);
        if (warnings != null) {
            String summary = warningSummary(warnings);
            if (!java.util.Objects.equals(summary, source.lastWarning)) {
                source.lastWarning = summary;
            }
        }
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
    public void failed(
            long sourceId,
            long token,
            Instant now,
            String error,
            Duration retryAfter,
            Map<String, DocumentState> documents) {
        leases.fence(sourceId, token);
        Source source = Source.findById(sourceId);
        source.lastPolledAt = now;
        source.lastError = publicError(error);
        source.errorCount++;
        source.nextPollAt = now.plus(Backoff.after(
                source.errorCount, config.poll().interval(), config.poll().maxBackoff(), retryAfter));
        keepValidators(source, documents);
    }

    static final int MAX_ERROR = 1000;
    static final int MAX_EXCERPT = 40;
    private static final int WARNINGS_SHOWN = 5;

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile(
            "'([^']{" + (MAX_EXCERPT + 1) + ",})'" + "|\"([^\"]{" + (MAX_EXCERPT + 1) + ",})\"");

    /**
     * An error as the public may read it on the source's page and in the API: characters a page, a
     * feed or PostgreSQL cannot carry are dropped, and the whole is bounded.
     */
    static String publicError(String error) {
        return cut(
                VendorText.printable(error == null ? "unknown error" : error)
                        .replaceAll("\\s+", " ")
                        .strip(),
                MAX_ERROR);
    }

    /**
     * A parser's message about a response, with whatever it quotes from the body (a token, a key) cut
     * to a short excerpt: a redirect to an internal service must not publish what that service said.
     */
    static String excerpted(String message) {
        java.util.regex.Matcher m = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String quote = m.group(1) != null ? "'" : "\"";
            String inner = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(quote + cut(inner, MAX_EXCERPT) + quote));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The first few warnings and how many more there were, bounded to the column. */
    static String warningSummary(List<String> warnings) {
        if (warnings.isEmpty()) {
            return null;
        }
        List<String> shown = warnings.stream().distinct().limit(WARNINGS_SHOWN).toList();
        long more = warnings.stream().distinct().count() - shown.size();
        return publicError(String.join("; ", shown) + (more > 0 ? "; and " + more + " more" : ""));
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
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
