package dev.incidex.incident;

/**
 * An update, with its incident and vendor loaded, and its 1-based place in the incident's
 * timeline (the {@code #update-N} anchor of the incident page): one item of an outgoing feed.
 */
public record NumberedUpdate(IncidentUpdate update, int position) {}
