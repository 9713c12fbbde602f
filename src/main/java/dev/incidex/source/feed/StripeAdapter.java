package dev.incidex.source.feed;

import jakarta.enterprise.context.ApplicationScoped;

/** The {@code stripe} kind: Stripe's status page, whose feed is {@code /current/atom.xml} (its {@code /current} JSON carries only the present state, no incidents). */
@ApplicationScoped
public class StripeAdapter extends HostedFeedAdapter {

    @Override
    public String kind() {
        return "stripe";
    }

    @Override
    String feedPath() {
        return "/current/atom.xml";
    }
}
