package dev.incidex.source.feed;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code statuscast} kind: a StatusCast-hosted page's RSS feed; the catalog URL is the feed (StatusCast's REST API needs a token). */
@ApplicationScoped
public class StatusCastAdapter extends HostedFeedAdapter {

    @Override
    public String kind() {
        return "statuscast";
    }

    @Override
    String feedPath() {
        return null;
    }
}
