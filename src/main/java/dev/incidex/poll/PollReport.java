package dev.incidex.poll;

import dev.incidex.incident.MergeResult;

/** What one round of polling did, for logs and tests. */
public record PollReport(int sources, int failed, int documentsParsed, MergeResult merged) {

    public static final PollReport EMPTY = new PollReport(0, 0, 0, MergeResult.NOTHING);

    public PollReport plus(PollReport o) {
        return new PollReport(
                sources + o.sources, failed + o.failed, documentsParsed + o.documentsParsed, merged.plus(o.merged));
    }
}
