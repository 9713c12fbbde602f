package dev.incidex.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Puts the browser-side protections on every response, pages, feeds, API, static files and errors
 * alike: a Content-Security-Policy that allows no inline script or style (the pages need none: they
 * are plain HTML and one stylesheet), no framing, no MIME sniffing, and no Referer to other sites.
 * A handler or page that sets one of these itself (watchlists send no Referer at all) keeps its own.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI is a third-party page that starts itself with an inline script; it alone may run one. */
    static final String SWAGGER_POLICY =
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String path = ctx.normalizedPath();
            ctx.addHeadersEndHandler(ignored -> {
                MultiMap headers = ctx.response().headers();
                setIfAbsent(
                        headers, "Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_POLICY : POLICY);
                setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
                setIfAbsent(headers, "X-Frame-Options", "DENY");
                setIfAbsent(headers, "Referrer-Policy", "same-origin");
            });
            ctx.next();
        });
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
