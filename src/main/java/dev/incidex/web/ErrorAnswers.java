package dev.incidex.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One shape for every error a client gets: under {@code /api} a JSON body
 * {@code {"status":400,"error":"…"}} (the API's documented error), elsewhere a short readable page.
 */
public final class ErrorAnswers {

    /** How long a client is asked to wait while the database is unreachable. */
    static final String RETRY_AFTER_SECONDS = "30";

    private ErrorAnswers() {}

    public static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** The error for a request to {@code path}; the message must already quote client input with {@link dev.incidex.UserInput}. */
    public static Response of(String path, int status, String message) {
        if (isApi(path)) {
            return json(status, message).build();
        }
        String html = Pages.Templates.badRequest(message).render();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(html)
                .build();
    }

    public static Response.ResponseBuilder json(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
    }

    /**
     * The database cannot be reached: 503 with Retry-After, at once. The page is static, since
     * nothing that needs the database can be shown.
     */
    static Response unavailable(String path) {
        String message = "Incidex cannot reach its database just now. Try again in a minute.";
        Response.ResponseBuilder answer = isApi(path)
                ? json(503, message)
                : Response.status(503)
                        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                        .entity("<!DOCTYPE html>\n<html lang=\"en\">"
                                + "<head><meta charset=\"utf-8\"><title>Unavailable · Incidex</title><link rel=\"stylesheet\" href=\"/style.css\">"
                                + "</head><body><main><h1>Incidex is unavailable</h1><p>" + message
                                + "</p></main></body></html>\n");
        return answer.header("Retry-After", RETRY_AFTER_SECONDS)
                .header("Cache-Control", "no-store")
                .build();
    }
}
