package dev.incidex.source.feed;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code freshstatus} kind: a Freshstatus page's feed; the catalog URL is the feed (Freshstatus's public API answers only its own front end). */
@ApplicationScoped
public class FreshstatusAdapter extends HostedFeedAdapter {

    @Override
    public String kind() {
        return "freshstatus";
    }

    @Override
    String feedPath() {
        return null;
    }
}
