package dev.incidex.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A 4xx with a JSON body that says what was wrong: {@code {"status":404,"error":"…"}}. */
public final class ApiError {

    /** The JSON body of every API error. */
    public record Body(int status, String error) {}

    private ApiError() {}

    public static WebApplicationException of(Response.Status status, String message) {
        return new WebApplicationException(
                message,
                Response.status(status)
                        .type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(new Body(status.getStatusCode(), message))
                        .build());
    }

    public static WebApplicationException notFound(String message) {
        return of(Response.Status.NOT_FOUND, message);
    }
}
