package dev.incidex.source.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.IncidexConfig;
import dev.incidex.fetch.Authorization;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.SourceConfigurationException;
import dev.incidex.source.SourceSettings;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.JsonDocuments;
import dev.incidex.source.support.StatusWords;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code m365} kind: a tenant's Microsoft 365 Service Health issues through Microsoft Graph
 * ({@code GET /v1.0/admin/serviceAnnouncement/issues}), read with an OAuth 2.0 client-credentials
 * token of the app registered for the vendor ({@code incidex.m365.tenants.<vendor-slug>.*}). The
 * catalog url is only the source's name (e.g. {@code https://admin.microsoft.com}); the Graph and
 * token hosts come from configuration. Issue ids ({@code DZ534539}) are kept as the vendor's id.
 */
@ApplicationScoped
public class M365Adapter implements SourceAdapter {

    static final String SCOPE = "https://graph.microsoft.com/.default";

    /** Graph's serviceHealthStatus values, lower-cased (the docs print PascalCase), mapped as docs/source-kinds.md (m365) says. */
    private static final Map<String, IncidentStatus> STATUSES = Map.ofEntries(
            Map.entry("investigating", IncidentStatus.INVESTIGATING),
            Map.entry("investigationsuspended", IncidentStatus.INVESTIGATING),
            Map.entry("reported", IncidentStatus.INVESTIGATING),
            Map.entry("servicedegradation", IncidentStatus.IDENTIFIED),
            Map.entry("serviceinterruption", IncidentStatus.IDENTIFIED),
            Map.entry("confirmed", IncidentStatus.IDENTIFIED),
            Map.entry("restoringservice", IncidentStatus.MONITORING),
            Map.entry("verifyingservice", IncidentStatus.MONITORING),
            Map.entry("extendedrecovery", IncidentStatus.MONITORING),
            Map.entry("serviceoperational", IncidentStatus.RESOLVED),
            Map.entry("servicerestored", IncidentStatus.RESOLVED),
            Map.entry("resolved", IncidentStatus.RESOLVED),
            Map.entry("resolvedexternal", IncidentStatus.RESOLVED),
            Map.entry("mitigated", IncidentStatus.RESOLVED),
            Map.entry("mitigatedexternal", IncidentStatus.RESOLVED),
            Map.entry("falsepositive", IncidentStatus.RESOLVED),
            Map.entry("postincidentreviewpublished", IncidentStatus.POSTMORTEM));

    @Inject
    IncidexConfig config;

    @Override
    public String kind() {
        return "m365";
    }

