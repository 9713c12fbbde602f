package dev.incidex.source.feed;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code rss} kind: a feed the user declared as RSS (Rome reads Atom bodies here too). */
@ApplicationScoped
public class RssAdapter extends FeedAdapter {

    @Override
    public String kind() {
        return "rss";
    }
}
