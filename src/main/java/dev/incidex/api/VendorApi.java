package dev.incidex.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidex.IncidexConfig;
import dev.incidex.KeptPages;
import dev.incidex.KeptRenders;
import dev.incidex.ReadsReplica;
import dev.incidex.catalog.Vendor;
import dev.incidex.catalog.VendorCursor;
import dev.incidex.discovery.DiscoveryException;
import dev.incidex.discovery.VendorAdditions;
import dev.incidex.incident.HistoryFilter;
import dev.incidex.incident.IncidentQueries;
import dev.incidex.incident.PageStamps;
import dev.incidex.incident.VendorComponents;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vendors with their current state, each vendor's incident history as JSON or CSV, and adding a vendor by URL. */
@ReadsReplica
@Path("/api/vendors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vendors")
public class VendorApi {

    /** The body of {@code POST /api/vendors}: a status page, feed or social profile URL. */
    public record AddVendor(String url) {}

    /** A conflict names the vendor that already has the source. */
    public record Conflict(int status, String error, String existingVendor) {}

    @Inject
    IncidentQueries queries;

    @Inject
    VendorAdditions additions;

    @Inject
    IncidexConfig config;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Inject
    KeptPages kept;

    @Inject
    PageStamps stamps;

    @Inject
    ObjectMapper json;

    /** Vendors per page unless the client asks for another number. */
    static final int DEFAULT_VENDORS = 100;

    static final int MAX_VENDORS = 500;

    @GET
    @Operation(
            summary = "Vendors with their current state and the health of their sources, by name, one page at a time",
            description = "Pages are keyset pages: follow `next` (or the Link header) for the next one.")
    @APIResponse(
            responseCode = "200",
            description = "One page of vendors and the link to the next",
            headers = @Header(name = "Link", description = "<next page URL>; rel=\"next\", absent on the last page"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VendorsJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is malformed; the message names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    public Response vendors(
            @QueryParam("limit") @Parameter(description = "Vendors per page, 1 to 500 (default 100).", example = "100")
                    String limit,
            @QueryParam("cursor")
                    @Parameter(
                            description =
                                    "Where the page starts: the cursor from the previous page's next link. Opaque.")
                    String cursor) {
        int size = HistoryQuery.limit(limit, DEFAULT_VENDORS, MAX_VENDORS);
        VendorCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = VendorCursor.decode(cursor.strip());
            } catch (IllegalArgumentException e) {
                throw HistoryQuery.badRequest(e.getMessage() + "; use the next link of the previous page");
            }
        }
        VendorCursor start = after;
        // The whole request URI: the next link is built from it, host and other parameters included.
        return kept.answer(
                request,
                MediaType.APPLICATION_JSON_TYPE,
                "api vendors " + uri.getRequestUri(),
                stamps.everything(),
                () -> vendorsPage(start, size));
    }

