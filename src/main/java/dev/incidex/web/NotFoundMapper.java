package dev.incidex.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Unknown pages get a readable page; unknown API paths get the API's JSON error. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(NotFoundException e) {
        String message =
                e.getMessage() == null || e.getMessage().startsWith("HTTP 404") ? "No such page." : e.getMessage();
        if (ErrorAnswers.isApi(uri.getPath())) {
            return Response.status(404)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("status", 404, "error", message))
                    .build();
        }
        return Response.status(404)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Pages.Templates.notFound(message).render())
                .build();
    }
}
