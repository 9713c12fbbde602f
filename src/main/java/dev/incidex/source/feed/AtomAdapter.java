package dev.incidex.source.feed;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code atom} kind: a feed the user declared as Atom (Rome reads RSS bodies here too). */
@ApplicationScoped
public class AtomAdapter extends FeedAdapter {

    @Override
    public String kind() {
        return "atom";
    }
}
