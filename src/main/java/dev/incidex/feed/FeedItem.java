package dev.incidex.feed;

import dev.incidex.incident.IncidentUpdate;

/**
 * One feed item: an update, with its incident and vendor loaded, and its 1-based place in the
 * incident's timeline (the {@code #update-N} anchor of the incident page).
 */
public record FeedItem(IncidentUpdate update, int position) {}
