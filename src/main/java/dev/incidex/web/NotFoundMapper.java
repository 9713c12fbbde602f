package dev.incidex.web;

import dev.incidex.UserInput;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unknown pages get a readable page; unknown API paths get the API's JSON error. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {

    /** What the API answers, in the words of its documentation. */
    static final String ENTRY_POINTS =
            "The API answers GET /api/vendors, /api/vendors/{slug}, /api/vendors/{slug}/incidents"
                    + " (and .csv), /api/incidents/{id} and /api/search?q=…, and POST /api/vendors; each is described in the"
                    + " OpenAPI document at /q/openapi and tried out in Swagger UI at /q/swagger-ui.";

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(NotFoundException e) {
        String message =
                e.getMessage() == null || e.getMessage().startsWith("HTTP 404") ? "No such page." : e.getMessage();
        if (ErrorAnswers.isApi(uri.getPath())) {
            // The API's own 404s (no such vendor or incident) carry their body already; this is a path that
            // matches no endpoint, so the answer lists those there are rather than the framework's words.
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 404);
            body.put("error", "There is no API endpoint at " + UserInput.quote(uri.getPath()) + ". " + ENTRY_POINTS);
            body.put("openapi", uri.getBaseUri().resolve("q/openapi").toString());
            return Response.status(404)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(body)
                    .build();
        }
        return Response.status(404)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Pages.Templates.notFound(message).render())
                .build();
    }
}
