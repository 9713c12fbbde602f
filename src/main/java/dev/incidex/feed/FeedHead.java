package dev.incidex.feed;

import java.time.Instant;

/**
 * What a feed says about itself.
 *
 * @param title the channel / feed title
 * @param description a sentence on what it carries
 * @param pagePath the HTML page it mirrors, e.g. {@code /vendors/inky}
 * @param emptyUpdated the feed's "updated" while it has no items (Atom requires one; it must not be "now", or every poll would differ)
 */
public record FeedHead(String title, String description, String pagePath, Instant emptyUpdated) {}
