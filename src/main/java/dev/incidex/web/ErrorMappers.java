package dev.incidex.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.incidex.DatabaseFaults;
import dev.incidex.UserInput;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every error is an answer in the app's own shape ({@link ErrorAnswers}): what the framework raises
 * by itself (405, 406, 415, a body that is not JSON, ...), an unreachable database (503 with
 * Retry-After, at once), and anything unforeseen (a 500 that says nothing of the insides).
 */
public final class ErrorMappers {

    private ErrorMappers() {}

    static String path(HttpServerRequest request) {
        return request == null ? "" : request.path();
    }

    /** The framework's own 4xx (and any WebApplicationException thrown without a body). */
    @Provider
    public static class Framework implements ExceptionMapper<WebApplicationException> {

        @Context
        HttpServerRequest request;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            if (original.hasEntity() || status < 400) {
                return original; // a redirect, or an error that already says what was wrong
            }
            if (status >= 500) {
                return unexpected(e, request);
            }
            String message = switch (status) {
                case 405 ->
                    "Method " + request.method() + " is not allowed here"
                            + (original.getHeaderString("Allow") == null
                                    ? "."
                                    : "; use " + original.getHeaderString("Allow") + ".");
                case 406 ->
                    "Cannot answer in the media type asked for (Accept: " + UserInput.quote(request.getHeader("Accept"))
                            + "); this answers "
                            + (ErrorAnswers.isApi(path(request)) ? "application/json." : "text/html.");
                case 415 ->
                    "The body's Content-Type " + UserInput.quote(request.getHeader("Content-Type"))
                            + " is not accepted here"
                            + (ErrorAnswers.isApi(path(request)) ? "; send application/json." : ".");
                default ->
                    e.getMessage() == null || e.getMessage().startsWith("HTTP " + status)
                            ? "The request cannot be answered (HTTP " + status + ")."
                            : UserInput.quote(e.getMessage());
            };
            Response answer = ErrorAnswers.of(path(request), status, message);
            return original.getHeaderString("Allow") == null
                    ? answer
                    : Response.fromResponse(answer)
                            .header("Allow", original.getHeaderString("Allow"))
                            .build();
        }
    }

    /** A body that is not the JSON expected: what was wrong, never the body itself. */
    @Provider
    public static class BadJson implements ExceptionMapper<JsonProcessingException> {

        @Context
        HttpServerRequest request;

        @Override
        public Response toResponse(JsonProcessingException e) {
            return badJson(e, request);
        }
    }

    /**
     * JSON of the wrong shape ({@code {"url": {…}}}, an array): in the app's shape too, not in the
     * details the framework's own mapper for this case would give.
     */
    @Provider
    @jakarta.annotation.Priority(1)
    public static class WrongJson
            implements ExceptionMapper<com.fasterxml.jackson.databind.exc.MismatchedInputException> {

        @Context
        HttpServerRequest request;

        @Override
        public Response toResponse(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            return badJson(e, request);
        }
    }

    static Response badJson(JsonProcessingException e, HttpServerRequest request) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        String field = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                        && !mismatch.getPath().isEmpty()
                ? mismatch.getPath().get(0).getFieldName()
                : null;
        String what = field == null ? "" : " (" + UserInput.quote(field) + " has the wrong type)";
        return ErrorAnswers.of(
                path(request),
                400,
                "The body is not the JSON expected" + what + where
                        + ". Send {\"url\": \"https://status.example.com\"}.");
    }

    /** Anything else: 503 when the database cannot be reached, else a 500 that is logged, not shown. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Exception> {

        @Context
        HttpServerRequest request;

        @Override
        public Response toResponse(Exception e) {
            return unexpected(e, request);
        }
    }

    static Response unexpected(Exception e, HttpServerRequest request) {
        // RESTEasy's form reader says so only in words: more fields than quarkus.http.limits.max-form-fields.
        if (e.getMessage() != null && e.getMessage().startsWith("Param limit of")) {
            return ErrorAnswers.of(path(request), 400, "The form has too many fields.");
        }
        if (DatabaseFaults.unreachable(e)) {
            Log.warnf("database unreachable while answering %s: %s", path(request), e.toString());
            return ErrorAnswers.unavailable(path(request));
        }
        Log.errorf(e, "unexpected error answering %s", path(request));
        return ErrorAnswers.of(path(request), 500, "Something went wrong on our side. It has been logged.");
    }
}
