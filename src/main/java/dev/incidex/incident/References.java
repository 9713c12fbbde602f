package dev.incidex.incident;

import dev.incidex.catalog.CatalogApplied;
import dev.incidex.catalog.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Finds the incident ids and incident links an incident's text quotes (INKY's "DZ534539 in the Microsoft
 * 365 admin center", a Statuspage link, a Google Cloud incident link) and stores them on it; which stored
 * incidents they name is decided when read ({@link IncidentLinks}), so the order incidents arrive in never
 * matters. Ids are found with every {@code incident-id-pattern} the catalog gives any source.
 */
@ApplicationScoped
public class References {

    /** A key found by an {@code incident-id-pattern}: DZ534539. */
    public static final String ID = "id";
    /** A key read from an incident link: a Statuspage or incident.io code, a Google Cloud incident id or number. */
    public static final String LINK = "link";

    static final int MAX_REFERENCES = 20;
    static final int MAX_KEY = 200;

    // Statuspage (https://status.example.com/incidents/q7wz3k1r9h2m), incident.io (…/incidents/01H…) and
    // Google Cloud (https://status.cloud.google.com/incidents/Uq7nYk3VbR2xWm9pLc4T) share the path shape;
    // Google Cloud's older links carry a number (…/incident/cloud-networking/19009).
    private static final Pattern INCIDENT_LINK = Pattern.compile(
            "https?://[A-Za-z0-9.-]{1,253}(?::\\d{1,5})?/(?:[A-Za-z0-9._~-]+/){0,3}?incidents?/(?:[a-z0-9-]{1,60}/)?([A-Za-z0-9]{5,40})(?![A-Za-z0-9])");

    /** Re-reads the references from the title and every update's text; true when they changed. */
    public boolean apply(Incident incident) {
        Map<String, String> found = new TreeMap<>();
        List<Pattern> patterns = idPatterns();
        StringBuilder text = new StringBuilder(incident.title == null ? "" : incident.title);
        for (IncidentUpdate u : incident.updates) {
            text.append('\n')
                    .append(u.bodyText == null ? "" : u.bodyText)
                    .append('\n')
                    .append(u.bodyHtml == null ? "" : u.bodyHtml);
        }
        Set<String> own = new LinkedHashSet<>();
        own.add(incident.vendorKey);
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find() && found.size() < MAX_REFERENCES) {
                add(found, m.group(), ID, own);
            }
        }
        Matcher link = INCIDENT_LINK.matcher(text);
        while (link.find() && found.size() < MAX_REFERENCES) {
            if (incident.vendorUrl == null || !link.group().startsWith(incident.vendorUrl)) {
                add(found, link.group(1), LINK, own);
            }
        }
        if (found.equals(incident.references)) {
            return false;
        }
        incident.references.clear();
        incident.references.putAll(found);
        return true;
    }

    private static void add(Map<String, String> found, String key, String kind, Set<String> own) {
        if (key.length() <= MAX_KEY && !own.contains(key)) {
            found.putIfAbsent(key, kind);
        }
    }

    /**
     * Read once and kept: every merged incident asks for them, and reading them scanned every source (at 10 000
     * sources most of a merge's time). They change only when a catalog is applied, which says so; the age
     * limit catches a catalog applied by another instance.
     */
    private volatile Patterns patterns;

    private record Patterns(List<Pattern> list, long readAt) {}

    private static final long PATTERNS_MAX_AGE_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

    void catalogApplied(@Observes CatalogApplied applied) {
        patterns = null;
    }

    private List<Pattern> idPatterns() {
        Patterns known = patterns;
        if (known == null || System.nanoTime() - known.readAt() > PATTERNS_MAX_AGE_NANOS) {
            known = new Patterns(readIdPatterns(), System.nanoTime());
            patterns = known;
        }
        return known.list();
    }

    /** Every distinct pattern of the catalog's sources; one that does not compile is skipped (the catalog refuses those). */
    private static List<Pattern> readIdPatterns() {
        List<String> texts = Source.getEntityManager()
                .createQuery(
                        "select distinct s.incidentIdPattern from Source s where s.incidentIdPattern is not null",
                        String.class)
                .getResultList();
        return texts.stream()
                .flatMap(t -> {
                    try {
                        return java.util.stream.Stream.of(Pattern.compile(t));
                    } catch (PatternSyntaxException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
    }
}
