package dev.incidex.model;

import java.time.Instant;
import java.util.List;

/**
 * One incident or maintenance as one document shows it: what an adapter returns and the merge
 * folds into the stored timeline. Anything a format does not carry is null (or empty).
 *
 * @param vendorKey the vendor's own id, the same in every source of that vendor (a Statuspage
 *     incident's code whether read from JSON, RSS or Atom), so observations of one incident meet
 * @param title the incident's title
 * @param impact how bad it is, or null when the document does not say (feeds)
 * @param status the current status, or null to take it from the newest update
 * @param vendorStatus the vendor's own status word
 * @param maintenance true for planned maintenance
 * @param startedAt when it started
 * @param resolvedAt when it was resolved, or null while open
 * @param scheduledFor start of a maintenance window
 * @param scheduledUntil end of a maintenance window
 * @param exactTimes true when started/resolved carry seconds
 * @param url the vendor's own page for it
 * @param components names of affected components
 * @param updates its timeline, in any order
 * @param posts set when the incident was assembled from an account's posts, null otherwise
 * @param warnings what the adapter had to drop or guess while reading this record, shown on the
 *     source; a record without a {@code vendorKey} cannot be stored, and its warnings say why
 * @param keyMayChurn true when the format gives no id that is sure to stay put (a generic feed item,
 *     whose GUID, link and date some vendors change on every poll): the merge then also knows the
 *     record by its title, so churn never makes a second incident
 */
public record ObservedIncident(
        String vendorKey,
        String title,
        Impact impact,
        IncidentStatus status,
        String vendorStatus,
        boolean maintenance,
        Instant startedAt,
        Instant resolvedAt,
        Instant scheduledFor,
        Instant scheduledUntil,
        boolean exactTimes,
        String url,
        List<String> components,
        List<ObservedUpdate> updates,
        Posts posts,
        List<String> warnings,
        boolean keyMayChurn) {

    public ObservedIncident {
        components = components == null ? List.of() : List.copyOf(components);
        updates = updates == null ? List.of() : List.copyOf(updates);
        if (posts == null) {
            // Every adapter's reading passes the one rule for start and resolution (see Timeline).
            List<Timeline.Step> steps = updates.stream()
                    .map(u -> new Timeline.Step(u.status(), u.at()))
                    .toList();
            startedAt = Timeline.start(startedAt, status, maintenance, scheduledFor, steps);
            Timeline.Resolution r = Timeline.resolution(status, resolvedAt, maintenance, startedAt, steps);
            status = r.status();
            resolvedAt = r.resolvedAt();
        }
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** An incident as most adapters read it: nothing had to be dropped or guessed. */
    public ObservedIncident(
            String vendorKey,
            String title,
            Impact impact,
            IncidentStatus status,
            String vendorStatus,
            boolean maintenance,
            Instant startedAt,
            Instant resolvedAt,
            Instant scheduledFor,
            Instant scheduledUntil,
            boolean exactTimes,
            String url,
            List<String> components,
            List<ObservedUpdate> updates,
            Posts posts) {
        this(
                vendorKey,
                title,
                impact,
                status,
                vendorStatus,
                maintenance,
                startedAt,
                resolvedAt,
                scheduledFor,
                scheduledUntil,
                exactTimes,
                url,
                components,
                updates,
                posts,
                List.of(),
                false);
    }

    /** An incident read from a status page or feed: it names itself by its key, with its own times. */
    public ObservedIncident(
            String vendorKey,
            String title,
            Impact impact,
            IncidentStatus status,
            String vendorStatus,
            boolean maintenance,
            Instant startedAt,
            Instant resolvedAt,
            Instant scheduledFor,
            Instant scheduledUntil,
            boolean exactTimes,
            String url,
            List<String> components,
            List<ObservedUpdate> updates) {
        this(
                vendorKey,
                title,
                impact,
                status,
                vendorStatus,
                maintenance,
                startedAt,
                resolvedAt,
                scheduledFor,
                scheduledUntil,
                exactTimes,
                url,
                components,
                updates,
                null);
    }

    /**
     * A record of the document that could not be read (a date no rule reads, say): the merge stores
     * nothing for it and shows {@code why} on the source, while the document's other records are stored.
     */
    public static ObservedIncident skipped(String why) {
        return new ObservedIncident(
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                List.of(why),
                false);
    }

    /**
     * How precisely this record names the incident's title and impact: an exact-time record is the vendor's
     * API, field by field; one with minute times is printed for people (feeds, history pages, widgets);
     * posts only guess.
     */
    public Precision precision() {
        return posts != null ? Precision.GUESSED : exactTimes ? Precision.STATED : Precision.PRINTED;
    }

    /** This record with one more warning. */
    public ObservedIncident withWarning(String warning) {
        List<String> all = new java.util.ArrayList<>(warnings);
        all.add(warning);
        return new ObservedIncident(
                vendorKey,
                title,
                impact,
                status,
                vendorStatus,
                maintenance,
                startedAt,
                resolvedAt,
                scheduledFor,
                scheduledUntil,
                exactTimes,
                url,
                components,
                updates,
                posts,
                all,
                keyMayChurn);
    }

    /** This record, known to the merge by its title as well as by its key (see {@code keyMayChurn}). */
    public ObservedIncident withChurningKey() {
        return new ObservedIncident(
                vendorKey,
                title,
                impact,
                status,
                vendorStatus,
                maintenance,
                startedAt,
                resolvedAt,
                scheduledFor,
                scheduledUntil,
                exactTimes,
                url,
                components,
                updates,
                posts,
                warnings,
                true);
    }

    /**
     * How an incident assembled from posts meets the stored ones. A poll with {@code since_id} sees only
     * the new posts, so besides its key the merge also finds the incident through the posts these reply
     * to, or as the source's open incident posted to shortly before; and its start, end and title come
     * from the stored timeline, since one poll sees only part of it.
     *
     * @param replyTo ids of posts these posts reply to: a stored incident holding one of them as an update is this one
     * @param joinOpenWithin join the source's open incident whose newest update is at most this much older; null: never
     * @param mayOpen false when these posts only continue an incident and must not open one (no incident id, no thread)
     */
    public record Posts(List<String> replyTo, java.time.Duration joinOpenWithin, boolean mayOpen) {
        public Posts {
            replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
        }
    }
}
