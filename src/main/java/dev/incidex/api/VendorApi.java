package dev.incidex.api;

import dev.incidex.catalog.Vendor;
import dev.incidex.discovery.DiscoveryException;
import dev.incidex.discovery.VendorRegistration;
import dev.incidex.incident.IncidentQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** JSON for vendors: the list, one vendor, its incident history, and adding one by URL. */
@Path("/api/vendors")
@Produces(MediaType.APPLICATION_JSON)
public class VendorApi {

    /** The body of {@code POST /api/vendors}: a status page, feed or social profile URL. */
    public record AddVendor(String url) {}

    /** A conflict names the vendor that already has the source. */
    public record Conflict(int status, String error, String existingVendor) {}

    @Inject
    IncidentQueries queries;

    @Inject
    VendorRegistration registration;

    @Context
    UriInfo uri;

    @GET
    public List<VendorJson> vendors() {
        return Vendor.listByName().stream()
                .map(v -> VendorJson.of(v, queries.ongoingCount(v), uri.getBaseUri()))
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(AddVendor body) {
        if (body == null || body.url() == null || body.url().isBlank()) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "send {\"url\": \"…\"} with a status page, feed or social profile URL");
        }
        VendorRegistration.Added added;
        try {
            added = registration.add(body.url());
        } catch (DiscoveryException e) {
            throw error(e);
        }
        Vendor v = Vendor.findBySlug(added.slug()).orElseThrow();
        return Response.created(uri.getBaseUri().resolve("vendors/" + v.slug))
                .entity(VendorJson.of(v, queries.ongoingCount(v), uri.getBaseUri()))
                .build();
    }

    @GET
    @Path("{slug}")
    public VendorJson vendor(@PathParam("slug") String slug) {
        Vendor v = vendorOr404(slug);
        return VendorJson.of(v, queries.ongoingCount(v), uri.getBaseUri());
    }

    @GET
    @Path("{slug}/incidents")
    public List<IncidentJson> history(@PathParam("slug") String slug, @QueryParam("limit") @DefaultValue("100") String limit) {
        Vendor v = vendorOr404(slug);
        return queries.history(v, IncidentApi.parseLimit(limit)).stream()
                .map(i -> IncidentJson.of(i, uri.getBaseUri(), false))
                .toList();
    }

    private static Vendor vendorOr404(String slug) {
        return Vendor.findBySlug(slug).orElseThrow(() -> ApiError.notFound("no vendor '" + slug + "'"));
    }

    private static WebApplicationException error(DiscoveryException e) {
        if (e.existingSlug() != null) {
            return new WebApplicationException(e.getMessage(), Response.status(e.status())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new Conflict(e.status(), e.getMessage(), e.existingSlug()))
                    .build());
        }
        // 422 has no Response.Status constant, so the body is built here rather than by ApiError.of.
        return new WebApplicationException(e.getMessage(), Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError.Body(e.status(), e.getMessage()))
                .build());
    }
}
