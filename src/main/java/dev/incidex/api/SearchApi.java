package dev.incidex.api;

import dev.incidex.ReadsReplica;
import dev.incidex.incident.IncidentQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Search across every vendor's history: the words of titles and updates. */
@ReadsReplica
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class SearchApi {

    @Inject
    IncidentQueries queries;

    @Context
    UriInfo uri;

    @GET
    @Operation(
            summary = "Incidents of any vendor whose title or updates contain all the words of q, newest first",
            description =
                    "Case and accents are ignored; every word must match a whole word except the last, which may be the start"
                            + " of one (`data conn` finds \"database connection\"). Words of one character and a few very common words"
                            + " (the, and, of, …) are ignored. The history filters (from, to, impact, status, component) apply as well.")
    @APIResponse(
            responseCode = "200",
            description = "One page of matching incidents and the link to the next",
            headers = @Header(name = "Link", description = "<next page URL>; rel=\"next\", absent on the last page"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HistoryJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "q is missing or has no searchable word, or another parameter is malformed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    public Response search(@BeanParam HistoryQuery query) {
        if (query.q == null || query.q.isBlank()) {
            throw HistoryQuery.badRequest("q is required: the words to search for");
        }
        return HistoryResponses.json(queries.history(query.filter(null), query.cursor(), query.limit()), uri);
    }
}
