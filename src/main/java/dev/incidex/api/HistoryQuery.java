package dev.incidex.api;

import dev.incidex.incident.HistoryCursor;
import dev.incidex.incident.HistoryFilter;
import dev.incidex.incident.SearchTerms;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The query parameters every history listing shares (JSON, CSV, search), read as the raw text the
 * client sent so that each bad value becomes a 400 naming the parameter and the reason.
 */
public class HistoryQuery {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /** Databases store years 1..9999 everywhere; beyond that a date is a typo, not a query. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    @QueryParam("from")
    @Parameter(description = "Incidents that started at or after this: a date (2024-05-01, the start of that day in UTC) or an instant (2024-05-01T10:00:00Z).",
            example = "2024-05-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Incidents that started before this (exclusive): a date (2024-06-01, the start of that day in UTC) or an instant.",
            example = "2024-06-01")
    public String to;

    @QueryParam("impact")
    @Parameter(description = "Any of these impacts: none, minor, major, critical, maintenance. Repeat the parameter or separate with commas.",
            example = "major,critical")
    public List<String> impact;

    @QueryParam("status")
    @Parameter(description = "Any of these current statuses: investigating, identified, monitoring, resolved, postmortem, scheduled,"
            + " in_progress, verifying, completed. Repeat the parameter or separate with commas.", example = "resolved")
    public List<String> status;

    @QueryParam("component")
    @Parameter(description = "Incidents that affected a component of this name (case-insensitive, whole name).", example = "API")
    public String component;

    @QueryParam("q")
    @Parameter(description = "Words that must all appear in the title or an update's text (case and accents ignored); the last word"
            + " may be the start of a word.", example = "database conn")
    public String q;

    @QueryParam("limit")
    @Parameter(description = "Incidents per page, 1 to 500 (default 50).", example = "50")
    public String limit;

    @QueryParam("cursor")
    @Parameter(description = "Where the page starts: the cursor from the previous page's next link. Opaque.")
    public String cursor;

    HistoryFilter filter(String vendorSlug) {
        Instant fromAt = instant("from", from);
        Instant toAt = instant("to", to);
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
            throw badRequest("from (" + fromAt + ") must be before to (" + toAt + ")");
        }
        if (q != null && !q.isBlank() && SearchTerms.words(q).isEmpty()) {
            throw badRequest("q '" + q + "' has no words to search for (words need two or more letters or digits,"
                    + " and a few very common words such as 'the' are not indexed)");
        }
        return new HistoryFilter(vendorSlug, fromAt, toAt,
                values("impact", impact, Impact.class, Impact::code),
                values("status", status, IncidentStatus.class, IncidentStatus::code),
                component, q);
    }

    HistoryCursor cursor() {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            HistoryCursor decoded = HistoryCursor.decode(cursor.strip());
            if (decoded.sortAt().isBefore(EARLIEST) || decoded.sortAt().isAfter(LATEST)) {
                throw new IllegalArgumentException("cursor '" + cursor + "' is not one this server issued");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage() + "; use the next link of the previous page");
        }
    }

    int limit() {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit.strip());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw badRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + limit + "'");
    }

    /** A date is the start of that day in UTC; an instant may carry any offset. */
    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        Instant parsed = null;
        try {
            parsed = LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException notADate) {
            try {
                parsed = OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException notAnInstant) {
                // reported below
            }
        }
        if (parsed == null) {
            throw badRequest(name + " must be a date (2024-05-01) or an instant (2024-05-01T10:00:00Z), got '" + value + "'");
        }
        if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
            throw badRequest(name + " must be between the years 1 and 9999, got '" + value + "'");
        }
        return parsed;
    }

    private static <E extends Enum<E>> Set<E> values(String name, List<String> raw, Class<E> type, Function<E, String> code) {
        Set<E> result = EnumSet.noneOf(type);
        if (raw == null) {
            return result;
        }
        List<String> known = Arrays.stream(type.getEnumConstants()).map(code).toList();
        for (String item : raw.stream().flatMap(r -> Arrays.stream(r.split(","))).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()) {
            E match = Arrays.stream(type.getEnumConstants()).filter(e -> code.apply(e).equalsIgnoreCase(item)).findFirst()
                    .orElseThrow(() -> badRequest(name + " '" + item + "' is not one of " + String.join(", ", known)));
            result.add(match);
        }
        return result;
    }

    static jakarta.ws.rs.WebApplicationException badRequest(String message) {
        return ApiError.of(Response.Status.BAD_REQUEST, message);
    }
}
