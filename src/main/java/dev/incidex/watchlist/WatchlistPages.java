package dev.incidex.watchlist;

import dev.incidex.catalog.Vendor;
import dev.incidex.feed.FeedFormat;
import dev.incidex.feed.FeedHead;
import dev.incidex.feed.Feeds;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentQueries;
import dev.incidex.notify.Deliveries;
import dev.incidex.notify.NotificationTarget;
import dev.incidex.notify.NotificationTargets;
import dev.incidex.notify.TargetKind;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Watchlists without accounts: a form to pick vendors (components, minimum impact) or single
 * incidents, then a private page and RSS/Atom feeds at an unguessable URL that also edits and deletes it.
 */
@Path("/watchlists")
public class WatchlistPages {

    /** How many incidents a watchlist page lists. */
    static final int PAGE_INCIDENTS = 100;

    @Inject
    Watchlists watchlists;

    @Inject
    Feeds feeds;

    @Inject
    NotificationTargets targets;

    @Inject
    Deliveries deliveries;

    /** How many attempts the delivery log shows. */
    static final int LOG_ATTEMPTS = 30;

    @Inject
    IncidentQueries incidents;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance create(
                WatchlistInput form, List<Vendor> vendors, List<Incident> tracked, String error);

        static native TemplateInstance show(
                Watchlist watchlist,
                WatchlistInput form,
                List<Vendor> vendors,
                List<Incident> tracked,
                List<Incident> incidents,
                String error,
                List<NotificationTarget> targets,
                List<Deliveries.LogEntry> log,
                TargetKind[] kinds,
                String targetKind,
                String targetAddress,
                String targetError);

        static native TemplateInstance deleted();

