package dev.incidex.api;

import dev.incidex.incident.HistoryPage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Turns a history page into the JSON or CSV answer, with the next page's link. */
final class HistoryResponses {

    static final String CSV = "text/csv";

    private HistoryResponses() {}

    static Response json(HistoryPage page, UriInfo uri) {
        URI next = next(page, uri);
        HistoryJson body = new HistoryJson(
                page.incidents().stream()
                        .map(i -> IncidentJson.of(i, uri.getBaseUri(), false))
                        .toList(),
                next == null ? null : next.toString());
        return withLink(Response.ok(body, MediaType.APPLICATION_JSON_TYPE), next)
                .build();
    }

    static Response csv(HistoryPage page, UriInfo uri, String fileName) {
        byte[] body = IncidentCsv.write(page.incidents(), uri.getBaseUri()).getBytes(StandardCharsets.UTF_8);
        return withLink(Response.ok(body, CSV + "; charset=UTF-8"), next(page, uri))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    /** The same request with the cursor moved past this page: filters and limit stay as the client sent them. */
    private static URI next(HistoryPage page, UriInfo uri) {
        return page.next() == null
                ? null
                : uri.getRequestUriBuilder()
                        .replaceQueryParam("cursor", page.next().encode())
                        .build();
    }

    private static Response.ResponseBuilder withLink(Response.ResponseBuilder response, URI next) {
        return next == null ? response : response.header("Link", "<" + next + ">; rel=\"next\"");
    }
}
