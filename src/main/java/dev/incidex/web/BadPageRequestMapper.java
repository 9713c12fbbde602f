package dev.incidex.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Renders a {@link BadPageRequest} as a readable 400 page. */
@Provider
public class BadPageRequestMapper implements ExceptionMapper<BadPageRequest> {

    @Override
    public Response toResponse(BadPageRequest e) {
        return Response.status(400)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Pages.Templates.badRequest(e.getMessage()).render())
                .build();
    }
}
