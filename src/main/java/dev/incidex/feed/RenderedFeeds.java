package dev.incidex.feed;

import dev.incidex.IncidexConfig;
import dev.incidex.incident.IncidentQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Feeds as last written, reused until what they show changes. Feed readers poll the same few feeds over
 * and over; writing one means loading its updates and serializing XML, while its stamp is one aggregate.
 * Least recently used feeds go first once the byte budget is spent. Each instance keeps its own: the
 * stamp comes from the shared database, so an instance never serves a feed another instance has changed.
 */
@ApplicationScoped
public class RenderedFeeds {

    /** A written feed: its body, the ETag of that body, and when what it shows last changed. */
    public record Rendered(byte[] body, String etag, Instant lastModified) {}

    private record Kept(IncidentQueries.Stamp stamp, Rendered feed) {}

    @Inject
    IncidexConfig config;

    /** The byte budget; a test sets its own. */
    java.util.function.LongSupplier budget = () -> config.feed().cacheBytes();

    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /**
     * The feed for {@code key} (everything its bytes depend on besides the data: format, base URI, path and
     * query) under {@code stamp}: the kept one when the stamp is the same, else a new one from {@code write}.
     */
    public Rendered get(String key, IncidentQueries.Stamp stamp, Supplier<Rendered> write) {
        synchronized (this) {
            Kept k = kept.get(key);
            if (k != null && k.stamp().equals(stamp)) {
                return k.feed();
            }
        }
        Rendered feed = write.get();
        long budget = this.budget.getAsLong();
        if (feed.body().length <= budget / 4) {
            synchronized (this) {
                Kept old = kept.put(key, new Kept(stamp, feed));
                bytes += feed.body().length - (old == null ? 0 : old.feed().body().length);
                Iterator<Kept> eldest = kept.values().iterator();
                while (bytes > budget && eldest.hasNext()) {
                    bytes -= eldest.next().feed().body().length;
                    eldest.remove();
                }
            }
        }
        return feed;
    }
}
