package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.JsonDocuments;
import dev.incidex.source.support.StatusWords;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads Okta's status page ({@code https://status.okta.com}), a Salesforce site whose incidents are not in the
 * markup but in a JSON array the page embeds in an element whose id ends in {@code StringJSON}
 * ({@code <span id="j_id0:j_id8:StringJSON">}). Each record carries Salesforce custom fields
 * ({@code Incident_Title__c}, {@code Status__c}, {@code Start_Time__c}, …) with {@code +0000} offsets.
 */
@ApplicationScoped
public class OktaAdapter implements SourceAdapter {

    private static final String EXPECTED =
            "expected Okta's status page (HTML with an embedded StringJSON incident list)";

    @Override
    public String kind() {
        return "okta";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(sourceUrl);
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        Document page = Jsoup.parse(
                new String(document.body(), StandardCharsets.UTF_8),
                document.url().toString());
        Element holder = page.selectFirst("[id$=StringJSON]");
        if (holder == null) {
            throw new UnreadableDocumentException(EXPECTED + ", found no element whose id ends in StringJSON");
        }
        // jsoup's text() undoes the HTML escaping the page applies to the JSON.
        String json = holder.text();
        JsonNode root = JsonDocuments.parse(
                new FetchedDocument(
                        document.url(),
                        "application/json",
                        json.getBytes(StandardCharsets.UTF_8),
                        document.receivedAt(),
                        document.source()),
                EXPECTED);
        if (!root.isArray()) {
            throw new UnreadableDocumentException(EXPECTED + ", got " + JsonDocuments.describe(root));
        }
        return JsonDocuments.records(root, "Id", n -> incident(n, document.url()));
    }

    private static ObservedIncident incident(JsonNode n, URI page) {
        String vendorStatus = text(n, "Status__c");
        String category = text(n, "Category__c");
        boolean maintenance =
                category != null && category.toLowerCase(Locale.ROOT).contains("maintenance");
        String log = text(n, "Log__c");
        IncidentStatus status = status(vendorStatus, log, maintenance);
        Instant started = VendorDates.iso(text(n, "Start_Time__c"));
        Instant ended = VendorDates.iso(text(n, "End_Time__c"));
        Instant resolved = status.isClosed() ? ended : null;
        // The log is the incident's whole text, rewritten in place: one update, dated by its newest known time.
        List<ObservedUpdate> updates = new ArrayList<>();
        if (log != null) {
            Instant at = resolved != null ? resolved : started;
            updates.add(new ObservedUpdate(null, status, vendorStatus, at, true, VendorText.ofHtml(log)));
        }
        String id = text(n, "Id");
        return new ObservedIncident(
                id,
                text(n, "Incident_Title__c"),
                maintenance ? Impact.MAINTENANCE : impact(category),
                status,
                vendorStatus,
                maintenance,
                started,
                resolved,
                maintenance ? started : null,
                maintenance ? ended : null,
                true,
                page.toString(),
                List.of(),
                updates);
    }

    private static IncidentStatus status(String vendorStatus, String log, boolean maintenance) {
        IncidentStatus declared = IncidentStatus.fromWord(vendorStatus);
        if (declared != null) {
            return maintenance && declared == IncidentStatus.RESOLVED ? IncidentStatus.COMPLETED : declared;
        }
        if (vendorStatus != null && vendorStatus.toLowerCase(Locale.ROOT).matches("closed|complete")) {
            return maintenance ? IncidentStatus.COMPLETED : IncidentStatus.RESOLVED;
        }
        return maintenance ? IncidentStatus.SCHEDULED : StatusWords.infer(log);
    }

    /** {@code Category__c}: "Service Disruption" is major, "Service Degradation" minor. */
    static Impact impact(String category) {
        if (category == null) {
            return null;
        }
        String c = category.toLowerCase(Locale.ROOT);
        return c.contains("disruption") || c.contains("outage")
                ? Impact.MAJOR
                : c.contains("degradation") ? Impact.MINOR : null;
    }
}
