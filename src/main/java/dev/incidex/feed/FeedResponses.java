package dev.incidex.feed;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Answers a feed request with validators: an ETag that is a hash of the written feed (so any
 * change to an item's id or content changes it) and Last-Modified, and a 304 to a reader that
 * already has this version.
 */
public final class FeedResponses {

    private FeedResponses() {}

    /** @param lastModified when the newest thing the feed shows changed, or null when it shows nothing */
    public static Response answer(
            Request request, FeedFormat format, byte[] body, String bodyEtag, Instant lastModified) {
        EntityTag etag = new EntityTag(bodyEtag);
        // HTTP dates carry whole seconds: compare in seconds, or If-Modified-Since never matches.
        Date modified = lastModified == null ? null : Date.from(lastModified.truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder notModified =
                modified == null ? request.evaluatePreconditions(etag) : request.evaluatePreconditions(modified, etag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body, format.mediaType());
        answer.tag(etag).header("Cache-Control", "no-cache");
        if (modified != null) {
            answer.lastModified(modified);
        }
        return answer.build();
    }
}
