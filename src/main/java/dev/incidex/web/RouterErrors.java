package dev.incidex.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Failures the HTTP layer raises before any page or endpoint runs (a form of 3 000 fields, an
 * unreadable path, a body over the limit) answered in the app's shape: JSON under {@code /api}, a
 * short page elsewhere, and a 400 rather than a 500 when it was the request that was wrong.
 */
@ApplicationScoped
public class RouterErrors {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        if (ctx.response().headWritten() || ctx.response().ended()) {
            ctx.next();
            return;
        }
        int status = ctx.statusCode();
        String message = null;
        Throwable failure = ctx.failure();
        String type = failure == null ? "" : failure.getClass().getName();
        if (type.contains("TooManyFormFieldsException")) {
            status = 400;
            message = "The form has too many fields.";
        } else if (type.contains("TooLongFormFieldException") || type.contains("ErrorDataDecoderException")) {
            status = 400;
            message = "The form cannot be read: a field is too long or malformed.";
        } else if (status >= 400 && status < 500) {
            message = switch (status) {
                case 413 -> "The body is too large.";
                case 414 -> "The address is too long.";
                case 431 -> "The request's headers are too large.";
                default -> "The request cannot be answered (HTTP " + status + ").";
            };
        }
        if (message == null) {
            ctx.next(); // a server-side failure: the app's mappers and Quarkus handle it
            return;
        }
        String path = ctx.request().path() == null ? "" : ctx.request().path();
        if (ErrorAnswers.isApi(path)) {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json")
                    .end(io.vertx.core.json.JsonObject.of("status", status, "error", message)
                            .encode());
        } else {
            ctx.response()
                    .setStatusCode(status)
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .end(
                            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Bad request · Incidex</title>"
                                    + "<link rel=\"stylesheet\" href=\"/style.css\"></head><body><main><h1>That request cannot be answered</h1>"
                                    + "<p class=\"problem\">" + message
                                    + "</p><p><a href=\"/\">Back to what is broken now</a></p></main></body></html>\n");
        }
    }
}
