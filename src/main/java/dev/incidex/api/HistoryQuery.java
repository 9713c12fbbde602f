package dev.incidex.api;

import dev.incidex.UserInput;
import dev.incidex.incident.HistoryCursor;
import dev.incidex.incident.HistoryFilter;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters every history listing shares (JSON, CSV, search), read as the raw text the
 * client sent so that each bad value becomes a 400 naming the parameter and the reason.
 */
public class HistoryQuery {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    @QueryParam("from")
    @Parameter(
            description =
                    "Incidents that started at or after this: a date (2024-05-01, the start of that day in UTC) or an instant (2024-05-01T10:00:00Z).",
            example = "2024-05-01")
    public String from;

    @QueryParam("to")
    @Parameter(
            description =
                    "Incidents that started up to this: a date (2024-05-31, that whole day in UTC, included) or an instant"
                            + " (exclusive).",
            example = "2024-05-31")
    public String to;

    @QueryParam("impact")
    @Parameter(
            description =
                    "Any of these impacts: none, minor, major, critical, maintenance. Repeat the parameter or separate with commas.",
            example = "major,critical")
    public List<String> impact;

    @QueryParam("status")
    @Parameter(
            description =
                    "Any of these current statuses: investigating, identified, monitoring, resolved, postmortem, scheduled,"
                            + " in_progress, verifying, completed. Repeat the parameter or separate with commas.",
            example = "resolved")
    public List<String> status;

    @QueryParam("component")
    @Parameter(
            description = "Incidents that affected a component of this name (case-insensitive, whole name).",
            example = "API")
    public String component;

    @QueryParam("q")
    @Parameter(
            description =
                    "Words that must all appear in the title or an update's text (case and accents ignored); the last word"
                            + " may be the start of a word.",
            example = "database conn")
    public String q;

    @QueryParam("limit")
    @Parameter(description = "Incidents per page, 1 to 500 (default 50).", example = "50")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "Where the page starts: the cursor from the previous page's next link. Opaque.")
    public String cursor;

    /** The filter, dates read as UTC days: the API has no reader's zone. */
    HistoryFilter filter(String vendorSlug) {
        try {
            return HistoryFilter.parse(
                    vendorSlug, new HistoryFilter.Params(from, to, impact, status, component, q), ZoneOffset.UTC);
        } catch (HistoryFilter.BadParameter e) {
            throw badRequest(e.getMessage());
        }
    }

    HistoryCursor cursor() {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return HistoryCursor.decode(cursor.strip());
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage() + "; use the next link of the previous page");
        }
    }

    int limit() {
        return limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** A page size as sent: {@code fallback} when absent, else a whole number from 1 to {@code max}. */
    static int limit(String limit, int fallback, int max) {
        if (limit == null || limit.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw badRequest("limit must be a whole number from 1 to " + max + ", got " + UserInput.quote(limit));
    }

    static jakarta.ws.rs.WebApplicationException badRequest(String message) {
        return ApiError.of(Response.Status.BAD_REQUEST, message);
    }
}
