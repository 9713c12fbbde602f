package dev.incidex.web;

import dev.incidex.UserInput;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Turns away, before any page or endpoint runs, the addresses no page or endpoint can use: longer
 * than 8 KB (414), with a malformed %-escape, or carrying a control character such as NUL (400).
 * A NUL reaching PostgreSQL in a query parameter or path was a 500; now it is the client's 400.
 */
public class RequestChecks {

    /** The longest address answered; the HTTP server itself takes lines up to {@code quarkus.http.limits.max-initial-line-length}. */
    static final int MAX_URI = 8192;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext context, HttpServerRequest request) {
        String uri = request.uri();
        String path = request.path() == null ? "" : request.path();
        if (uri.length() > MAX_URI) {
            return Optional.of(ErrorAnswers.of(
                    path,
                    414,
                    "The address is " + uri.length() + " characters long; the most answered is " + MAX_URI + "."));
        }
        String query = request.query();
        for (String part : query == null ? new String[] {path} : new String[] {path, query}) {
            String decoded;
            try {
                decoded = URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.of(ErrorAnswers.of(
                        path, 400, "The address has a malformed %-escape: " + UserInput.quote(part) + "."));
            }
            if (UserInput.unprintable(decoded)) {
                return Optional.of(ErrorAnswers.of(
                        path,
                        400,
                        "The address holds a control character (such as %00), which no page" + " or parameter accepts: "
                                + UserInput.quote(decoded) + "."));
            }
        }
        return Optional.empty();
    }
}
