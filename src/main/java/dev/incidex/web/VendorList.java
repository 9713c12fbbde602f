package dev.incidex.web;

import dev.incidex.catalog.Vendor;
import dev.incidex.incident.IncidentQueries;
import dev.incidex.incident.VendorState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The front page's list of every vendor with its state. Read as plain values in one grouped query (not as vendor
 * entities with their sources), and its HTML kept until one of those values changes: with a thousand vendors,
 * writing the list was a quarter of the page's time and it rarely changes between two requests.
 */
@ApplicationScoped
public class VendorList {

    /** One vendor of the list: its state in one phrase, and whether an enabled source is failing. */
    public record Line(String slug, String name, long ongoing, String state, boolean sourceFailing) {}

    @CheckedTemplate(basePath = "Pages")
    static class Templates {
        static native TemplateInstance vendorList(List<Line> vendors);
    }

    private record Written(List<Line> lines, String html) {}

    @Inject
    IncidentQueries queries;

    private volatile Written written = new Written(List.of(), null);

    /** Every vendor by name, with the number of its open incidents. */
    public List<Line> lines() {
        Map<String, Long> open = queries.openCounts();
        return Vendor.lines().stream()
                .map(v -> {
                    long ongoing = open.getOrDefault(v.slug(), 0L);
                    return new Line(v.slug(), v.name(), ongoing, phrase(v.answered(), ongoing), v.sourceFailing());
                })
                .toList();
    }

    /** The list as HTML: the one written last while the lines are the same. */
    public String html() {
        List<Line> lines = lines();
        Written last = written;
        if (last.html() != null && last.lines().equals(lines)) {
            return last.html();
        }
        String html = Templates.vendorList(lines).render();
        written = new Written(lines, html);
        return html;
    }

    /** The vendor's state in one phrase: open incidents, all clear, or not known yet. */
    static String phrase(boolean answered, long ongoing) {
        return switch (VendorState.of(answered, ongoing)) {
            case ONGOING -> ongoing + (ongoing == 1 ? " ongoing incident" : " ongoing incidents");
            case OPERATIONAL -> "No open incidents";
            case UNKNOWN -> "Unknown";
        };
    }
}
