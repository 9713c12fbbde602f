package dev.incidex.feed;

import dev.incidex.catalog.Vendor;
import dev.incidex.incident.Incident;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The outgoing RSS and Atom feeds: all incidents (optionally filtered), one vendor's, one incident's. */
@Path("/")
public class FeedResource {

    @Inject
    Feeds feeds;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @GET
    @Path("feeds/incidents.{format: rss|atom}")
    public Response incidents(@PathParam("format") String format, @QueryParam("vendor") List<String> vendors,
            @QueryParam("impact") String impact, @QueryParam("component") List<String> components,
            @QueryParam("maintenance") String maintenance) {
        Set<String> slugs = new LinkedHashSet<>();
        for (String slug : vendors) {
            String s = slug.strip();
            if (!s.isEmpty() && Vendor.findBySlug(s).isEmpty()) {
                throw badRequest("unknown vendor '" + s + "'");
            }
            if (!s.isEmpty()) {
                slugs.add(s);
            }
        }
        Impact minimum = minimumImpact(impact);
        boolean withMaintenance = flag("maintenance", maintenance);
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
        Incident incident = parseId(id).flatMap(FeedResource::incidentWithVendor)
                .filter(i -> i.vendor.slug.equals(slug))
                .orElseThrow(() -> new NotFoundException("incident " + id + " of " + slug + " not found"));
        FeedHead head = new FeedHead("Incidex: " + incident.vendor.name + ": " + incident.title,
                "Every update to this " + incident.vendor.name + " incident, newest first.",
                "/vendors/" + slug + "/incidents/" + incident.id, incident.changedAt);
        return feeds.answer(uri, request, FeedFormat.fromExtension(format), head, Selection.incident(incident.id), incident.changedAt);
    }

    /** none|minor|major|critical, or null when not given. */
    public static Impact minimumImpact(String word) {
        if (word == null || word.isBlank()) {
            return null;
        }
        Impact impact = Impact.fromCode(word);
        if (impact == null || impact == Impact.MAINTENANCE) {
            throw badRequest("impact must be one of none, minor, major, critical (got '" + word.strip() + "')");
        }
        return impact;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw badRequest(name + " must be true or false (got '" + value.strip() + "')");
    }

    static WebApplicationException badRequest(String message) {
        return new WebApplicationException(message, Response.status(400).type(MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8"))
                .entity(message + "\n").build());
    }

    private static java.util.Optional<Incident> incidentWithVendor(long id) {
        return Incident.<Incident>find("select i from Incident i join fetch i.vendor where i.id = ?1", id).singleResultOptional();
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
