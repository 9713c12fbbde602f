package dev.incidex.feed;

import dev.incidex.ReadsReplica;
import dev.incidex.catalog.Vendor;
import dev.incidex.incident.HistoryFilter;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentQueries;
import dev.incidex.incident.Selection;
import dev.incidex.model.Impact;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The outgoing RSS and Atom feeds: all incidents (optionally filtered), one vendor's, one incident's. */
@ReadsReplica
@Path("/")
public class FeedResource {

    /** How many matching incidents a search feed follows: the search page's first page. */
    static final int SEARCH_INCIDENTS = 50;

    @Inject
    Feeds feeds;

    @Inject
    IncidentQueries incidents;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @GET
    @Path("feeds/incidents.{format: rss|atom}")
    public Response incidents(
            @PathParam("format") String format,
            @QueryParam("vendor") List<String> vendors,
            @QueryParam("impact") String impact,
            @QueryParam("component") List<String> components,
            @QueryParam("maintenance") String maintenance) {
        Set<String> slugs;
        Impact minimum;
        boolean withMaintenance;
        try {
            slugs = HistoryFilter.slugs(vendors);
            minimum = HistoryFilter.minimumImpact("impact", impact);
            withMaintenance = HistoryFilter.flag("maintenance", maintenance);
        } catch (HistoryFilter.BadParameter e) {
            throw badRequest(e.getMessage());
        }
        for (String slug : slugs) {
            if (Vendor.findBySlug(slug).isEmpty()) {
                throw badRequest("unknown vendor " + dev.incidex.UserInput.quote(slug));
            }
        }
        Selection selection = Selection.filter(slugs, Set.copyOf(components), minimum, withMaintenance);
        String what = slugs.isEmpty() ? "all vendors" : String.join(", ", slugs);
        if (minimum != null) {
            what += ", impact " + minimum.label().toLowerCase(Locale.ROOT) + " or worse";
        }
        if (!selection.components().isEmpty()) {
            what += ", components "
                    + String.join(", ", components.stream().map(String::strip).toList());
        }
        FeedHead head = new FeedHead(
                "Incidex: incidents (" + what + ")",
                "Every update to incidents of " + what + ", newest first.",
                "/",
                Instant.EPOCH);
        return feeds.answer(uri, request, FeedFormat.fromExtension(format), head, selection, null);
    }

    /** A search as a feed: every update of the newest incidents the search finds, as the search page lists them. */
    @GET
    @Path("feeds/search.{format: rss|atom}")
    public Response search(@PathParam("format") String format, @QueryParam("q") String q) {
        HistoryFilter filter;
        try {
            filter = HistoryFilter.parse(
                    null,
                    new HistoryFilter.Params(null, null, List.of(), List.of(), null, q),
                    java.time.ZoneOffset.UTC);
        } catch (HistoryFilter.BadParameter e) {
            throw badRequest(e.getMessage());
        }
        if (filter.text() == null) {
            throw badRequest(
                    "'q' is missing: a search feed needs the words to search for, e.g. /feeds/search.rss?q=login");
        }
        Set<Long> ids = incidents.history(filter, null, SEARCH_INCIDENTS).incidents().stream()
                .map(i -> i.id)
                .collect(java.util.stream.Collectors.toSet());
        FeedHead head = new FeedHead(
                "Incidex: incidents matching “" + filter.text() + "”",
                "Every update to the newest " + SEARCH_INCIDENTS + " incidents matching “" + filter.text()
                        + "”, newest first.",
                "/search?q=" + java.net.URLEncoder.encode(filter.text(), java.nio.charset.StandardCharsets.UTF_8),
                Instant.EPOCH);
        return feeds.answer(
                uri,
                request,
                FeedFormat.fromExtension(format),
                head,
                new Selection(false, Set.of(), Set.of(), null, true, ids),
                null);
    }

    @GET
    @Path("vendors/{slug}/feed.{format: rss|atom}")
    public Response vendor(@PathParam("slug") String slug, @PathParam("format") String format) {
        Vendor vendor =
                Vendor.findBySlug(slug).orElseThrow(() -> new NotFoundException("vendor " + slug + " not found"));
        FeedHead head = new FeedHead(
                "Incidex: " + vendor.name + " incidents",
                "Every update to " + vendor.name + "'s incidents, newest first.",
                "/vendors/" + vendor.slug,
                vendor.createdAt);
        return feeds.answer(uri, request, FeedFormat.fromExtension(format), head, Selection.vendor(vendor.slug), null);
    }

    @GET
    @Path("vendors/{slug}/incidents/{id}/feed.{format: rss|atom}")
    public Response incident(
            @PathParam("slug") String slug, @PathParam("id") String id, @PathParam("format") String format) {
        Incident incident = parseId(id)
                .flatMap(incidents::incident)
                .filter(i -> i.vendor.slug.equalsIgnoreCase(slug))
                .orElseThrow(() -> new NotFoundException("incident " + id + " of " + slug + " not found"));
        FeedHead head = new FeedHead(
                "Incidex: " + incident.vendor.name + ": " + incident.title,
                "Every update to this " + incident.vendor.name + " incident, newest first.",
                "/vendors/" + incident.vendor.slug + "/incidents/" + incident.id,
                incident.changedAt);
        return feeds.answer(
                uri,
                request,
                FeedFormat.fromExtension(format),
                head,
                Selection.incident(incident.id),
                incident.changedAt);
    }

    static WebApplicationException badRequest(String message) {
        return new WebApplicationException(
                message,
                Response.status(400)
                        .type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                        .entity(message + "\n")
                        .build());
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