    private KeptRenders.Rendered vendorsPage(VendorCursor after, int size) {
        List<Vendor> page = Vendor.pageByName(after, size + 1);
        boolean more = page.size() > size;
        List<Vendor> shown = more ? page.subList(0, size) : page;
        Map<String, Long> open = queries.openCounts();
        java.net.URI next = more
                ? uri.getRequestUriBuilder()
                        .replaceQueryParam(
                                "cursor",
                                VendorCursor.after(shown.get(size - 1)).encode())
                        .build()
                : null;
        VendorsJson body = new VendorsJson(
                shown.stream()
                        .map(v -> VendorJson.of(v, open.getOrDefault(v.slug, 0L), uri.getBaseUri()))
                        .toList(),
                next == null ? null : next.toString());
        try {
            return KeptRenders.Rendered.of(
                    json.writeValueAsBytes(body),
                    next == null ? Map.of() : Map.of("Link", "<" + next + ">; rel=\"next\""));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a vendor by its status page, feed or social profile URL",
            description =
                    "Detects the platform (Statuspage, incident.io, Instatus, Cachet, a feed linked from the page, a social"
                            + " profile), saves the vendor and its sources, polls them at once and, for a Statuspage, imports its older"
                            + " history. Loopback, private, link-local and metadata addresses are refused unless the operator allows them."
                            + " Detection has a time budget (incidex.add-vendor.budget); when it takes longer than incidex.add-vendor.answer-within the"
                            + " answer is 202 with a Location to follow. When Incidex listens beyond loopback, send the operator token as"
                            + " `Authorization: Bearer …`. Limited per client (incidex.rate-limits.add-vendor-per-hour).")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AddVendor.class)))
    @APIResponse(
            responseCode = "201",
            description = "The new vendor; Location is its page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VendorJson.class)))
    @APIResponse(
            responseCode = "202",
            description = "Still detecting; Location (and `check`) is the addition to follow",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AdditionApi.AdditionJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "No URL, a malformed one, or a refused address",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(
            responseCode = "401",
            description = "The operator token is missing or wrong",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(
            responseCode = "403",
            description = "Adding vendors is off: Incidex listens beyond loopback without an operator token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(
            responseCode = "409",
            description = "A vendor already has this source",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Conflict.class)))
    @APIResponse(
            responseCode = "422",
            description = "No status page, feed or profile was recognised; the message lists what was tried",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(
            responseCode = "429",
            description = "This client added too many vendors lately; Retry-After says when to try again",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(
            responseCode = "503",
            description = "Too many vendors are being added right now",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    public Response add(AddVendor body, @HeaderParam("Authorization") @Parameter(hidden = true) String authorization) {
        VendorAdditions.Addition addition;
        try {
            additions.authorize(bearer(authorization));
            if (body == null || body.url() == null || body.url().isBlank()) {
                throw ApiError.of(
                        Response.Status.BAD_REQUEST,
                        "send {\"url\": \"…\"} with a status page, feed or social profile URL");
            }
            VendorAdditions.Addition started = additions.start(body.url());
            addition = additions.await(started.id(), config.addVendor().answerWithin());
        } catch (DiscoveryException e) {
            throw error(e);
        }
        return answer(addition, uri);
    }

    /** 201 with the vendor once added, the failure's own status, or 202 with the addition to follow. */
    private Response answer(VendorAdditions.Addition addition, UriInfo uri) {
        return switch (addition.state()) {
            case ADDED -> {
                Vendor v = Vendor.findBySlug(addition.slug()).orElseThrow();
                yield Response.created(uri.getBaseUri().resolve("vendors/" + v.slug))
                        .entity(VendorJson.of(v, queries.ongoingCount(v), uri.getBaseUri()))
                        .build();
            }
            case FAILED ->
                throw error(new DiscoveryException(
                        addition.status(), addition.error(), addition.status() == 409 ? addition.slug() : null));
            case PENDING ->
                Response.accepted(AdditionApi.AdditionJson.of(addition, uri.getBaseUri()))
                        .location(uri.getBaseUri().resolve("api/additions/" + addition.id()))
                        .build();
        };
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.strip();
        return a.regionMatches(true, 0, "Bearer ", 0, 7) ? a.substring(7) : a;
    }

    @Inject
    VendorComponents components;

    @GET
    @Path("{slug}")
    @Operation(summary = "One vendor with its current state, its components now and the health of its sources")
    @APIResponse(
            responseCode = "200",
            description = "The vendor",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = VendorJson.class)))
    @APIResponse(
            responseCode = "404",
            description = "No vendor with this slug",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    public VendorJson vendor(
            @PathParam("slug") @Parameter(description = "The vendor's slug", example = "github") String slug) {
        Vendor v = vendorOr404(slug);
        return VendorJson.of(v, queries.ongoingCount(v), uri.getBaseUri()).withComponents(components.ofVendor(v.slug));
    }

    @GET
    @Path("{slug}/incidents")
    @Operation(
            summary = "A vendor's incidents, newest first, one page at a time",
            description =
                    "Filters combine with AND. Pages are keyset pages: follow `next` (or the Link header) for the next one;"
                            + " pages never skip or repeat an incident, even while new ones arrive.")
    @APIResponse(
            responseCode = "200",
            description = "One page of incidents and the link to the next",
            headers = @Header(name = "Link", description = "<next page URL>; rel=\"next\", absent on the last page"),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = HistoryJson.class)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is malformed; the message names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(
            responseCode = "404",
            description = "No vendor with this slug",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    public Response history(
            @PathParam("slug") @Parameter(description = "The vendor's slug", example = "github") String slug,
            @BeanParam HistoryQuery query) {
        Vendor v = vendorOr404(slug);
        return HistoryResponses.json(page(v, query), uri);
    }

    @GET
    @Path("{slug}/incidents.csv")
    @Produces({HistoryResponses.CSV, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "The same page of a vendor's history as CSV",
            description =
                    "Columns: id, vendor, title, impact, status, startedAt, resolvedAt, durationSeconds, detectedAt, sourceUrl,"
                            + " pageUrl. RFC 4180 quoting; text starting with = + - @ gets a leading apostrophe so spreadsheets do not run it."
                            + " The next page is in the Link header.")
    @APIResponse(
            responseCode = "200",
            description = "A CSV file with a header row",
            headers = @Header(name = "Link", description = "<next page URL>; rel=\"next\", absent on the last page"),
            content = @Content(mediaType = HistoryResponses.CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "400",
            description = "A parameter is malformed; the message names it",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    @APIResponse(
            responseCode = "404",
            description = "No vendor with this slug",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiError.Body.class)))
    public Response historyCsv(
            @PathParam("slug") @Parameter(description = "The vendor's slug", example = "github") String slug,
            @BeanParam HistoryQuery query) {
        Vendor v = vendorOr404(slug);
        return HistoryResponses.csv(page(v, query), uri, v.slug + "-incidents.csv");
    }

    private dev.incidex.incident.HistoryPage page(Vendor v, HistoryQuery query) {
        HistoryFilter filter = query.filter(v.slug);
        return queries.history(filter, query.cursor(), query.limit());
    }

    private static Vendor vendorOr404(String slug) {
        return Vendor.findBySlug(slug)
                .orElseThrow(() -> ApiError.notFound("no vendor " + dev.incidex.UserInput.quote(slug)));
    }

    static WebApplicationException error(DiscoveryException e) {
        // A conflict names the vendor that has the source; 422 has no Response.Status constant, so
        // the body is built here rather than by ApiError.of.
        Object body = e.existingSlug() != null
                ? new Conflict(e.status(), e.getMessage(), e.existingSlug())
                : new ApiError.Body(e.status(), e.getMessage());
        Response.ResponseBuilder answer = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body);
        if (e.status() == 401) {
            answer.header("WWW-Authenticate", "Bearer realm=\"incidex\"");
        }
        if (e.status() == 503) {
            answer.header("Retry-After", "60");
        }
        return new WebApplicationException(e.getMessage(), answer.build());
    }
}
