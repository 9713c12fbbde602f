package dev.incidex.source.feed;

import dev.incidex.source.support.JsonDocuments;

import java.net.URI;
import java.util.List;

/**
 * A hosted status-page platform read through its public feed, with Rome, as the {@code rss}/{@code atom} kinds
 * read any feed (status from each item's words, bracketed labels first). A catalog URL that is a bare page
 * (no path) gets the platform's feed path; one with a path is taken as the feed itself.
 */
abstract class HostedFeedAdapter extends FeedAdapter {

    /** The feed under a page's base URL, or null when the platform has no known path and the URL must be the feed. */
    abstract String feedPath();

    @Override
    public List<URI> documents(URI sourceUrl) {
        String path = sourceUrl.getPath();
        boolean bare = path == null || path.isEmpty() || path.equals("/");
        return List.of(bare && feedPath() != null ? JsonDocuments.under(sourceUrl, feedPath()) : sourceUrl);
    }
}
