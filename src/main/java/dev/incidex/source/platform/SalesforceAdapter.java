package dev.incidex.source.platform;

import static dev.incidex.source.support.JsonDocuments.array;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads Salesforce Trust's public status API from its base URL ({@code https://api.status.salesforce.com}):
 * {@code /v1/incidents/active} (what is open now) and {@code /v1/incidents} (recent ones, with their end).
 * Incidents have no title; the adapter names them by their type and the instances they hit.
 */
@ApplicationScoped
public class SalesforceAdapter implements SourceAdapter {

    private static final String EXPECTED = "expected Salesforce Trust incidents JSON (an array of incidents)";

    @Override
    public String kind() {
        return "salesforce";
    }

    @Override
    public List<URI> documents(URI sourceUrl) {
        return List.of(
                JsonDocuments.under(sourceUrl, "/v1/incidents/active"),
                JsonDocuments.under(sourceUrl, "/v1/incidents"));
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        return JsonDocuments.arrayRecords(document, EXPECTED, "id", SalesforceAdapter::incident);
    }

    private static ObservedIncident incident(JsonNode n) throws UnreadableDocumentException {
        String id = text(n, "id");
        String vendorStatus = text(n, "status");
        List<ObservedUpdate> updates = new ArrayList<>();
        for (JsonNode e : array(n, "IncidentEvents")) {
            String message = text(e, "message");
            if (message == null) {
                continue;
            }
            Instant at = VendorDates.iso(text(e, "createdAt"));
            updates.add(
                    new ObservedUpdate(text(e, "id"), null, text(e, "type"), at, true, VendorText.ofPlain(message)));
        }
        updates.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        boolean closed = vendorStatus != null && vendorStatus.equalsIgnoreCase("resolved");
        List<ObservedUpdate> stated = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            ObservedUpdate u = updates.get(i);
            boolean last = i == updates.size() - 1;
            IncidentStatus s = last && closed
                    ? IncidentStatus.RESOLVED
                    : StatusWords.inferWhileOpen(u.text().plain(), IncidentStatus.MONITORING);
            stated.add(new ObservedUpdate(u.vendorKey(), s, u.vendorStatus(), u.at(), true, u.text()));
        }
        IncidentStatus status = closed
                ? IncidentStatus.RESOLVED
                : stated.isEmpty()
                        ? IncidentStatus.INVESTIGATING
                        : stated.get(stated.size() - 1).status();

        // The impacts carry the times; an open impact's end is an empty string, not null.
        Instant started = null;
        Instant ended = null;
        Impact impact = null;
        for (JsonNode i : array(n, "IncidentImpacts")) {
            Instant s = VendorDates.iso(text(i, "startTime"));
            Instant e = VendorDates.iso(text(i, "endTime"));
            started = s != null && (started == null || s.isBefore(started)) ? s : started;
            ended = e != null && (ended == null || e.isAfter(ended)) ? e : ended;
            Impact seen = severity(text(i, "severity"));
            impact = seen != null && (impact == null || seen.severity() > impact.severity()) ? seen : impact;
        }
        if (impact == null) {
            impact = type(text(n, "type"));
        }
        if (started == null) {
            started = VendorDates.iso(text(n, "createdAt"));
        }
        Instant resolved = closed ? (ended != null ? ended : VendorDates.iso(text(n, "updatedAt"))) : null;

        Set<String> components = new LinkedHashSet<>();
        for (JsonNode k : array(n, "instanceKeys")) {
            if (k.isTextual() && !k.asText().isBlank()) {
                components.add(k.asText().trim());
            }
        }
        for (JsonNode k : array(n, "serviceKeys")) {
            if (k.isTextual() && !k.asText().isBlank()) {
                components.add(k.asText().trim());
            }
        }
        String kind = text(n, "type");
        String title = (kind == null ? "Incident" : kind)
                + (components.isEmpty() ? "" : " on " + String.join(", ", components));
        String url = id == null ? null : "https://status.salesforce.com/incidents/" + id;
        return new ObservedIncident(
                id,
                title,
                impact,
                status,
                vendorStatus,
                false,
                started,
                resolved,
                null,
                null,
                true,
                url,
                List.copyOf(components),
                stated);
    }

    /** An impact's {@code severity}: minor, major, critical. */
    static Impact severity(String severity) {
        if (severity == null) {
            return null;
        }
        return switch (severity.trim().toLowerCase(Locale.ROOT)) {
            case "minor" -> Impact.MINOR;
            case "major" -> Impact.MAJOR;
            case "critical" -> Impact.CRITICAL;
            default -> null;
        };
    }

    /** The incident's {@code type} when no impact says how bad: a disruption is major, a degradation minor. */
    static Impact type(String type) {
        if (type == null) {
            return null;
        }
        String t = type.toLowerCase(Locale.ROOT);
        return t.contains("disruption") ? Impact.MAJOR : t.contains("degradation") ? Impact.MINOR : null;
    }
}
