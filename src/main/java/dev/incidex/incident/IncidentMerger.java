package dev.incidex.incident;

import dev.incidex.DatabaseFaults;
import dev.incidex.catalog.Source;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.Precision;
import dev.incidex.model.Timeline;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Folds what a source observed into stored incidents and their timelines. Merging the same
 * observation twice writes nothing; an edited title or update changes the stored one in place;
 * a new update is appended. One vendor's sources meet on the vendor's incident key, and a
 * source with exact times (Statuspage JSON) outranks one that prints minutes (its feeds), so
 * the two never overwrite each other back and forth.
 */
@ApplicationScoped
public class IncidentMerger {

    @Inject
    InstantSource clock;

    @Inject
    SearchIndex search;

    @Inject
    StatedWindows windows;

    @Inject
    References references;

    /**
     * Merges what one source observed. Each record is first repaired or refused ({@link RecordCheck});
     * the records are then stored in one transaction, and should that fail on something no check
     * foresaw, one transaction each, so a record the database refuses costs only itself: it becomes a
     * warning in the result, for the source to show. Only an unreachable database fails the whole merge.
     */
    public MergeResult merge(long sourceId, List<ObservedIncident> observed) {
        return merge(sourceId, observed, () -> {});
    }

    /**
     * Like {@link #merge(long, List)}, running {@code inEachTransaction} first in every transaction the
     * merge opens (the poller fences its lease on the source there, so a late poll writes nothing);
     * whatever it throws ends the merge as it is.
     */
    public MergeResult merge(long sourceId, List<ObservedIncident> observed, Runnable inEachTransaction) {
        return merge(sourceId, observed, inEachTransaction, false, List.of());
    }

    /**
     * Like {@link #merge(long, List, Runnable)}, then {@link #markRemoved} with {@code listings}: in the merge's
     * own transaction when its records are stored together (one transaction and one fence less per changed
     * source), else in a transaction of its own afterwards.
     */
    public MergeResult mergeAndMarkRemoved(
            long sourceId,
            List<ObservedIncident> observed,
            List<List<ObservedIncident>> listings,
            Runnable inEachTransaction) {
        return merge(sourceId, observed, inEachTransaction, false, listings);
    }

    /**
     * Like {@link #merge(long, List)} for history imported after the fact (a back-fill): the incidents it
     * creates are marked imported, so pages say when they were imported instead of "detected".
     */
    public MergeResult mergeImported(long sourceId, List<ObservedIncident> observed) {
        return merge(sourceId, observed, () -> {}, true, List.of());
    }

    private MergeResult merge(
            long sourceId,
            List<ObservedIncident> observed,
            Runnable inEachTransaction,
            boolean importing,
            List<List<ObservedIncident>> listings) {
        Instant now = RecordCheck.stored(clock.instant());
        List<ObservedIncident> records = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (ObservedIncident o : observed) {
            RecordCheck.Checked checked = RecordCheck.check(o, now);
            warnings.addAll(checked.warnings());
            if (!checked.skipped()) {
                records.add(checked.incident());
            }
        }
        if (records.isEmpty()) {
            markRemoved(sourceId, listings, inEachTransaction);
            return MergeResult.NOTHING.withWarnings(warnings);
        }
        try {
            return QuarkusTransaction.requiringNew()
                    .call(() -> {
                        fence(inEachTransaction);
                        Source source = Source.findById(sourceId);
                        MergeResult result = MergeResult.NOTHING;
                        VendorHours.Changes hours = new VendorHours.Changes();
                        for (ObservedIncident o : records) {
                            result = result.plus(mergeOne(source, o, importing, hours));
                        }
                        markRemoved(source, listings, now);
                        write(hours);
                        return result;
                    })
                    .withWarnings(warnings);
        } catch (Fenced f) {
            throw f.cause;
        } catch (RuntimeException batch) {
            if (DatabaseFaults.unreachable(batch)) {
                throw batch;
            }
            Log.infof("merging %d records of source %d one by one: %s", records.size(), sourceId, reason(batch));
        }
        MergeResult result = MergeResult.NOTHING;
        for (ObservedIncident o : records) {
            try {
                result = result.plus(QuarkusTransaction.requiringNew().call(() -> {
                    fence(inEachTransaction);
                    VendorHours.Changes hours = new VendorHours.Changes();
                    MergeResult one = mergeOne(Source.findById(sourceId), o, importing, hours);
                    write(hours);
                    return one;
                }));
            } catch (Fenced f) {
                throw f.cause;
            } catch (RuntimeException one) {
                if (DatabaseFaults.unreachable(one)) {
                    throw one;
                }
                Log.warnf(one, "source %d: incident '%s' could not be stored", sourceId, o.vendorKey());
                warnings.add("incident '" + RecordCheck.quote(o.vendorKey()) + "' could not be stored: " + reason(one));
            }
        }
        markRemoved(sourceId, listings, inEachTransaction);
        return result.withWarnings(warnings);
    }

