package dev.incidex.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** The named outcomes of one conditional GET; none of them is an exception. */
public sealed interface FetchOutcome {

    URI url();

    /**
     * A 200 with its body and the validators for the next request.
     *
     * @param movedTo where the answer came from when the first answer was a permanent redirect (301/308) to another
     *     host, else null: the vendor moved, and the catalog should follow
     */
    record Fetched(
            URI url, String contentType, byte[] body, String etag, String lastModified, Instant receivedAt, URI movedTo)
            implements FetchOutcome {}

    /** A 304: the document is as it was; nothing to parse, nothing to write. */
    record NotModified(URI url) implements FetchOutcome {}

    /**
     * The document could not be had.
     *
     * @param message what went wrong, in words users read on the source's page
     * @param retryAfter how long the server asked us to wait, or null
     */
    record Failed(URI url, Problem problem, String message, Duration retryAfter) implements FetchOutcome {}

    /** Why a fetch failed. */
    enum Problem {
        NETWORK,
        TIMEOUT,
        HTTP_STATUS,
        RATE_LIMITED,
        TOO_LARGE,
        /** The URL (or a redirect) points where user-added sources may not go (see {@link AddressPolicy}). */
        REFUSED_ADDRESS
    }
}
