package dev.incidex.source.statuspage;

import dev.incidex.model.ObservedIncident;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.SourceSettings;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.JsonDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Atlassian Statuspage's public API v2 (and incident.io's copy of it): incidents and scheduled maintenances. */
@ApplicationScoped
public class StatuspageAdapter implements SourceAdapter {

    @Override
    public String kind() {
        return "statuspage";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(
                JsonDocuments.under(sourceUrl, "/api/v2/incidents.json"),
                JsonDocuments.under(sourceUrl, "/api/v2/scheduled-maintenances.json"));
    }

    /** The page's components now: the vendor page shows them first. */
    @Override
    public List<URI> componentDocuments(SourceSettings source) {
        return List.of(JsonDocuments.under(source.url(), COMPONENTS));
    }

    @Override
    public boolean listsEverySince(URI document) {
        return document.getPath().endsWith("/api/v2/incidents.json")
                || document.getPath().endsWith("/api/v2/scheduled-maintenances.json");
    }

    @Override
    public boolean optional(URI document) {
        return document.getPath().endsWith("/scheduled-maintenances.json");
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        return readAll(document).incidents();
    }

    @Override
    public Reading readAll(FetchedDocument document) throws UnreadableDocumentException {
        return readPage(document);
    }

    /** Statuspage's API documents as this adapter and incident.io's read them. */
    static Reading readPage(FetchedDocument document) throws UnreadableDocumentException {
        String path = document.url() == null ? "" : document.url().getPath();
        if (path.endsWith(COMPONENTS)) {
            return new Reading(List.of(), StatuspageApi.components(document));
        }
        return new Reading(StatuspageApi.read(document), null);
    }

    static final String COMPONENTS = "/api/v2/components.json";

    /** The HTML {@code /history} pages and each incident's page, which reach back further than the API. */
    @Override
    public Optional<History> history(SourceSettings source) {
        URI base = source.url();
        return Optional.of(new History() {
            @Override
            public List<URI> start() {
                return List.of(JsonDocuments.under(base, "/history"));
            }

            @Override
            public Page read(FetchedDocument page) {
                String url = page.url().toString();
                Matcher incident = INCIDENT_PAGE.matcher(page.url().getPath());
                if (incident.find()) {
                    ObservedIncident observed =
                            StatuspageHistoryPage.incident(page.text(), url, incident.group(1), source.timeZone());
                    return new Page(observed == null ? List.of() : List.of(observed), List.of());
                }
                StatuspageHistoryPage.Listing listing = StatuspageHistoryPage.listing(page.text(), url);
                List<URI> links = new ArrayList<>();
                // A page may link anywhere; the history of this page is on this page's host.
                listing.morePages().stream()
                        .map(URI::create)
                        .filter(p -> base.getHost().equalsIgnoreCase(p.getHost()))
                        .forEach(links::add);
                listing.incidentCodes().forEach(code -> links.add(JsonDocuments.under(base, "/incidents/" + code)));
                return new Page(List.of(), links);
            }
        });
    }

    private static final Pattern INCIDENT_PAGE = Pattern.compile("/incidents/([a-z0-9]{6,40})/?$");
}
