package dev.incidex.feed;

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
@Path("/")
public class FeedResource {

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
    public Response incidents(@PathParam("format") String format, @QueryParam("vendor") List<String> vendors,
            @QueryParam("impact") String impact, @QueryParam("component") List<String> components,
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
                throw badRequest("unknown vendor '" + slug + "'");
            }
        }
        Selection selection = Selection.filter(slugs, Set.copyOf(components), minimum, withMaintenance);
        String what = slugs.isEmpty() ? "all vendors" : String.join(", ", slugs);
        if (minimum != null) {
            what += ", impact " + minimum.label().toLowerCase(Locale.ROOT) + " or worse";
        }
        if (!selection.components().isEmpty()) {
            what += ", components " + String.join(", ", components.stream().map(String::strip).toList());
        }
        FeedHead head = new FeedHead("Incidex: incidents (" + what + ")",
                "Every update to incidents of " + what + ", newest first.", "/", Instant.EPOCH);
        return feeds.answer(uri, request, FeedFormat.fromExtension(format), head, selection, null);
    }

    @GET
    @Path("vendors/{slug}/feed.{format: rss|atom}")
    public Response vendor(@PathParam("slug") String slug, @PathParam("format") String format) {
        Vendor vendor = Vendor.findBySlug(slug).orElseThrow(() -> new NotFoundException("vendor " + slug + " not found"));
        FeedHead head = new FeedHead("Incidex: " + vendor.name + " incidents",
                "Every update to " + vendor.name + "'s incidents, newest first.", "/vendors/" + vendor.slug, vendor.createdAt);
        return feeds.answer(uri, request, FeedFormat.fromExtension(format), head, Selection.vendor(vendor.slug), null);
    }

    @GET
    @Path("vendors/{slug}/incidents/{id}/feed.{format: rss|atom}")
    public Response incident(@PathParam("slug") String slug, @PathParam("id") String id, @PathParam("format") String format) {
        Incident incident = parseId(id).flatMap(incidents::incident)
                .filter(i -> i.vendor.slug.equals(slug))
                .orElseThrow(() -> new NotFoundException("incident " + id + " of " + slug + " not found"));
        FeedHead head = new FeedHead("Incidex: " + incident.vendor.name + ": " + incident.title,
                "Every update to this " + incident.vendor.name + " incident, newest first.",
                "/vendors/" + slug + "/incidents/" + incident.id, incident.changedAt);
        return feeds.answer(uri, request, FeedFormat.fromExtension(format), head, Selection.incident(incident.id), incident.changedAt);
    }

    static WebApplicationException badRequest(String message) {
        return new WebApplicationException(message, Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .entity(message + "\n").build());
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
