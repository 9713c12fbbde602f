package dev.incidex.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Slugs are lower-case, and people type "/vendors/GitHub": the vendor is found in any case, and its
 * page answers at one address only, so bookmarks, links and search engines all end on the same URL.
 */
final class CanonicalSlug {

    private CanonicalSlug() {}

    /**
     * Moves the request permanently (301) to {@code canonicalPath}, query kept, unless the slug was
     * typed as stored.
     */
    static void require(String typed, String slug, String canonicalPath, UriInfo uri) {
        if (slug.equals(typed)) {
            return;
        }
        URI target = uri.getRequestUriBuilder().replacePath(canonicalPath).build();
        throw new WebApplicationException(Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(target)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Moved to " + target + "\n")
                .build());
    }
}
