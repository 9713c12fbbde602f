package dev.incidex.source;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Builds fetched documents from the shared fixtures or from inline strings. */
public final class Fixtures {

    /** The fixtures' "as of" time (fixtures/README.md). */
    public static final Instant POLLED = Instant.parse("2023-03-30T13:00:00Z");

    private Fixtures() {}

    public static FetchedDocument file(String name, String url, String contentType) {
        return new FetchedDocument(URI.create(url), contentType, dev.incidex.testing.Fixtures.bytes(name), POLLED);
    }

    /** A fixture fetched for a source with settings (a zone for zone-less dates), received at {@code receivedAt}. */
    public static FetchedDocument file(
            String name, String url, String contentType, SourceSettings settings, Instant receivedAt) {
        FetchedDocument d = file(name, url, contentType);
        return new FetchedDocument(d.url(), d.contentType(), d.body(), receivedAt, settings);
    }

    public static FetchedDocument text(String body, String url, String contentType) {
        return new FetchedDocument(URI.create(url), contentType, body.getBytes(StandardCharsets.UTF_8), POLLED);
    }
}