    /**
     * Marks as removed by the vendor what one of this source's current documents no longer lists though it
     * still lists older ones: each listing is everything one such document holds (a Statuspage
     * {@code incidents.json}: the newest 50, any status), so a stored incident of this source newer than the
     * oldest one listed, and not listed, was taken down. Incidents and maintenances are weighed apart, since
     * a vendor may list them in separate documents. Nothing is deleted. Returns how many were marked.
     */
    public int markRemoved(long sourceId, List<List<ObservedIncident>> listings, Runnable inEachTransaction) {
        if (listings.isEmpty()) {
            return 0;
        }
        Instant now = RecordCheck.stored(clock.instant());
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                fence(inEachTransaction);
                return markRemoved(Source.findById(sourceId), listings, now);
            });
        } catch (Fenced f) {
            throw f.cause;
        }
    }

    private static int markRemoved(Source source, List<List<ObservedIncident>> listings, Instant now) {
        int marked = 0;
        for (List<ObservedIncident> listing : listings) {
            for (boolean maintenance : List.of(false, true)) {
                marked += markRemoved(source, listing, maintenance, now);
            }
        }
        return marked;
    }

    private static int markRemoved(Source source, List<ObservedIncident> listing, boolean maintenance, Instant now) {
        List<ObservedIncident> ofKind = listing.stream()
                .filter(o -> o.vendorKey() != null && o.maintenance() == maintenance)
                .toList();
        Instant oldest = ofKind.stream()
                .map(o -> o.startedAt() != null ? o.startedAt() : o.scheduledFor())
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (oldest == null) {
            return 0;
        }
        Set<String> listed = new HashSet<>();
        ofKind.forEach(o -> listed.add(o.vendorKey()));
        // The listed keys are left out here rather than in the query: a "not in" over a list of varying length made
        // Hibernate translate the query anew on every poll (the largest cost of a poll at 100 000 sources). The
        // candidates are the vendor's incidents since the listing's oldest, about as many as the listing holds.
        List<Incident> gone = Incident.<Incident>find(
                        "select i from Incident i where i.vendor = ?1 and i.maintenance = ?2 and i.removedAt is null"
                                + " and i.sortAt > ?3 and (i.source = ?4 or exists"
                                + " (select 1 from UpdateSighting s where s.update.incident = i and s.source = ?4))",
                        source.vendor,
                        maintenance,
                        oldest,
                        source)
                .list()
                .stream()
                .filter(i -> !listed.contains(i.vendorKey))
                .toList();
        for (Incident incident : gone) {
            incident.removedAt = now;
            incident.changedAt = now;
        }
        return gone.size();
    }

    /** What the caller's check threw, carried past the merge's own handling of failed records. */
    private static final class Fenced extends RuntimeException {
        final RuntimeException cause;

        Fenced(RuntimeException cause) {
            super(cause);
            this.cause = cause;
        }
    }

    private static void fence(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException e) {
            throw new Fenced(e);
        }
    }

    /** The innermost cause in a few words: what the database said about the record. */
    private static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return RecordCheck.cut(
                dev.incidex.model.VendorText.printable(message)
                        .replaceAll("\\s+", " ")
                        .strip(),
                200);
    }

    /**
     * Adds what the transaction's merges changed to the vendors' hours, last: the incidents' rows are written
     * (and locked) first, so every writer takes its locks in the same order, incidents then hours in key order.
     */
    private static void write(VendorHours.Changes hours) {
        if (hours.isEmpty()) {
            return;
        }
        Incident.getEntityManager().flush();
        Incident.getEntityManager().unwrap(org.hibernate.Session.class).doWork(hours::write);
    }

    private MergeResult mergeOne(
            Source source, ObservedIncident observed, boolean importing, VendorHours.Changes hours) {
        Instant now = RecordCheck.stored(clock.instant());
        ObservedIncident o = observed;
        Incident incident =
                Incident.findByVendorKey(source.vendor, o.vendorKey()).orElse(null);
        if (incident == null && o.keyMayChurn()) {
            incident = sameTitle(source, o);
            if (incident != null) {
                o = churned(incident, o);
                if (o == null) {
                    return MergeResult.NOTHING; // the same item under a new GUID, link or date: nothing new
                }
            }
        }
        if (incident == null && o.posts() != null) {
            incident = continued(source, o);
            if (incident == null && !o.posts().mayOpen()) {
                return MergeResult.NOTHING;
            }
        }
        boolean created = incident == null;
        IncidentStatus before = created ? null : incident.status;
        VendorHours.Facts figuresBefore = created ? null : VendorHours.Facts.of(incident);
        if (created) {
            incident = new Incident();
            incident.vendor = source.vendor;
            incident.source = source;
            incident.vendorKey = o.vendorKey();
            incident.detectedAt = now;
            // Seen only after it ended, it was not detected but imported: its "detected" time would mislead.
            incident.imported = importing || o.resolvedAt() != null;
            incident.changedAt = now;
            incident.title = o.title();
            incident.titleFromPosts = o.posts() != null;
            incident.status = IncidentStatus.INVESTIGATING;
            incident.sortAt = o.startedAt() != null ? o.startedAt() : now;
            incident.persist();
        }
        boolean changed = applyFields(incident, o, now);
        UpdatesMerged updates = mergeUpdates(incident, source, o, now);
        int added = updates.added();
        changed |= updates.edited() > 0;
        if (o.posts() != null) {
            changed |= applyTimesFromUpdates(incident);
        }
        changed |= applyStatus(incident, o);
        changed |= applyResolutionRule(incident);
        changed |= applySortTime(incident);
        changed |= applyLastSpoke(incident);
        if (created || added > 0 || updates.edited() > 0) {
            // What the text states or quotes changes only with the text.
            changed |= windows.apply(incident);
            changed |= references.apply(incident);
        }
        if (!created && (changed || added > 0)) {
            incident.changedAt = now;
        }
        if (created || changed || added > 0) {
            search.index(incident);
        }
        hours.change(figuresBefore, VendorHours.Facts.of(incident));
        Incident merged = incident;
        Transitions.of(created, before, incident, now).ifPresent(kind -> Transitions.record(merged, kind, before, now));
        return new MergeResult(created ? 1 : 0, !created && (changed || added > 0) ? 1 : 0, added);
    }

    /** Sets each field only when it differs, so an unchanged observation leaves Hibernate nothing to flush. */
    private boolean applyFields(Incident incident, ObservedIncident o, Instant now) {
        boolean changed = false;
        // Posts show part of a timeline (since_id): their title, times and link are the first poll's or the timeline's.
        boolean fromPosts = o.posts() != null;
        boolean outranks = !fromPosts && (o.exactTimes() || !incident.exactTimes);
        // Title and impact come from the most precise source (Precision), not from whichever was polled last.
        Precision precision = o.precision();
        if (o.title() != null
                && !o.title().isBlank()
                && !fromPosts
                && precision.mayReplace(incident.titlePrecision())) {
            if (!o.title().equals(incident.title)) {
                Edits.retitled(incident, o.title(), now);
                incident.title = o.title();
                changed = true;
            }
            if (incident.titlePrecision != precision) {
                incident.titlePrecision = precision;
                changed = true;
            }
        }
        if (o.impact() != null && precision.mayReplace(incident.impactPrecision())) {
            if (o.impact() != incident.impact) {
                incident.impact = o.impact();
                changed = true;
            }
            if (incident.impactPrecision != precision) {
                incident.impactPrecision = precision;
                changed = true;
            }
        }
        if (incident.removedAt != null) {
            incident.removedAt = null; // listed again: the vendor put it back
            changed = true;
        }
        if (o.maintenance() && !incident.maintenance) {
            incident.maintenance = true;
            changed = true;
        }
        if (o.startedAt() != null && outranks && !o.startedAt().equals(incident.startedAt)) {
            incident.startedAt = o.startedAt();
            changed = true;
        }
        if (outranks
                && !Objects.equals(o.resolvedAt(), incident.resolvedAt)
                && (o.resolvedAt() != null || o.exactTimes())) {
            // A minute-precision source may fill the resolved time but never clears it; an exact
            // one (the vendor's API) may, when the vendor reopens an incident.
            incident.resolvedAt = o.resolvedAt();
            changed = true;
        }
        if (o.scheduledFor() != null && !o.scheduledFor().equals(incident.scheduledFor)) {
            incident.scheduledFor = o.scheduledFor();
            changed = true;
        }
        if (o.scheduledUntil() != null && !o.scheduledUntil().equals(incident.scheduledUntil)) {
            incident.scheduledUntil = o.scheduledUntil();
            changed = true;
        }
        if (o.exactTimes() && !incident.exactTimes && !fromPosts) {
            incident.exactTimes = true;
            changed = true;
        }
        if (o.url() != null
                && (incident.vendorUrl == null || (o.exactTimes() && !fromPosts))
                && !o.url().equals(incident.vendorUrl)) {
            incident.vendorUrl = o.url();
            changed = true;
        }
        if (!incident.components.containsAll(o.components())) {
            incident.components.addAll(o.components());
            changed = true;
        }
        return changed;
    }

    /**
     * The one rule (Timeline) over the stored timeline, so the status and the resolved time that
     * different sources set always agree: never "Resolved" beside "Resolved: not yet".
     */
    private boolean applyResolutionRule(Incident incident) {
        if (incident.status == null && incident.resolvedAt == null) {
            return false;
        }
        List<Timeline.Step> steps = incident.updates.stream()
                .map(u -> new Timeline.Step(u.status, u.postedAt))
                .toList();
        Timeline.Resolution r = Timeline.resolution(
                incident.status, incident.resolvedAt, incident.maintenance, incident.startedAt, steps);
        if (r.status() == incident.status && Objects.equals(r.resolvedAt(), incident.resolvedAt)) {
            return false;
        }
        incident.status = r.status() != null ? r.status() : incident.status;
        incident.resolvedAt = r.resolvedAt();
        return true;
    }

    /**
     * The status the source states outright when it has exact data; otherwise the newest update's,
     * so a lagging feed cannot move an incident back.
     */
    private boolean applyStatus(Incident incident, ObservedIncident o) {
        IncidentStatus status = incident.status;
        String vendorStatus = incident.vendorStatus;
        if (o.status() != null && (o.exactTimes() || incident.updates.isEmpty())) {
            status = o.status();
            vendorStatus = o.vendorStatus();
        } else if (!incident.updates.isEmpty()) {
            IncidentUpdate newest = incident.updates.get(incident.updates.size() - 1);
            status = newest.status;
            vendorStatus = newest.vendorStatus;
        }
        boolean changed = false;
        if (status != null && status != incident.status) {
            incident.status = status;
            changed = true;
        }
        if (vendorStatus != null && !vendorStatus.equals(incident.vendorStatus)) {
            incident.vendorStatus = vendorStatus;
            changed = true;
        }
        return changed;
    }

    /**
     * The stored incident these posts continue, when none has their key: the one holding a post they
     * reply to, else the source's open incident last posted to within {@code joinOpenWithin} before them.
     */
    private static Incident continued(Source source, ObservedIncident o) {
        ObservedIncident.Posts posts = o.posts();
        if (!posts.replyTo().isEmpty()) {
            Incident replied = IncidentUpdate.<IncidentUpdate>find(
                            "incident.vendor = ?1 and vendorKey in ?2 order by id", source.vendor, posts.replyTo())
                    .firstResultOptional()
                    .map(u -> u.incident)
                    .orElse(null);
            if (replied != null) {
                return replied;
            }
        }
        Instant first = o.updates().stream()
                .map(ObservedUpdate::at)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        if (posts.joinOpenWithin() == null || first == null) {
            return null;
        }
        return IncidentUpdate.<IncidentUpdate>find(
                        "source = ?1 and postedAt >= ?2 and postedAt <= ?3 order by postedAt desc",
                        source,
                        first.minus(posts.joinOpenWithin()),
                        first)
                .firstResultOptional()
                .map(u -> u.incident)
                .filter(i -> i.resolvedAt == null && (i.status == null || !i.status.isClosed()))
                .orElse(null);
    }

    /** How far apart two records of one title with different texts may be and still be one incident. */
    static final Duration CHURN_WINDOW = Duration.ofDays(1);

    /**
     * The stored incident a record whose key may churn is, by its title (case and spacing aside): the
     * source's newest incident of that title that holds one of the record's texts (the item seen again,
     * however its date churned), or had an update within {@link #CHURN_WINDOW} of the record's time.
     */
    private static Incident sameTitle(Source source, ObservedIncident o) {
        List<Incident> candidates = Incident.<Incident>find(
                        "source = ?1 and lower(title) = ?2 order by sortAt desc, id desc",
                        source,
                        o.title().toLowerCase(java.util.Locale.ROOT))
                .page(0, 5)
                .list();
        Instant at = o.updates().stream()
                .map(ObservedUpdate::at)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(o.startedAt());
        for (Incident candidate : candidates) {
            boolean seenText = o.updates().stream()
                    .anyMatch(u -> candidate.updates.stream()
                            .anyMatch(s -> sameWords(s.bodyText, u.text().plain())));
            Instant latest = candidate.updates.isEmpty()
                    ? candidate.sortAt
                    : candidate.updates.get(candidate.updates.size() - 1).postedAt;
            boolean near = at == null
                    || latest == null
                    || Duration.between(latest, at).abs().compareTo(CHURN_WINDOW) <= 0;
            if (seenText || near) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * A record found by its title, as the merge should see it: its updates whose text the incident
     * already holds are the same updates seen again, whatever date they now carry, and it starts when
     * the incident did; null when nothing new is left.
     */
    private static ObservedIncident churned(Incident incident, ObservedIncident o) {
        List<ObservedUpdate> fresh = o.updates().stream()
                .filter(u -> incident.updates.stream()
                        .noneMatch(s -> sameWords(s.bodyText, u.text().plain())))
                .toList();
        if (fresh.isEmpty()) {
            return null;
        }
        // The start is the incident's: a date that churns says nothing about when it began.
        return new ObservedIncident(
                incident.vendorKey,
                o.title(),
                o.impact(),
                o.status(),
                o.vendorStatus(),
                o.maintenance(),
                incident.startedAt,
                o.resolvedAt(),
                o.scheduledFor(),
                o.scheduledUntil(),
                o.exactTimes(),
                o.url(),
                o.components(),
                fresh,
                o.posts(),
                o.warnings(),
                true);
    }

    /** An incident told in posts starts with its first update and ends with its newest, when that one closes it. */
    private static boolean applyTimesFromUpdates(Incident incident) {
        if (incident.updates.isEmpty()) {
            return false;
        }
        IncidentUpdate first = incident.updates.get(0);
        IncidentUpdate newest = incident.updates.get(incident.updates.size() - 1);
        boolean changed = false;
        if (incident.startedAt == null || first.postedAt.isBefore(incident.startedAt)) {
            incident.startedAt = first.postedAt;
            incident.exactTimes = first.exactTime;
            changed = true;
        }
        Instant resolvedAt = newest.status != null && newest.status.isClosed() ? newest.postedAt : null;
        if (resolvedAt != null && incident.resolvedAt == null) {
            incident.resolvedAt = resolvedAt;
            changed = true;
        } else if (resolvedAt == null && incident.resolvedAt != null && newest.postedAt.isAfter(incident.resolvedAt)) {
            incident.resolvedAt = null; // a post after the resolution reopens it
            changed = true;
        }
        return changed;
    }

    /** The newest time the vendor gave: its newest update, else its start (what "stale" is measured from). */
    private static boolean applyLastSpoke(Incident incident) {
        Instant spoke = incident.updates.isEmpty()
                ? incident.startedAt
                : incident.updates.get(incident.updates.size() - 1).postedAt;
        if (spoke == null) {
            spoke = incident.sortAt;
        }
        if (incident.startedAt != null && spoke.isBefore(incident.startedAt)) {
            spoke = incident.startedAt;
        }
        if (spoke.equals(incident.lastSpokeAt)) {
            return false;
        }
        incident.lastSpokeAt = spoke;
        return true;
    }

    private static boolean applySortTime(Incident incident) {
        Instant sortAt = incident.startedAt != null
                ? incident.startedAt
                : incident.updates.isEmpty() ? incident.detectedAt : incident.updates.get(0).postedAt;
        if (sortAt.equals(incident.sortAt)) {
            return false;
        }
        incident.sortAt = sortAt;
        return true;
    }

    /** How many updates a merge appended and how many stored ones it edited in place. */
    private record UpdatesMerged(int added, int edited) {}

    private UpdatesMerged mergeUpdates(Incident incident, Source source, ObservedIncident o, Instant now) {
        List<ObservedUpdate> incoming = new ArrayList<>(o.updates());
        incoming.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsLast(Comparator.naturalOrder())));
        Set<IncidentUpdate> matched = new HashSet<>();
        int added = 0;
        int edited = 0;
        boolean reorder = false;
        for (ObservedUpdate u : incoming) {
            if (u.at() == null) {
                continue;
            }
            IncidentUpdate existing = findMatch(incident.updates, u, matched);
            if (existing == null) {
                IncidentUpdate update = new IncidentUpdate();
                update.incident = incident;
                update.source = source;
                update.firstSeenAt = now;
                copy(u, update);
                update.persist();
                incident.updates.add(update);
                Edits.sighted(update, source, u.at(), now);
                matched.add(update);
                added++;
                reorder = true;
            } else {
                matched.add(existing);
                Edits.sighted(existing, source, u.at(), now);
                boolean timeMoved = !u.at().equals(existing.postedAt);
                if (refresh(existing, source, u, now)) {
                    edited++;
                    reorder |= timeMoved;
                }
            }
        }
        if (reorder) {
            incident.updates.sort(
                    Comparator.comparing((IncidentUpdate u) -> u.postedAt).thenComparing(u -> u.id));
        }
        return new UpdatesMerged(added, edited);
    }

    /**
     * The stored update this observation is: the same vendor id, or, for formats without ids,
     * the same status within the same displayed minute (feeds print minutes, the API seconds).
     */
    private IncidentUpdate findMatch(List<IncidentUpdate> stored, ObservedUpdate u, Set<IncidentUpdate> taken) {
        if (u.vendorKey() != null) {
            for (IncidentUpdate s : stored) {
                if (u.vendorKey().equals(s.vendorKey)) {
                    return s;
                }
            }
        }
        Instant minute = u.at().truncatedTo(ChronoUnit.MINUTES);
        for (IncidentUpdate s : stored) {
            // Different ids match only on the same words: one post seen on two networks (a toot and its tweet).
            boolean keysCompatible = s.vendorKey == null
                    || u.vendorKey() == null
                    || sameWords(s.bodyText, u.text().plain());
            if (keysCompatible
                    && !taken.contains(s)
                    && s.status == u.status()
                    && s.postedAt.truncatedTo(ChronoUnit.MINUTES).equals(minute)) {
                return s;
            }
        }
        return null;
    }

    /** Updates a stored entry in place when the observation outranks what it holds and differs; true if it did. */
    private boolean refresh(IncidentUpdate s, Source source, ObservedUpdate u, Instant now) {
        if (!u.exactTime() && s.exactTime) {
            return false;
        }
        if (u.at().equals(s.postedAt)
                && Objects.equals(s.vendorKey == null ? u.vendorKey() : s.vendorKey, s.vendorKey)
                && u.status() == s.status
                && Objects.equals(u.vendorStatus(), s.vendorStatus)
                && u.exactTime() == s.exactTime
                && Objects.equals(u.text().html(), s.bodyHtml)
                && (u.createdAt() == null || u.createdAt().equals(s.createdAt))) {
            return false;
        }
        Edits.rewritten(s, source, u.text(), now);
        s.source = source;
        copy(u, s);
        return true;
    }

    private static boolean sameWords(String a, String b) {
        return a != null
                && b != null
                && !a.isBlank()
                && a.replaceAll("\\s+", " ")
                        .strip()
                        .equals(b.replaceAll("\\s+", " ").strip());
    }

    private static void copy(ObservedUpdate u, IncidentUpdate s) {
        if (u.vendorKey() != null && s.vendorKey == null) { // the first id an update was stored under stays its id
            s.vendorKey = u.vendorKey();
        }
        s.status = u.status();
        s.vendorStatus = u.vendorStatus();
        s.postedAt = u.at();
        s.exactTime = u.exactTime();
        if (u.createdAt() != null) {
            s.createdAt = u.createdAt();
        }
        s.bodyHtml = u.text().html();
        s.bodyText = u.text().plain();
    }
}
