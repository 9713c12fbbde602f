package dev.incidex.api;

import dev.incidex.catalog.Vendor;
import dev.incidex.incident.IncidentQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** JSON for vendors and their incident history. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentApi {

    static final int MAX_LIMIT = 500;

    @Inject
    IncidentQueries queries;

    @Context
    UriInfo uri;

    @GET
    @Path("vendors")
    public List<VendorJson> vendors() {
        return Vendor.listByName().stream()
                .map(v -> VendorJson.of(v, queries.ongoingCount(v), uri.getBaseUri()))
                .toList();
    }

    @GET
    @Path("vendors/{slug}")
    public VendorJson vendor(@PathParam("slug") String slug) {
        Vendor v = vendorOr404(slug);
        return VendorJson.of(v, queries.ongoingCount(v), uri.getBaseUri());
    }

    @GET
    @Path("vendors/{slug}/incidents")
    public List<IncidentJson> history(@PathParam("slug") String slug, @QueryParam("limit") @DefaultValue("100") String limit) {
        Vendor v = vendorOr404(slug);
        return queries.history(v, parseLimit(limit)).stream()
                .map(i -> IncidentJson.of(i, uri.getBaseUri(), false))
                .toList();
    }

    @GET
    @Path("incidents/{id}")
    public IncidentJson incident(@PathParam("id") String id) {
        long parsed;
        try {
            parsed = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "incident id must be a number, got '" + id + "'");
        }
        return queries.incident(parsed)
                .map(i -> IncidentJson.of(i, uri.getBaseUri(), true))
                .orElseThrow(() -> ApiError.notFound("no incident " + parsed));
    }

    private static Vendor vendorOr404(String slug) {
        return Vendor.findBySlug(slug).orElseThrow(() -> ApiError.notFound("no vendor '" + slug + "'"));
    }

    private static int parseLimit(String limit) {
        try {
            int n = Integer.parseInt(limit.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiError.of(Response.Status.BAD_REQUEST, "limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
    }
}
