package dev.incidex.web;

import dev.incidex.catalog.Vendor;
import dev.incidex.discovery.DiscoveryException;
import dev.incidex.discovery.VendorRegistration;
import dev.incidex.incident.IncidentQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The vendor directory: every vendor with its state, and a form to add one by URL (no JavaScript).
 * Rooted at "/" like {@link Pages}: a root of "/vendors" would claim "/vendors/{slug}" from it.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class VendorDirectory {

    /** One row of the directory. */
    public record Row(Vendor vendor, String state, boolean ongoing, boolean added) {}

    @Inject
    IncidentQueries queries;

    @Inject
    VendorRegistration registration;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(List<Row> vendors, String url, String error);
    }

    @GET
    @Path("vendors")
    public String list() {
        return Templates.directory(rows(), "", null).render();
    }

    @POST
    @Path("vendors")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("url") String url) {
        try {
            VendorRegistration.Added added = registration.add(url);
            return Response.seeOther(URI.create("/vendors/" + added.slug())).build();
        } catch (DiscoveryException e) {
            String html = Templates.directory(rows(), url == null ? "" : url, e.getMessage()).render();
            return Response.status(e.status() == 409 ? 409 : 400).type(MediaType.TEXT_HTML_TYPE).entity(html).build();
        }
    }

    private List<Row> rows() {
        Map<String, Long> open = queries.openCounts();
        return Vendor.listWithSources().stream().map(v -> {
            Pages.VendorSummary summary = Pages.VendorSummary.of(v, open.getOrDefault(v.slug, 0L));
            return new Row(v, summary.state(), summary.ongoing() > 0, Vendor.ORIGIN_USER.equals(v.origin));
        }).toList();
    }
}
