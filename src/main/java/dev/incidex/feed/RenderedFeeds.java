package dev.incidex.feed;

import dev.incidex.IncidexConfig;
import dev.incidex.KeptRenders;
import dev.incidex.ReadReplica;
import dev.incidex.incident.IncidentQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Feeds as last written, reused until what they show changes ({@link KeptRenders}): feed readers poll the same few
 * feeds over and over, while a feed's stamp is one aggregate. Feeds have their own byte budget.
 */
@ApplicationScoped
public class RenderedFeeds {

    @Inject
    IncidexConfig config;

    /** The byte budget; a test sets its own. */
    LongSupplier budget = () -> config.feed().cacheBytes();

    @Inject
    ReadReplica replica;

    /** The database the request reads; a test sets its own. */
    Supplier<String> database = () -> replica.readFrom();

    private final KeptRenders kept = new KeptRenders(() -> budget.getAsLong(), () -> database.get());

    /**
     * The feed for {@code key} (everything its bytes depend on besides the data: format, base URI, path and
     * query) under {@code stamp}: the kept one when the stamp is the same, else a new one from {@code write}.
     */
    public KeptRenders.Rendered get(String key, IncidentQueries.Stamp stamp, Supplier<KeptRenders.Rendered> write) {
        return kept.get(key, stamp, write);
    }
}
