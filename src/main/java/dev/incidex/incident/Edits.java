package dev.incidex.incident;

import dev.incidex.catalog.Source;
import dev.incidex.model.VendorText;
import java.time.Instant;

/**
 * The merge's bookkeeping of provenance and edits: which sources carried each update and when, and
 * every earlier version of an update's text and of an incident's title. Kept apart from the merge's
 * matching rules, which decide what is the same update; this only records what it saw.
 */
final class Edits {

    private Edits() {}

    /** Records that {@code source} carried the update, showing it at {@code vendorAt}; writes only what is new. */
    static void sighted(IncidentUpdate update, Source source, Instant vendorAt, Instant now) {
        for (UpdateSighting s : update.sightings) {
            if (s.source.id.equals(source.id)) {
                if (vendorAt != null && !vendorAt.equals(s.vendorAt)) {
                    s.vendorAt = vendorAt;
                }
                return;
            }
        }
        UpdateSighting s = new UpdateSighting();
        s.update = update;
        s.source = source;
        s.vendorAt = vendorAt;
        s.firstSeenAt = now;
        s.persist();
        update.sightings.add(s);
    }

    /**
     * Keeps the text an update is about to lose, when the vendor rewrote it: the same source now
     * shows other words. Another source's rendering of the same update (the API's text replacing a
     * feed's) and a change of markup alone are not edits.
     */
    static void rewritten(IncidentUpdate update, Source source, VendorText text, Instant now) {
        boolean sameSource = update.source != null && update.source.id.equals(source.id);
        if (!sameSource || update.bodyText == null || words(update.bodyText).equals(words(text.plain()))) {
            return;
        }
        UpdateVersion v = new UpdateVersion();
        v.update = update;
        v.bodyHtml = update.bodyHtml;
        v.bodyText = update.bodyText;
        v.seenAt = update.currentTextSeenAt();
        v.replacedAt = now;
        v.persist();
        update.versions.add(v);
        update.textSeenAt = now;
    }

    /**
     * Keeps the title an incident is about to lose, unless it was only a post's first words standing in
     * until a source with titles (Graph, a status page) named the incident.
     */
    static void retitled(Incident incident, String newTitle, Instant now) {
        if (incident.title == null || incident.id == null || incident.title.equals(newTitle)) {
            return;
        }
        if (incident.titleFromPosts) {
            incident.titleFromPosts = false;
            incident.titleSeenAt = now;
            return;
        }
        TitleVersion v = new TitleVersion();
        v.incident = incident;
        v.title = incident.title;
        v.seenAt = incident.currentTitleSeenAt();
        v.replacedAt = now;
        v.persist();
        incident.titleVersions.add(v);
        incident.titleSeenAt = now;
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
