package dev.incidex.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one rule for when an incident started, whether it is resolved and when. Every source's
 * observation passes through it ({@link ObservedIncident}), and the merge applies it again to the
 * stored timeline, so the status and the resolved time can never disagree.
 *
 * <p>Real vendors make this necessary: Statuspage back-dates incidents (the stated start is when
 * someone typed it in, hours after the first displayed update), announces maintenances days before
 * their window, and appends postmortems days after the resolution.
 */
public final class Timeline {

    private Timeline() {}

    /** One update as the rule needs it: where the incident stood, and when the vendor shows it. */
    public record Step(IncidentStatus status, Instant at) {}

    /** Status and resolved time, always set together: a closed status has a time, an open one has none. */
    public record Resolution(IncidentStatus status, Instant resolvedAt) {
        public boolean resolved() {
            return resolvedAt != null;
        }
    }

    /**
     * When it started. A maintenance starts when it went in progress, else at its announced window,
     * not when it was announced. An incident starts at the earliest of the vendor's stated start and
     * its first displayed update (back-dated incidents show updates hours before their stated start).
     */
    public static Instant start(
            Instant stated, IncidentStatus said, boolean maintenance, Instant scheduledFor, List<Step> steps) {
        List<Step> timed = timed(steps);
        if (maintenance) {
            // A stated start before the window is the announcement's time, not the start.
            Instant statedStart =
                    stated != null && (scheduledFor == null || !stated.isBefore(scheduledFor)) ? stated : null;
            Instant inProgress = timed.stream()
                    .filter(s -> s.status() == IncidentStatus.IN_PROGRESS)
                    .map(Step::at)
                    .findFirst()
                    .orElse(null);
            if (inProgress != null) {
                // A stated start within the window (incident.io's started_at) is more exact than the update.
                return statedStart != null && statedStart.isBefore(inProgress) ? statedStart : inProgress;
            }
            boolean begun = (said != null && said != IncidentStatus.SCHEDULED)
                    || timed.stream().anyMatch(s -> s.status() != null && s.status() != IncidentStatus.SCHEDULED);
            if (!begun) {
                return statedStart; // upcoming: it has not started, whatever the announcement's date
            }
            if (scheduledFor != null) {
                return scheduledFor;
            }
            if (statedStart != null) {
                return statedStart;
            }
            return timed.stream()
                    .filter(s -> s.status() != null && s.status() != IncidentStatus.SCHEDULED)
                    .map(Step::at)
                    .findFirst()
                    .orElse(null);
        }
        Instant firstShown = timed.isEmpty() ? null : timed.get(0).at();
        if (stated == null) {
            return firstShown;
        }
        return firstShown != null && firstShown.isBefore(stated) ? firstShown : stated;
    }

    /**
     * Whether it is resolved and when: at the first closing update after the last opening one, unless
     * the vendor states a resolved time; a later opening update clears it. Postmortems close but never
     * set the time: they arrive days after the resolution.
     *
     * @param vendorStatus the status the vendor gives the whole incident, or null (then the newest update's)
     * @param statedResolvedAt the resolved time the vendor states, or null
     * @param startedAt the start, the end of last resort for an incident said closed that shows no time at all
     */
    public static Resolution resolution(
            IncidentStatus vendorStatus,
            Instant statedResolvedAt,
            boolean maintenance,
            Instant startedAt,
            List<Step> steps) {
        List<Step> timed = timed(steps);
        int lastOpening = -1;
        for (int i = 0; i < timed.size(); i++) {
            if (opens(timed.get(i).status())) {
                lastOpening = i;
            }
        }
        Instant closedAt = null;
        Instant postmortemAt = null;
        for (int i = lastOpening + 1; i < timed.size(); i++) {
            IncidentStatus s = timed.get(i).status();
            if (s == IncidentStatus.POSTMORTEM) {
                postmortemAt = postmortemAt == null ? timed.get(i).at() : postmortemAt;
            } else if (s != null && s.isClosed()) {
                closedAt = timed.get(i).at();
                break;
            }
        }
        Instant reopenedAt = lastOpening >= 0 ? timed.get(lastOpening).at() : null;
        IncidentStatus newest = newestStatus(timed);
        IncidentStatus said = vendorStatus != null ? vendorStatus : newest;
        boolean saysClosed = said != null && said.isClosed();
        // An update that reopens after the stated resolution wins over the stale stated time.
        boolean statedStands =
                statedResolvedAt != null && (reopenedAt == null || !reopenedAt.isAfter(statedResolvedAt));
        boolean updatesClose = closedAt != null || (postmortemAt != null && lastOpening < timed.size() - 1);
        Instant resolvedAt = null;
        if (statedStands && (saysClosed || updatesClose || vendorStatus == null)) {
            resolvedAt = statedResolvedAt;
        } else if (updatesClose && (vendorStatus == null || saysClosed)) {
            resolvedAt = closedAt != null ? closedAt : postmortemAt;
        } else if (saysClosed && vendorStatus != null) {
            // The vendor says it is over but shows no closing update and no time: its newest word is the end.
            resolvedAt =
                    timed.isEmpty() ? startedAt : timed.get(timed.size() - 1).at();
        }
        if (resolvedAt == null) {
            IncidentStatus open = said != null && !said.isClosed() ? said : newestOpen(timed);
            if (open == null && said != null) {
                // Said closed with no time at all to end it at: open in our record until a time arrives.
                open = maintenance ? IncidentStatus.IN_PROGRESS : IncidentStatus.MONITORING;
            }
            return new Resolution(open, null);
        }
        IncidentStatus closed = saysClosed ? said : maintenance ? IncidentStatus.COMPLETED : IncidentStatus.RESOLVED;
        return new Resolution(closed, resolvedAt);
    }

    private static boolean opens(IncidentStatus s) {
        return s != null && !s.isClosed();
    }

    private static IncidentStatus newestStatus(List<Step> timed) {
        for (int i = timed.size() - 1; i >= 0; i--) {
            if (timed.get(i).status() != null) {
                return timed.get(i).status();
            }
        }
        return null;
    }

    private static IncidentStatus newestOpen(List<Step> timed) {
        for (int i = timed.size() - 1; i >= 0; i--) {
            if (opens(timed.get(i).status())) {
                return timed.get(i).status();
            }
        }
        return null;
    }

    private static List<Step> timed(List<Step> steps) {
        if (steps == null) {
            return List.of();
        }
        return steps.stream()
                .filter(Objects::nonNull)
                .filter(s -> s.at() != null)
                .sorted(Comparator.comparing(Step::at))
                .toList();
    }
}
