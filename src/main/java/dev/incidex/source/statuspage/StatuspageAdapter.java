package dev.incidex.source.statuspage;

import dev.incidex.model.ObservedIncident;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.JsonDocuments;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;

/** Reads Atlassian Statuspage's public API v2 (and incident.io's copy of it): incidents and scheduled maintenances. */
@ApplicationScoped
public class StatuspageAdapter implements SourceAdapter {

    @Override
    public String kind() {
        return "statuspage";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(JsonDocuments.under(sourceUrl, "/api/v2/incidents.json"),
                JsonDocuments.under(sourceUrl, "/api/v2/scheduled-maintenances.json"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        return StatuspageApi.read(document);
    }
}
