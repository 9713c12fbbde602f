package dev.incidex.source.feed;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code statuscake} kind: a StatusCake public status page's RSS feed; the catalog URL is the feed. */
@ApplicationScoped
public class StatusCakeAdapter extends HostedFeedAdapter {

    @Override
    public String kind() {
        return "statuscake";
    }

    @Override
    String feedPath() {
        return null;
    }
}
