package dev.incidex.web;

import dev.incidex.KeptPages;
import dev.incidex.ReadsReplica;
import dev.incidex.UserInput;
import dev.incidex.catalog.Source;
import dev.incidex.catalog.Vendor;
import dev.incidex.incident.Durations;
import dev.incidex.incident.HistoryCursor;
import dev.incidex.incident.HistoryFilter;
import dev.incidex.incident.HistoryPage;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentLinks;
import dev.incidex.incident.IncidentQueries;
import dev.incidex.incident.PageStamps;
import dev.incidex.incident.SearchSnippet;
import dev.incidex.incident.SearchTerms;
import dev.incidex.incident.VendorComponents;
import dev.incidex.incident.VendorLag;
import dev.incidex.incident.VendorStats;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The server-rendered pages: what is broken now, a vendor's history and figures, one incident's
 * timeline, search across every vendor, and the reader's time zone. Plain HTML, no script.
 */
@ReadsReplica
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {

    static final int PAGE_SIZE = 50;

    @Inject
    IncidentQueries queries;

    @Inject
    InstantSource clock;

    @Inject
    IncidentLinks links;

    @Inject
    VendorLag lag;

    @Inject
    VendorComponents components;

    @Inject
    KeptFigures keptFigures;

    @Inject
    VendorList vendorList;

    @Inject
    PageStamps stamps;

    @Inject
    KeptPages kept;

    @Context
    Request request;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance front(
                List<Incident> ongoing, List<Incident> maintenance, List<Incident> resolved, String vendorList);

        static native TemplateInstance vendor(
                Vendor vendor,
                VendorSummary summary,
                Figures figures,
                HistoryView history,
                IncidentContext.VendorContext ties,
                List<Incident> open,
                List<VendorComponents.SourceComponents> components,
                Map<Long, List<Source>> reportedBy);

        static native TemplateInstance incident(Incident incident, String ongoingFor, IncidentContext more);

        static native TemplateInstance search(
                String q,
                List<Incident> results,
                Map<Long, List<SearchSnippet.Part>> snippets,
                List<String> ignored,
                boolean searched,
                String nextUrl,
                String feedQuery);

        static native TemplateInstance settings(Set<String> zones);

        static native TemplateInstance notFound(String what);

        static native TemplateInstance badRequest(String message);
    }

    /** A vendor with its current state, for lists. */
    public record VendorSummary(Vendor vendor, long ongoing, String state, boolean sourceFailing) {

        /** The vendor's state in one phrase: open incidents, all clear, or not known yet. */
        static VendorSummary of(Vendor vendor, long ongoing) {
            String state = VendorList.phrase(vendor.hasAnswered(), ongoing);
            boolean failing = vendor.sources.stream().anyMatch(s -> s.enabled && s.errorCount > 0);
            return new VendorSummary(vendor, ongoing, state, failing);
        }
    }

    /** A vendor this one depends on, by name. */

    /** The vendor page's figures at a glance. */
    public record Figures(
            Charts.MonthChart months, Charts.DayStrip days, long resolved, String meanToResolve, String totalImpact) {}

    /** A checkbox of the filter form. */
    public record Choice(String code, String label, boolean checked) {}

    /** The filter form as the reader filled it in, the page of incidents it found, and the link to the next page. */
    public record HistoryView(
            String from,
            String to,
            List<Choice> impacts,
            List<Choice> statuses,
            String component,
            List<String> components,
            String q,
            boolean filtered,
            boolean firstPage,
            List<Incident> incidents,
            String firstUrl,
            String nextUrl) {}

    @Context
    UriInfo uri;

    @GET
    public Response front() {
        String key = KeptPages.key(ReaderZone.current(), clock.instant(), "front");
        return kept.html(
                request,
                key,
                stamps.everything(),
                () -> Templates.front(
                                queries.ongoing(), openMaintenance(), queries.recentlyResolved(20), vendorList.html())
                        .render());
    }

    @GET
    @Path("vendors/{slug}")
    public Response vendor(
            @PathParam("slug") String slug,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("impact") List<String> impacts,
            @QueryParam("status") List<String> statuses,
            @QueryParam("component") String component,
            @QueryParam("q") String q,
            @QueryParam("after") String after) {
        ZoneId zone = ReaderZone.current();
        Instant now = clock.instant();
        // As for an incident's page: a kept page is answered before the vendor is loaded; the slug as typed is in the
        // key, and a page is kept only under the vendor's own (another is a 404 or a redirect, never kept).
        String key = KeptPages.key(zone, now, "vendor", slug, from, to, impacts, statuses, component, q, after);
        return kept.html(request, key, stamps.vendor(slug), () -> {
            Vendor vendor = Vendor.findBySlug(slug).orElseThrow(() -> notFound("vendor " + slug));
            CanonicalSlug.require(slug, vendor.slug, "/vendors/" + vendor.slug, uri);
            return vendorPage(vendor, zone, now, from, to, impacts, statuses, component, q, after);
        });
    }

    private String vendorPage(
            Vendor vendor,
            ZoneId zone,
            Instant now,
            String from,
            String to,
            List<String> impacts,
            List<String> statuses,
            String component,
            String q,
            String after) {
        HistoryFilter.Params params = new HistoryFilter.Params(from, to, impacts, statuses, component, q);
        HistoryFilter filter = parse(vendor.slug, params, zone);
        HistoryPage page = queries.history(filter, cursor(after), PAGE_SIZE);
        KeptFigures.Figures kept = keptFigures.of(vendor.slug, zone, now);

        String fromText = from == null ? "" : from.strip();
        String toText = to == null ? "" : to.strip();
        List<Choice> impactChoices = Arrays.stream(Impact.values())
                .map(i -> new Choice(i.code(), i.label(), filter.impacts().contains(i)))
                .toList();
        List<Choice> statusChoices = Arrays.stream(IncidentStatus.values())
                .map(s -> new Choice(s.code(), s.label(), filter.statuses().contains(s)))
                .toList();
        List<String> filterParams = new ArrayList<>();
        Stream.of(
                        param("from", fromText.isEmpty() ? null : fromText),
                        param("to", toText.isEmpty() ? null : toText),
                        filter.impacts().stream()
                                .flatMap(i -> param("impact", i.code()).stream())
                                .toList(),
                        filter.statuses().stream()
                                .flatMap(s -> param("status", s.code()).stream())
                                .toList(),
                        param("component", filter.component()),
                        param("q", filter.text()))
                .forEach(filterParams::addAll);
        String base = "/vendors/" + vendor.slug;
        String firstUrl = base + query(filterParams);
        String nextUrl = null;
        if (page.next() != null) {
            List<String> withCursor = new ArrayList<>(filterParams);
            withCursor.addAll(param("after", page.next().encode()));
            nextUrl = base + query(withCursor);
        }
        HistoryView history = new HistoryView(
                fromText,
                toText,
                impactChoices,
                statusChoices,
                filter.component() == null ? "" : filter.component(),
                kept.components(),
                filter.text() == null ? "" : filter.text(),
                params.any(),
                after == null || after.isBlank(),
                page.incidents(),
                firstUrl,
                nextUrl);

        VendorStats.ResolveTimes times = kept.times();
        Figures figures = new Figures(
                Charts.months(vendor.name, kept.months()),
                Charts.days(vendor.name, kept.days(), watchedFrom(vendor, zone), failingFrom(vendor, zone)),
                times.resolved(),
                times.mean() == null ? "—" : Durations.format(times.mean()),
                Durations.format(times.total()));
        List<Incident> open = queries.ongoing(vendor);
        // Which source reported what matters only where a vendor has several (regional pages).
        boolean severalSources = vendor.sources.stream().filter(s -> s.enabled).count() > 1;
        Map<Long, List<Source>> reportedBy = severalSources
                ? queries.reportedBy(Stream.concat(open.stream(), page.incidents().stream())
                        .map(i -> i.id)
                        .collect(java.util.stream.Collectors.toSet()))
                : Map.of();
        return Templates.vendor(
                        vendor,
                        VendorSummary.of(vendor, queries.ongoingCount(vendor)),
                        figures,
                        history,
                        IncidentContext.VendorContext.of(vendor, links, lag),
                        open,
                        components.ofVendor(vendor.slug),
                        reportedBy)
                .render();
    }

    @GET
    @Path("vendors/{slug}/incidents/{id}")
    public Response incident(@PathParam("slug") String slug, @PathParam("id") String id) {
        long incidentId = parseId(id).orElseThrow(() -> notFound("incident " + id + " of " + slug));
        Instant now = clock.instant();
        // The slug as typed is in the key: a page is kept only once that slug was found to be the incident's vendor's
        // (a wrong one is a 404, another spelling a redirect, and neither is kept).
        String key = KeptPages.key(ReaderZone.current(), now, "incident", incidentId, slug);
        return kept.html(request, key, stamps.incident(incidentId), () -> {
            Incident incident = queries.incident(incidentId)
                    .filter(i -> i.vendor.slug.equalsIgnoreCase(slug))
                    .orElseThrow(() -> notFound("incident " + id + " of " + slug));
            CanonicalSlug.require(
                    slug, incident.vendor.slug, "/vendors/" + incident.vendor.slug + "/incidents/" + incident.id, uri);
            String ongoingFor = incident.isResolved() || incident.startedAt == null
                    ? null
                    : Durations.format(nonNegative(Duration.between(incident.startedAt, now)));
            return Templates.incident(incident, ongoingFor, IncidentContext.of(incident, links))
                    .render();
        });
    }

    @GET
    @Path("search")
    public String search(@QueryParam("q") String q, @QueryParam("after") String after) {
        HistoryFilter filter =
                parse(null, new HistoryFilter.Params(null, null, List.of(), List.of(), null, q), ReaderZone.current());
        if (filter.text() == null) {
            return Templates.search("", List.of(), Map.of(), List.of(), false, null, null)
                    .render();
        }
        HistoryPage page = queries.history(filter, cursor(after), PAGE_SIZE);
        String nextUrl = page.next() == null
                ? null
                : "/search"
                        + query(Stream.of(
                                        param("q", filter.text()),
                                        param("after", page.next().encode()))
                                .flatMap(List::stream)
                                .toList());
        Map<Long, List<String>> updates =
                queries.updateTexts(page.incidents().stream().map(i -> i.id).toList());
        Map<Long, List<SearchSnippet.Part>> snippets = new HashMap<>();
        for (Incident incident : page.incidents()) {
            List<String> texts = new ArrayList<>();
            texts.add(incident.title);
            texts.addAll(updates.getOrDefault(incident.id, List.of()));
            snippets.put(incident.id, SearchSnippet.of(filter.text(), texts));
        }
        return Templates.search(
                        filter.text(),
                        page.incidents(),
                        snippets,
                        SearchTerms.ignoredWords(filter.text()),
                        true,
                        nextUrl,
                        "q=" + URLEncoder.encode(filter.text(), StandardCharsets.UTF_8))
                .render();
    }

    @GET
    @Path("settings")
    public String settings() {
        return Templates.settings(ReaderZone.all()).render();
    }

    /** Remembers the reader's zone for a year and sends them back to the page they came from. */
    @POST
    @Path("settings/timezone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setTimeZone(@FormParam("zone") String zone, @HeaderParam("Referer") String referer) {
        ZoneId chosen = ReaderZone.parse(zone)
                .orElseThrow(() -> new BadPageRequest(UserInput.quote(zone)
                        + " is not a time zone. Choose one like UTC, Europe/Berlin or America/New_York."));
        // Written by hand: JAX-RS quotes a value containing '/' (RFC 2109), and browsers then keep the quotes.
        String cookie = ReaderZone.COOKIE + "=" + chosen.getId() + "; Path=/; Max-Age="
                + Duration.ofDays(365).toSeconds() + "; SameSite=Lax; HttpOnly";
        return Response.seeOther(URI.create(back(referer)))
                .header("Set-Cookie", cookie)
                .build();
    }

    /** The day Incidex first heard from the vendor: its first successful poll is after it was added. */
    private static java.time.LocalDate watchedFrom(Vendor vendor, ZoneId zone) {
        boolean everHeard = vendor.sources.stream().anyMatch(s -> s.lastSuccessAt != null);
        return everHeard && vendor.createdAt != null
                ? vendor.createdAt.atZone(zone).toLocalDate()
                : null;
    }

    /** The first day of the current failure when every enabled source is failing; null while one works. */
    private static java.time.LocalDate failingFrom(Vendor vendor, ZoneId zone) {
        List<dev.incidex.catalog.Source> enabled =
                vendor.sources.stream().filter(s -> s.enabled).toList();
        if (enabled.isEmpty() || enabled.stream().anyMatch(s -> s.errorCount == 0)) {
            return null;
        }
        return enabled.stream()
                .map(s -> s.lastSuccessAt != null ? s.lastSuccessAt : vendor.createdAt)
                .filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder())
                .map(at -> at.atZone(zone).toLocalDate())
                .orElse(null);
    }

    /**
     * Maintenances not yet completed: those under way first, then the upcoming ones, soonest first. One whose window
     * has passed is neither: the vendor forgot to close it, and the front page does not call it upcoming.
     */
    private List<Incident> openMaintenance() {
        Instant now = clock.instant();
        HistoryFilter filter = new HistoryFilter(
                null,
                null,
                null,
                Set.of(),
                EnumSet.of(IncidentStatus.SCHEDULED, IncidentStatus.IN_PROGRESS, IncidentStatus.VERIFYING),
                null,
                null);
        return queries.history(filter, null, 100).incidents().stream()
                .filter(i -> i.maintenance && !i.isResolved() && i.removedAt == null)
                .filter(i -> i.scheduledUntil == null || i.scheduledUntil.isAfter(now))
                .sorted(Comparator.comparing((Incident i) -> i.status == IncidentStatus.SCHEDULED)
                        .thenComparing(i -> i.scheduledFor != null ? i.scheduledFor : i.sortAt))
                .toList();
    }

    /** A bad filter parameter is the reader's to fix: the 400 page names it. */
    private static HistoryFilter parse(String vendorSlug, HistoryFilter.Params params, ZoneId zone) {
        try {
            return HistoryFilter.parse(vendorSlug, params, zone);
        } catch (HistoryFilter.BadParameter e) {
            throw new BadPageRequest(e.getMessage());
        }
    }

    private static HistoryCursor cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return HistoryCursor.decode(after.strip());
        } catch (IllegalArgumentException e) {
            throw new BadPageRequest("The page link is broken: 'after' is not a position this server gave out."
                    + " Start again from the first page.");
        }
    }

    /** Only a path on this site: the Referer's host is never trusted as a redirect target. */
    private static String back(String referer) {
        if (referer != null) {
            try {
                URI uri = new URI(referer);
                String path = uri.getRawPath();
                if (path != null && path.startsWith("/") && !path.startsWith("//")) {
                    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                }
            } catch (URISyntaxException e) {
                // fall through to the front page
            }
        }
        return "/";
    }

    private static List<String> param(String name, String value) {
        return value == null ? List.of() : List.of(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static String query(List<String> params) {
        return params.isEmpty() ? "" : "?" + String.join("&", params);
    }

    private static Optional<Long> parseId(String id) {
        try {
            return Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static NotFoundException notFound(String what) {
        return new NotFoundException(what + " not found");
    }
}
