package dev.incidex.feed;

import dev.incidex.IncidexConfig;
import dev.incidex.KeptRenders;
import dev.incidex.incident.IncidentQueries;
import dev.incidex.incident.NumberedUpdate;
import dev.incidex.incident.Selection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Serves one feed request: reads the selection's newest updates, writes the feed, answers with validators. */
@ApplicationScoped
public class Feeds {

    @Inject
    IncidentQueries queries;

    @Inject
    FeedWriter writer;

    @Inject
    IncidexConfig config;

    @Inject
    RenderedFeeds rendered;

    /**
     * @param alsoModified a change the items do not show (an edited watchlist, an incident with no
     *     updates yet) that must still move Last-Modified, or null
     */
    public Response answer(
            UriInfo uri, Request request, FeedFormat format, FeedHead head, Selection selection, Instant alsoModified) {
        String self = uri.getRequestUri().getRawPath()
                + (uri.getRequestUri().getRawQuery() == null
                        ? ""
                        : "?" + uri.getRequestUri().getRawQuery());
        String key = format + " " + uri.getBaseUri() + " " + self + " " + head + " " + selection;
        KeptRenders.Rendered feed = rendered.get(key, queries.stamp(selection), () -> {
            List<NumberedUpdate> items =
                    queries.newestUpdates(selection, config.feed().maxItems());
            byte[] body = writer.write(format, head, items, uri.getBaseUri(), self);
            Instant modified = items.stream()
                    .map(i -> i.update().incident.changedAt)
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            return new KeptRenders.Rendered(body, KeptRenders.etag(body), modified);
        });
        Instant modified = feed.lastModified();
        if (alsoModified != null && (modified == null || alsoModified.isAfter(modified))) {
            modified = alsoModified;
        }
        return FeedResponses.answer(request, format, feed.body(), feed.etag(), modified);
    }
}
