package dev.incidex.web;

import dev.incidex.IncidexConfig;
import dev.incidex.ReadsReplica;
import dev.incidex.catalog.Vendor;
import dev.incidex.discovery.DiscoveryException;
import dev.incidex.discovery.VendorAdditions;
import dev.incidex.incident.IncidentQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
    public record Row(Vendor.Line vendor, String state, boolean ongoing, boolean added) {}

    @Inject
    IncidentQueries queries;

    @Inject
    VendorAdditions additions;

    @Inject
    IncidexConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(List<Row> vendors, String url, String error, boolean tokenRequired);

        static native TemplateInstance addition(VendorAdditions.Addition addition);
    }

    @GET
    @ReadsReplica
    @Path("vendors")
    public String list() {
        return Templates.directory(rows(), "", null, additions.tokenRequired()).render();
    }

    /**
     * Adds a vendor from the form: waits a bounded time for detection, then goes to the vendor's page,
     * or to a page that follows the addition while it is still running.
     */
    @POST
    @Path("vendors")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@FormParam("url") String url, @FormParam("token") String token) {
        try {
            additions.authorize(token);
            VendorAdditions.Addition started = additions.start(url == null ? "" : url);
            return answer(additions.await(started.id(), config.addVendor().answerWithin()), url);
        } catch (DiscoveryException e) {
            return failed(e.status(), e.getMessage(), url);
        }
    }

    @GET
    @Path("additions/{id}")
    public Response addition(@PathParam("id") String id) {
        VendorAdditions.Addition addition = additions
                .find(id)
                .orElseThrow(() -> new NotFoundException("No such addition. It may be too old to be remembered."));
        if (addition.state() == VendorAdditions.State.ADDED) {
            return Response.seeOther(URI.create("/vendors/" + addition.slug())).build();
        }
        return Response.ok(Templates.addition(addition).render(), MediaType.TEXT_HTML_TYPE)
                .header("Cache-Control", "no-store")
                .build();
    }

    private Response answer(VendorAdditions.Addition addition, String url) {
        return switch (addition.state()) {
            case ADDED ->
                Response.seeOther(URI.create("/vendors/" + addition.slug())).build();
            case PENDING ->
                Response.seeOther(URI.create("/additions/" + addition.id())).build();
            case FAILED -> failed(addition.status(), addition.error(), url);
        };
    }

    private Response failed(int status, String message, String url) {
        String html = Templates.directory(rows(), url == null ? "" : url, message, additions.tokenRequired())
                .render();
        int answer = status == 409 || status == 401 || status == 403 || status == 503 || status == 504 ? status : 400;
        return Response.status(answer)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(html)
                .build();
    }

    private List<Row> rows() {
        Map<String, Long> open = queries.openCounts();
        return Vendor.lines().stream()
                .map(v -> {
                    long ongoing = open.getOrDefault(v.slug(), 0L);
                    return new Row(
                            v,
                            VendorList.phrase(v.answered(), ongoing),
                            ongoing > 0,
                            Vendor.ORIGIN_USER.equals(v.origin()));
                })
                .toList();
    }
}
