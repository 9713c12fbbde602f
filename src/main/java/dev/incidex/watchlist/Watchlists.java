package dev.incidex.watchlist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.InstantSource;
import java.util.Optional;

/** Creates, edits and deletes watchlists: the only code that writes them. */
@ApplicationScoped
public class Watchlists {

    @Inject
    InstantSource clock;

    /** @throws WatchlistInput.Invalid when the form is wrong; nothing is stored then */
    @Transactional
    public Watchlist create(WatchlistInput input) {
        Watchlist watchlist = new Watchlist();
        input.applyTo(watchlist);
        watchlist.token = WatchlistTokens.next();
        watchlist.createdAt = clock.instant();
        watchlist.updatedAt = watchlist.createdAt;
        watchlist.persist();
        return watchlist;
    }

    /** Empty when no watchlist has that token. */
    @Transactional
    public Optional<Watchlist> update(String token, WatchlistInput input) {
        return Watchlist.findByToken(token).map(w -> {
            input.applyTo(w);
            w.updatedAt = clock.instant();
            return w;
        });
    }

    /** False when no watchlist has that token. */
    @Transactional
    public boolean delete(String token) {
        return Watchlist.findByToken(token)
                .map(w -> {
                    w.delete();
                    return true;
                })
                .orElse(false);
    }
}
