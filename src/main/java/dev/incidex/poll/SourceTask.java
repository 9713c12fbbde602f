package dev.incidex.poll;

import dev.incidex.catalog.DocumentState;
import dev.incidex.source.SourceSettings;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A claimed source copied out of the database, so fetching runs on plain values outside any transaction.
 * {@code guarded}: a user added it, so every fetch goes through the address policy. {@code due}: when
 * its poll was due, which its next poll is counted from. {@code token}: the lease token every write of
 * this poll carries. {@code movedTo}: where the source was last seen to have moved, or null.
 */
record SourceTask(
        long id,
        String vendorSlug,
        String kind,
        SourceSettings settings,
        Map<String, DocumentState> documents,
        boolean guarded,
        Instant due,
        long token,
        String movedTo) {

    URI url() {
        return settings.url();
    }
}
