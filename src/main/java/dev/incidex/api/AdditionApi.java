package dev.incidex.api;

import dev.incidex.discovery.VendorAdditions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where an addition that answered 202 stands: still detecting, added, or failed and why. */
@Path("/api/additions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vendors")
public class AdditionApi {

    /**
     * One addition of a vendor by URL.
     *
     * @param state pending, added or failed
     * @param check this addition's own link, to ask again
     * @param vendor the vendor's API link once added
     * @param status with a failure, the HTTP status adding would have answered (400, 409, 422, 504)
     */
    public record AdditionJson(
            String url, String state, Instant startedAt, String check, String vendor, Integer status, String error) {

        static AdditionJson of(VendorAdditions.Addition a, URI base) {
            return new AdditionJson(
                    a.url(),
                    a.state().name().toLowerCase(Locale.ROOT),
                    a.startedAt(),
                    base.resolve("api/additions/" + a.id()).toString(),
                    a.state() == VendorAdditions.State.ADDED
                            ? base.resolve("api/vendors/" + a.slug()).toString()
                            : null,
                    a.state() == VendorAdditions.State.FAILED ? a.status() : null,
                    a.error());
        }
    }

    @Inject
    VendorAdditions additions;

    @Context
    UriInfo uri;

    @GET
    @Path("{id}")
    @Operation(summary = "Where adding a vendor stands (the Location of a 202 from POST /api/vendors)")
    @APIResponse(
            responseCode = "200",
            description = "pending, added (with the vendor's link) or failed (with status and error)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdditionJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such addition (they are remembered for the last 1 000)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    public AdditionJson addition(@PathParam("id") String id) {
        return additions
                .find(id)
                .map(a -> AdditionJson.of(a, uri.getBaseUri()))
                .orElseThrow(() -> ApiError.notFound("no addition " + dev.incidex.UserInput.quote(id)));
    }
}
