package dev.incidex.api;

import dev.incidex.ReadsReplica;
import dev.incidex.incident.IncidentLinks;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One incident with its timeline of updates. */
@ReadsReplica
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "incidents")
public class IncidentApi {

    @Inject
    IncidentQueries queries;

    @Inject
    IncidentLinks links;

    @Context
    UriInfo uri;

    @GET
    @Path("{id}")
    @Operation(summary = "One incident with its updates, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The incident, with `updates`",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IncidentJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "The id is not a number",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(
            responseCode = "404",
            description = "No incident with this id",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    public IncidentJson incident(
            @PathParam("id") @Parameter(description = "The incident's id, as in the history", example = "42")
                    String id) {
        long parsed;
        try {
            parsed = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiError.of(
                    Response.Status.BAD_REQUEST,
                    "incident id must be a number, got " + dev.incidex.UserInput.quote(id));
        }
        return queries.incident(parsed)
                .map(i -> IncidentJson.of(i, uri.getBaseUri(), links.of(i)))
                .orElseThrow(() -> ApiError.notFound("no incident " + parsed));
    }
}