        static native TemplateInstance saved(List<Watchlist> watchlists);
    }

    /** The watchlists made in this browser, remembered in a cookie of their tokens: no account needed to find them again. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response saved(@CookieParam(SAVED) String savedCookie) {
        List<Watchlist> saved = savedTokens(savedCookie).stream()
                .flatMap(t -> Watchlist.findByToken(t).stream())
                .toList();
        return page(200, Templates.saved(saved));
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public Response newForm(
            @QueryParam("incident") List<String> incidents, @QueryParam("vendor") List<String> vendors) {
        WatchlistInput form = new WatchlistInput(null, vendors, null, null, null, incidents);
        List<Incident> tracked = tracked(form);
        if (tracked.size() < form.incidents().size()) {
            throw new NotFoundException("incident " + String.join(", ", form.incidents()) + " not found");
        }
        return page(200, Templates.create(form, Vendor.listByName(), tracked, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(
            @CookieParam(SAVED) String savedCookie,
            @FormParam("name") String name,
            @FormParam("vendor") List<String> vendors,
            @FormParam("components") String components,
            @FormParam("impact") String impact,
            @FormParam("maintenance") String maintenance,
            @FormParam("incident") List<String> incidents) {
        WatchlistInput form = new WatchlistInput(name, vendors, components, impact, maintenance, incidents);
        try {
            Watchlist created = watchlists.create(form);
            List<String> saved = new java.util.ArrayList<>(savedTokens(savedCookie));
            saved.add(created.token);
            return Response.seeOther(URI.create("/watchlists/" + created.token))
                    .header("Set-Cookie", savedCookie(saved))
                    .build();
        } catch (WatchlistInput.Invalid e) {
            return page(400, Templates.create(form, Vendor.listByName(), tracked(form), e.getMessage()));
        }
    }

    @GET
    @Path("{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response show(@PathParam("token") String token) {
        Watchlist watchlist = find(token);
        return showPage(200, watchlist, WatchlistInput.of(watchlist), null, "webhook", "", null);
    }

    @POST
    @Path("{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response update(
            @PathParam("token") String token,
            @FormParam("name") String name,
            @FormParam("vendor") List<String> vendors,
            @FormParam("components") String components,
            @FormParam("impact") String impact,
            @FormParam("maintenance") String maintenance,
            @FormParam("incident") List<String> incidentIds) {
        WatchlistInput form = new WatchlistInput(name, vendors, components, impact, maintenance, incidentIds);
        try {
            Optional<Watchlist> updated = watchlists.update(token, form);
            if (updated.isEmpty()) {
                throw notFound();
            }
            return Response.seeOther(URI.create("/watchlists/" + token)).build();
        } catch (WatchlistInput.Invalid e) {
            return showPage(400, find(token), form, e.getMessage(), "webhook", "", null);
        }
    }

    /** Adds a webhook, Slack incoming webhook or email address that the watchlist's transitions are sent to. */
    @POST
    @Path("{token}/targets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response addTarget(
            @PathParam("token") String token, @FormParam("kind") String kind, @FormParam("address") String address) {
        Watchlist watchlist = find(token);
        try {
            targets.add(watchlist.id, kind, address);
            return Response.seeOther(URI.create("/watchlists/" + token + "#notifications"))
                    .build();
        } catch (NotificationTargets.Invalid e) {
            return showPage(
                    400,
                    watchlist,
                    WatchlistInput.of(watchlist),
                    null,
                    kind == null ? "" : kind,
                    address == null ? "" : address,
                    e.getMessage());
        }
    }

    @POST
    @Path("{token}/targets/{id}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response removeTarget(@PathParam("token") String token, @PathParam("id") String id) {
        Watchlist watchlist = find(token);
        long targetId;
        try {
            targetId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("No such notification target.");
        }
        if (!targets.remove(watchlist.id, targetId)) {
            throw new NotFoundException("No such notification target.");
        }
        return Response.seeOther(URI.create("/watchlists/" + token + "#notifications"))
                .build();
    }

    private Response showPage(
            int status,
            Watchlist watchlist,
            WatchlistInput form,
            String error,
            String targetKind,
            String targetAddress,
            String targetError) {
        return page(
                status,
                Templates.show(
                        watchlist,
                        form,
                        Vendor.listByName(),
                        tracked(form),
                        incidents.followed(watchlist.selection(), PAGE_INCIDENTS),
                        error,
                        targets.of(watchlist.id),
                        deliveries.log(watchlist.id, LOG_ATTEMPTS),
                        TargetKind.values(),
                        targetKind,
                        targetAddress,
                        targetError));
    }

    @POST
    @Path("{token}/delete")
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("token") String token) {
        if (!watchlists.delete(token)) {
            throw notFound();
        }
        return page(200, Templates.deleted());
    }

    @GET
    @Path("{token}/feed.{format: rss|atom}")
    public Response feed(@PathParam("token") String token, @PathParam("format") String format) {
        Watchlist watchlist = find(token);
        FeedHead head = new FeedHead(
                "Incidex: " + watchlist.title(),
                "Every update to the incidents this Incidex watchlist follows, newest first.",
                "/watchlists/" + watchlist.token,
                watchlist.updatedAt);
        Response answer = feeds.answer(
                uri, request, FeedFormat.fromExtension(format), head, watchlist.selection(), watchlist.updatedAt);
        return Response.fromResponse(answer)
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    static final String SAVED = "watchlists";

    /** At most this many watchlists are remembered per browser; the oldest are forgotten first. */
    static final int SAVED_MAX = 50;

    /** The tokens of a cookie that look like tokens; anything else in it is ignored. */
    static List<String> savedTokens(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(cookie.split("\\."))
                .filter(t -> t.length() <= 64 && t.matches("[A-Za-z0-9_-]+"))
                .distinct()
                .toList();
    }

    private static String savedCookie(List<String> tokens) {
        List<String> kept = tokens.subList(Math.max(0, tokens.size() - SAVED_MAX), tokens.size());
        return SAVED + "=" + String.join(".", kept) + "; Path=/watchlists; Max-Age="
                + java.time.Duration.ofDays(3650).toSeconds() + "; SameSite=Lax; HttpOnly";
    }

    private static Watchlist find(String token) {
        return Watchlist.findByToken(token).orElseThrow(WatchlistPages::notFound);
    }

    /** The incidents a form names that exist, for its "single incidents" checkboxes. */
    private List<Incident> tracked(WatchlistInput form) {
        List<Long> ids = form.incidents().stream()
                .flatMap(s -> {
                    try {
                        return java.util.stream.Stream.of(Long.parseLong(s));
                    } catch (NumberFormatException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
        return incidents.incidents(ids);
    }

    /** The token is the only key: keep it out of Referer headers, search engines and shared caches. */
    private static Response page(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(page.render())
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "private, no-store")
                .header("X-Robots-Tag", "noindex")
                .build();
    }

    private static NotFoundException notFound() {
        // Says nothing about whether the token ever existed.
        return new NotFoundException("No such watchlist. It may have been deleted.");
    }
}
