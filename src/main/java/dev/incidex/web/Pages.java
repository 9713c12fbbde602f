package dev.incidex.web;

import dev.incidex.catalog.Vendor;
import dev.incidex.incident.Durations;
import dev.incidex.incident.Incident;
import dev.incidex.incident.IncidentQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** The server-rendered pages: what is broken now, a vendor's history, one incident's timeline. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class Pages {

    @Inject
    IncidentQueries queries;

    @Inject
    InstantSource clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance front(List<Incident> ongoing, List<Incident> resolved, List<VendorSummary> vendors, Instant now);

        static native TemplateInstance vendor(Vendor vendor, VendorSummary summary, List<Incident> incidents, Instant now);

        static native TemplateInstance incident(Incident incident, String ongoingFor);

        static native TemplateInstance notFound(String what);
    }

    /** A vendor with its current state, for lists. */
    public record VendorSummary(Vendor vendor, long ongoing, String state) {}

    @GET
    public String front() {
        List<VendorSummary> vendors = Vendor.listByName().stream().map(this::summary).toList();
        return Templates.front(queries.ongoing(), queries.recentlyResolved(20), vendors, clock.instant()).render();
    }

    @GET
    @Path("vendors/{slug}")
    public String vendor(@PathParam("slug") String slug) {
        Vendor vendor = Vendor.findBySlug(slug).orElseThrow(() -> notFound("vendor " + slug));
        return Templates.vendor(vendor, summary(vendor), queries.history(vendor, 200), clock.instant()).render();
    }

    @GET
    @Path("vendors/{slug}/incidents/{id}")
    public String incident(@PathParam("slug") String slug, @PathParam("id") String id) {
        Incident incident = parseId(id).flatMap(queries::incident)
                .filter(i -> i.vendor.slug.equals(slug))
                .orElseThrow(() -> notFound("incident " + id + " of " + slug));
        String ongoingFor = incident.isResolved() || incident.startedAt == null ? null
                : Durations.format(nonNegative(Duration.between(incident.startedAt, clock.instant())));
        return Templates.incident(incident, ongoingFor).render();
    }

    /** The vendor's state in one phrase: open incidents, all clear, or not known yet. */
    private VendorSummary summary(Vendor vendor) {
        long ongoing = queries.ongoingCount(vendor);
        boolean anyAnswer = vendor.sources.stream().anyMatch(s -> s.lastSuccessAt != null);
        String state = ongoing > 0 ? ongoing + (ongoing == 1 ? " ongoing incident" : " ongoing incidents")
                : anyAnswer ? "No open incidents" : "Unknown";
        return new VendorSummary(vendor, ongoing, state);
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static NotFoundException notFound(String what) {
        return new NotFoundException(what + " not found");
    }
}
