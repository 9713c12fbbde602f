package dev.incidex.source.feed;

import dev.incidex.source.support.JsonDocuments;
import java.net.URI;
import java.util.List;

/**
 * A hosted status-page platform read through its public feed, with Rome, as the {@code rss}/{@code atom} kinds
 * read any feed (status from each item's words, bracketed labels first). A catalog URL that already names a
 * feed ({@code …/atom.xml}, {@code …/feed}, {@code …/rss}) is read as it is; a page URL gets the platform's feed path.
 */
abstract class HostedFeedAdapter extends FeedAdapter {

    /** The feed under a page's base URL, or null when the platform has no known path and the URL must be the feed. */
    abstract String feedPath();

    @Override
    public List<URI> documents(URI sourceUrl) {
        String path = sourceUrl.getPath() == null ? "" : sourceUrl.getPath().toLowerCase(java.util.Locale.ROOT);
        boolean feed = path.matches(".*(\\.xml|\\.rss|\\.atom|/feed|/rss|/atom)/?$");
        return List.of(!feed && feedPath() != null ? JsonDocuments.under(sourceUrl, feedPath()) : sourceUrl);
    }
}
