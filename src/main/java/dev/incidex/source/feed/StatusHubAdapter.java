package dev.incidex.source.feed;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code statushub} kind: a StatusHub-hosted page's RSS or Atom feed; the catalog URL is the feed (StatusHub's API needs a key). */
@ApplicationScoped
public class StatusHubAdapter extends HostedFeedAdapter {

    @Override
    public String kind() {
        return "statushub";
    }

    @Override
    String feedPath() {
        return null;
    }
}
