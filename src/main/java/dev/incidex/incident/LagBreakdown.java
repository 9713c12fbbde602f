package dev.incidex.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an incident unfolded in time: impact start (as the vendor states it) → the vendor's first post →
 * Incidex's first detection → resolved. Each step is the time since the one before; a step whose ends are
 * unknown, or out of order (Incidex began watching after the vendor resolved it), has no length.
 */
public record LagBreakdown(Instant impactStart, Instant firstPost, Instant detected, Instant resolved) {

    /** One step of the breakdown: from the previous point to this one. */
    public record Step(String label, Instant at, Duration since) {
        public Optional<Duration> sinceBefore() {
            return Optional.ofNullable(since);
        }
    }

    public static LagBreakdown of(Incident incident) {
        return new LagBreakdown(
                incident.statedStart,
                firstPost(incident),
                incident.detectedAt,
                incident.isResolved() ? incident.resolvedAt : null);
    }

    /**
     * When the vendor first posted: the earliest update's creation time when the format gives one (a
     * back-dated update was still posted when it was created), else its displayed time.
     */
    public static Instant firstPost(Incident incident) {
        Instant first = null;
        for (IncidentUpdate u : incident.updates) {
            Instant posted = u.createdAt != null && u.createdAt.isAfter(u.postedAt) ? u.createdAt : u.postedAt;
            if (posted != null && (first == null || posted.isBefore(first))) {
                first = posted;
            }
        }
        return first != null ? first : incident.startedAt;
    }

    /** The vendor's admission lag: stated impact start → first post; empty unless both are known and in order. */
    public Optional<Duration> toFirstPost() {
        return between(impactStart, firstPost);
    }

    public List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("Impact start (vendor-stated)", impactStart, null));
        steps.add(new Step(
                "Vendor's first post",
                firstPost,
                between(impactStart, firstPost).orElse(null)));
        steps.add(new Step(
                "First detected by Incidex",
                detected,
                between(firstPost, detected).orElse(null)));
        // From detection when Incidex saw it open; from the first post when it only learned of it afterwards.
        Instant from = detected != null && resolved != null && !detected.isAfter(resolved) ? detected : firstPost;
        steps.add(new Step("Resolved", resolved, between(from, resolved).orElse(null)));
        return steps;
    }

    /** Incidex first saw it only after the vendor had resolved it (a first poll, a backfill). */
    public boolean detectedAfterResolution() {
        return detected != null && resolved != null && detected.isAfter(resolved);
    }

    private static Optional<Duration> between(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(from, to));
    }
}
