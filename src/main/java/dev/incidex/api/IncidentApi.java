package dev.incidex.api;

import dev.incidex.incident.IncidentQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** JSON for one incident; the vendor resources are in {@link VendorApi}. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentApi {

    static final int MAX_LIMIT = 500;

    @Inject
    IncidentQueries queries;

    @Context
    UriInfo uri;

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

    static int parseLimit(String limit) {
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