    @Override
    public List<URI> documents(SourceSettings source) {
        String issues = config.m365().graphBase().replaceAll("/+$", "") + "/v1.0/admin/serviceAnnouncement/issues";
        if (source.cursor() == null) {
            return List.of(URI.create(issues));
        }
        // Only issues changed since the newest change already read.
        String filter = URLEncoder.encode("lastModifiedDateTime ge " + source.cursor(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        return List.of(URI.create(issues + "?$filter=" + filter));
    }

    @Override
    public Authorization authorization(SourceSettings source) {
        String slug = source.vendorSlug();
        IncidexConfig.M365.Tenant tenant =
                slug == null ? null : config.m365().tenants().get(slug);
        if (tenant == null) {
            throw new SourceConfigurationException("set incidex.m365.tenants." + (slug == null ? "<vendor>" : slug)
                    + ".tenant-id, .client-id and .client-secret to read Microsoft 365 Service Health");
        }
        URI tokenUrl = URI.create(config.m365().tokenBase().replaceAll("/+$", "") + "/"
                + URLEncoder.encode(tenant.tenantId(), StandardCharsets.UTF_8) + "/oauth2/v2.0/token");
        return new Authorization.ClientCredentials(tokenUrl, tenant.clientId(), tenant.clientSecret(), SCOPE);
    }

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        List<ObservedIncident> incidents = new ArrayList<>();
        for (JsonNode issue : issues(document)) {
            incidents.add(incident(issue));
        }
        return incidents;
    }

    @Override
    public String cursorAfter(FetchedDocument document, String cursor) {
        try {
            Instant newest = VendorDates.posted(cursor);
            for (JsonNode issue : issues(document)) {
                Instant modified =
                        VendorDates.posted(issue.path("lastModifiedDateTime").asText(null));
                if (modified != null && (newest == null || modified.isAfter(newest))) {
                    newest = modified;
                }
            }
            return newest == null ? cursor : newest.toString();
        } catch (UnreadableDocumentException e) {
            return cursor;
        }
    }

    /** A list answer ({@code value[]}) or one issue, as {@code /issues/{id}} returns. */
    private List<JsonNode> issues(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root;
        try {
            root = JsonDocuments.tree(document.text());
        } catch (IOException e) {
            throw new UnreadableDocumentException("not JSON from Microsoft Graph: " + e.getMessage(), e);
        }
        List<JsonNode> issues = new ArrayList<>();
        if (root.path("value").isArray()) {
            root.path("value").forEach(issues::add);
        } else if (root.hasNonNull("id")) {
            issues.add(root);
        } else {
            throw new UnreadableDocumentException("not a Graph service health answer: "
                    + root.path("error").path("message").asText("no value[] and no issue"));
        }
        for (JsonNode issue : issues) {
            if (!issue.hasNonNull("id")) {
                throw new UnreadableDocumentException("a service health issue without id");
            }
        }
        return issues;
    }

    private static ObservedIncident incident(JsonNode issue) {
        String id = issue.path("id").asText();
        String rawStatus = issue.path("status").asText(null);
        IncidentStatus status = rawStatus == null ? null : STATUSES.get(rawStatus.toLowerCase(Locale.ROOT));
        boolean resolved = issue.path("isResolved").asBoolean(false);
        if (resolved && (status == null || !status.isClosed())) {
            status = IncidentStatus.RESOLVED;
        }
        String classification = issue.path("classification").asText("").toLowerCase(Locale.ROOT);
        Impact impact = classification.equals("incident")
                ? Impact.MAJOR
                : classification.equals("advisory") ? Impact.MINOR : null;
        Instant started = VendorDates.posted(issue.path("startDateTime").asText(null));
        Instant ended = VendorDates.posted(issue.path("endDateTime").asText(null));
        Instant modified = VendorDates.posted(issue.path("lastModifiedDateTime").asText(null));

        List<ObservedUpdate> updates = new ArrayList<>();
        JsonNode posts = issue.path("posts");
        for (int i = 0; i < posts.size(); i++) {
            JsonNode post = posts.get(i);
            Instant at = VendorDates.posted(post.path("createdDateTime").asText(null));
            if (at == null) {
                continue;
            }
            JsonNode description = post.path("description");
            String content = description.path("content").asText("");
            VendorText text =
                    "html".equalsIgnoreCase(description.path("contentType").asText())
                            ? VendorText.ofHtml(content)
                            : VendorText.ofPlain(content);
            boolean newest = i == posts.size() - 1;
            // Posts carry no status of their own; the newest one stands for the issue's current status.
            IncidentStatus postStatus =
                    newest && status != null ? status : StatusWords.infer(currentStatus(text.plain()));
            updates.add(new ObservedUpdate(id + "@" + at, postStatus, newest ? rawStatus : null, at, true, text));
        }
        Set<String> components = new LinkedHashSet<>();
        for (String field : new String[] {"service", "feature"}) {
            String value = issue.path(field).asText(null);
            if (value != null && !value.isBlank()) {
                components.add(value);
            }
        }
        Instant resolvedAt = resolved ? (ended != null ? ended : modified) : null;
        return new ObservedIncident(
                id,
                issue.path("title").asText(id),
                impact,
                status,
                rawStatus,
                false,
                started,
                resolvedAt,
                null,
                null,
                true,
                "https://admin.microsoft.com/adminportal/home#/servicehealth/:/alerts/" + id,
                List.copyOf(components),
                updates);
    }

    /** The post's "Current status:" / "Final status:" paragraph, whose words tell the stage; the whole text otherwise. */
    private static String currentStatus(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:Current|Final) status:\\s*(.+)")
                .matcher(text);
        return m.find() ? m.group(1) : text;
    }
}
