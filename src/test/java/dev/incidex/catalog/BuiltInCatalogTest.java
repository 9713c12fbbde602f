package dev.incidex.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks that the catalog shipped in the jar reads cleanly and holds the vendors Incidex promises. */
class BuiltInCatalogTest {

    private static final String RESOURCE = "/catalog/vendors.yaml";

    /**
     * The kinds the adapters of issue 10 add (branch i10-adapters). Until a build has them, the catalog lists their
     * sources with {@code needs-kind}; any other kind waiting for an adapter is a mistake.
     */
    static final Set<String> ANNOUNCED_KINDS = Set.of(
            "stripe",
            "salesforce",
            "heroku",
            "azure-devops",
            "okta",
            "zendesk",
            "algolia",
            "adobe",
            "statuscast",
            "hund",
            "uptime",
            "statuspal",
            "statushub",
            "freshstatus",
            "statuscake");

    /**
     * The announced kinds whose catalog URL is one document: the hosted platforms' feeds and Statuspal's summary
     * (docs/source-kinds.md), since their page URL does not lead to it.
     */
    static final Set<String> DOCUMENT_KINDS =
            Set.of("okta", "adobe", "statuscast", "statushub", "statuscake", "freshstatus", "statuspal");

    /** Kinds whose adapter derives its endpoints from the status page's base URL: the URL is the page, no path. */
    static final Set<String> BASE_URL_KINDS = union(
            Set.of("statuspage", "incidentio", "instatus", "cachet", "slack"),
            ANNOUNCED_KINDS.stream()
                    .filter(k -> !DOCUMENT_KINDS.contains(k))
                    .collect(java.util.stream.Collectors.toSet()));

    /** The shape of a document URL, for kinds whose URL is one document (or a profile), by kind. */
    static final Map<String, java.util.regex.Pattern> DOCUMENT_SHAPES = Map.ofEntries(
            Map.entry("rss", java.util.regex.Pattern.compile("https://[^/]+/.+")),
            // Okta's adapter reads its status page's HTML; Adobe's one JSON document serves every product.
            Map.entry("okta", java.util.regex.Pattern.compile("https://status\\.okta\\.com")),
            Map.entry(
                    "adobe",
                    java.util.regex.Pattern.compile("https://data\\.status\\.adobe\\.com/adobestatus/StatusEvents")),
            Map.entry("atom", java.util.regex.Pattern.compile("https://[^/]+/.+")),
            // A hosted platform's feed has no path of the platform's own that public evidence shows for all its pages.
            Map.entry("statuscast", java.util.regex.Pattern.compile("https://[^/]+/.+")),
            Map.entry("statushub", java.util.regex.Pattern.compile("https://[^/]+/.+")),
            Map.entry("statuscake", java.util.regex.Pattern.compile("https://[^/]+/.+")),
            Map.entry("freshstatus", java.util.regex.Pattern.compile("https://[^/]+/.+")),
            Map.entry(
                    "statuspal",
                    java.util.regex.Pattern.compile(
                            "https://statuspal\\.(?:io|eu)/api/v2/status_pages/[A-Za-z0-9_-]+/summary")),
            Map.entry("betterstack", java.util.regex.Pattern.compile("https://[^/]+/feed\\.rss")),
            Map.entry(
                    "statusio", java.util.regex.Pattern.compile("https://api\\.status\\.io/1\\.0/status/[0-9a-f]{24}")),
            Map.entry("sorry", java.util.regex.Pattern.compile("https://api\\.sorryapp\\.com/v1/pages/[A-Za-z0-9_-]+")),
            Map.entry("gcp", java.util.regex.Pattern.compile("https://[^/]+/(?:[^?#]+/)?incidents\\.json")),
            Map.entry(
                    "aws",
                    java.util.regex.Pattern.compile("https://[^/]+/(?:public/currentevents|rss/[a-z0-9-]+\\.rss)")),
            Map.entry("azure", java.util.regex.Pattern.compile("https://[^/]+/[a-z]{2}-[a-z]{2}/status/feed/")),
            Map.entry("x", java.util.regex.Pattern.compile("https://(?:x|twitter)\\.com/@?[A-Za-z0-9_]{1,15}")),
            Map.entry("mastodon", java.util.regex.Pattern.compile("https://[^/]+/@[A-Za-z0-9_.]+")),
            Map.entry("bluesky", java.util.regex.Pattern.compile("https://bsky\\.app/profile/[A-Za-z0-9:._-]+")),
            Map.entry("posts-rss", java.util.regex.Pattern.compile("https://[^/]+/.+")));

    private static Catalog catalog;
    private static Map<String, CatalogVendor> bySlug;
    private static final Map<String, dev.incidex.source.SourceAdapter> ADAPTERS = new java.util.TreeMap<>();

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.TreeSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = BuiltInCatalogTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is not on the classpath");
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                catalog = CatalogReader.read(reader, "classpath:" + RESOURCE, adapterKinds());
            }
        }
        bySlug = catalog.vendors().stream().collect(Collectors.toMap(CatalogVendor::slug, Function.identity()));
    }

    /**
     * The kinds of the adapters compiled into the app, found by listing the source package and its families: the
     * catalog must only use kinds that some adapter reads, whichever adapters this build has.
     */
    static Set<String> adapterKinds() throws IOException {
        Set<String> kinds = new java.util.TreeSet<>();
        // The package sits in both target/classes and target/test-classes; the adapters are in the former.
        java.net.URL dir = dev.incidex.source.SourceAdapter.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation();
        java.nio.file.Path folder =
                java.nio.file.Path.of(java.net.URI.create(dir.toString())).resolve("dev/incidex/source");
        try (var files = java.nio.file.Files.walk(folder)) {
            for (String file : files.map(f -> folder.relativize(f).toString())
                    .filter(f -> f.endsWith(".class") && !f.contains("$"))
                    .toList()) {
                try {
                    Class<?> type = Class.forName("dev.incidex.source."
                            + file.replace(".class", "").replace(java.io.File.separatorChar, '.'));
                    if (dev.incidex.source.SourceAdapter.class.isAssignableFrom(type)
                            && !type.isInterface()
                            && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                        var constructor = type.getDeclaredConstructor();
                        constructor.setAccessible(true);
                        var adapter = (dev.incidex.source.SourceAdapter) constructor.newInstance();
                        kinds.add(adapter.kind());
                        ADAPTERS.put(adapter.kind(), adapter);
                    }
                } catch (ReflectiveOperationException | LinkageError e) {
                    throw new AssertionError("cannot read the kind of " + file, e);
                }
            }
        }
        assertTrue(kinds.containsAll(Set.of("statuspage", "rss", "atom")), "adapters found: " + kinds);
        return kinds;
    }

    @Test
    void hasAtLeastThreeHundredVendors() {
        assertTrue(catalog.vendors().size() >= 300, "only " + catalog.vendors().size() + " vendors");
    }

    /** Every source of the catalog, polled now or waiting for its adapter. */
    private static List<Map.Entry<String, CatalogSource>> allSources() {
        List<Map.Entry<String, CatalogSource>> all = new java.util.ArrayList<>();
        catalog.vendors().forEach(v -> v.sources().forEach(s -> all.add(Map.entry(v.slug(), s))));
        catalog.waiting().forEach(w -> all.add(Map.entry(w.vendorSlug(), w.source())));
        return all;
    }

    @Test
    void everySourceKindIsOneAnAdapterReadsOrOneAnnouncedForIssue10() throws IOException {
        Set<String> read = adapterKinds();
        for (CatalogVendor vendor : catalog.vendors()) {
            for (CatalogSource source : vendor.sources()) {
                assertTrue(read.contains(source.kind()), vendor.slug() + ": no adapter reads " + source.kind());
            }
        }
        for (Catalog.WaitingSource waiting : catalog.waiting()) {
            assertTrue(
                    ANNOUNCED_KINDS.contains(waiting.source().kind()),
                    waiting.vendorSlug() + " (line " + waiting.line() + ") waits for kind '"
                            + waiting.source().kind() + "', which no adapter reads and none is announced");
        }
    }

    @Test
    void everyUrlHasTheShapeItsKindExpects() throws IOException {
        adapterKinds();
        List<String> wrong = new java.util.ArrayList<>();
        for (Map.Entry<String, CatalogSource> entry : allSources()) {
            CatalogSource source = entry.getValue();
            URI url = source.url();
            String where = entry.getKey() + ": " + source.kind() + " " + url;
            if (url.getRawQuery() != null || url.getRawFragment() != null || !"https".equals(url.getScheme())) {
                wrong.add(where + " (an https URL without query or fragment)");
            } else if (BASE_URL_KINDS.contains(source.kind())) {
                // The adapter appends the API paths itself, so a base URL carries none, not even "/".
                if (!url.getRawPath().isEmpty()) {
                    wrong.add(where + " (a base URL, no path)");
                }
                var adapter = ADAPTERS.get(source.kind());
                if (adapter != null && adapter.documents(url).contains(url)) {
                    wrong.add(where + " (its adapter reads the base URL itself: not a base-URL kind?)");
                }
            } else if (DOCUMENT_SHAPES.containsKey(source.kind())) {
                if (!DOCUMENT_SHAPES.get(source.kind()).matcher(url.toString()).matches()) {
                    wrong.add(where + " (a document URL like "
                            + DOCUMENT_SHAPES.get(source.kind()).pattern() + ")");
                }
            } else {
                wrong.add(where + " (no URL shape is known for this kind: add it to this test)");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyVendorCarriesItsEvidenceAndTheCountsAddUp() {
        // confirmed / changed / added / unverified, per kind of the vendor's first source: the figures of the closing
        // note.
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        for (CatalogVendor vendor : catalog.vendors()) {
            String checked = vendor.checked();
            assertNotNull(checked, vendor.slug() + " has no checked note");
            String verdict = checked.split("[ :]", 2)[0];
            assertTrue(
                    Set.of("confirmed", "changed", "added", "unverified").contains(verdict),
                    vendor.slug() + ": checked must start with confirmed, changed, added or unverified: " + checked);
            assertTrue(checked.contains("2026-12-01"), vendor.slug() + ": checked names no date of checking");
            String kind = vendor.sources().isEmpty()
                    ? catalog.waiting().stream()
                            .filter(w -> w.vendorSlug().equals(vendor.slug()))
                            .map(w -> w.source().kind())
                            .findFirst()
                            .orElse("none")
                    : vendor.sources().get(0).kind();
            counts.computeIfAbsent(kind, k -> new java.util.TreeMap<>()).merge(verdict, 1, Integer::sum);
        }
        int total = counts.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToInt(Integer::intValue)
                .sum();
        assertEquals(catalog.vendors().size(), total);
        System.out.println("catalog evidence by kind: " + counts);
    }

    @Test
    void theEntriesIssue10NamedAreCorrected() {
        assertEquals("sorry", kindOf("pipedrive"));
        assertEquals("instatus", kindOf("sketch"));
        assertEquals("incidentio", kindOf("ghost"));
        assertEquals(
                URI.create("https://ghoststatus.org"),
                bySlug.get("ghost").sources().get(0).url());
        assertEquals(
                URI.create("https://loom.status.atlassian.com"),
                bySlug.get("loom").sources().get(0).url());
        assertEquals(
                URI.create("https://status.modeanalytics.com"),
                bySlug.get("mode").sources().get(0).url());
        assertEquals(
                URI.create("https://status.helpscout.com"),
                bySlug.get("help-scout").sources().get(0).url());
        assertEquals(
                URI.create("https://status.claude.com"),
                bySlug.get("anthropic").sources().get(0).url());
        for (String slug : List.of(
                "openai", "hashicorp", "miro", "rollbar", "zapier", "onesignal", "aiven", "codeclimate", "intercom")) {
            assertEquals("incidentio", kindOf(slug), slug);
        }
        for (String slug : List.of("docker", "sumo-logic", "onelogin", "gitlab", "clickup", "lets-encrypt")) {
            assertEquals("statusio", kindOf(slug), slug);
        }
        assertFalse(bySlug.containsKey("zeplin"), "Zeplin has no status page any more");
        assertEquals(List.of("hund"), waitingKinds("bitwarden"));
        assertEquals(List.of("uptime"), waitingKinds("recurly"));
        // Fastly's StatusCast page is read through its feed, never as a Statuspage.
        assertEquals(List.of("statuscast"), waitingKinds("fastly"));
        assertEquals(
                URI.create("https://www.fastlystatus.com/rss"),
                bySlug.get("fastly").sources().get(0).url());
    }

    @Test
    void regionalPagesAreSeveralSourcesOfOneVendor() {
        assertEquals(
                List.of(URI.create("https://status.datadoghq.com"), URI.create("https://status.datadoghq.eu")),
                bySlug.get("datadog").sources().stream().map(CatalogSource::url).toList());
        assertEquals(2, bySlug.get("onelogin").sources().size());
    }

    @Test
    void theBigVendorsOfIssue10AreIn() {
        for (String slug : List.of(
                "stripe",
                "salesforce",
                "okta",
                "auth0",
                "heroku",
                "zendesk",
                "notion",
                "gitlab",
                "postmark",
                "algolia",
                "asana",
                "linear",
                "google-workspace",
                "adobe",
                "red-hat",
                "clickup",
                "cursor",
                "lets-encrypt",
                "python",
                "brevo",
                "azure-devops",
                "paypal",
                "ibm-cloud",
                "mistral",
                "docusign")) {
            assertTrue(bySlug.containsKey(slug), "missing " + slug);
        }
        assertEquals("gcp", kindOf("google-workspace"));
        // PayPal's page has no JSON API; its Atom feed also carries Braintree, which publishes there.
        assertEquals("atom", kindOf("paypal"));
        assertEquals(
                URI.create("https://www.paypal-status.com/feed/atom"),
                bySlug.get("paypal").sources().get(0).url());
        assertFalse(bySlug.containsKey("braintree"), "Braintree's incidents are PayPal's feed, read once");
        assertEquals("rss", kindOf("ibm-cloud"));
        assertEquals("rss", kindOf("mistral"));
        assertEquals(List.of("stripe"), waitingKinds("stripe"));
    }

    private static String kindOf(String slug) {
        return bySlug.get(slug).sources().get(0).kind();
    }

    private static List<String> waitingKinds(String slug) {
        List<String> kinds = new java.util.ArrayList<>(
                bySlug.get(slug).sources().stream().map(CatalogSource::kind).toList());
        catalog.waiting().stream()
                .filter(w -> w.vendorSlug().equals(slug))
                .forEach(w -> kinds.add(w.source().kind()));
        return kinds;
    }

    @Test
    void namesAreUniqueAndEveryVendorButUpstreamOnesHasASource() {
        List<String> names = catalog.vendors().stream()
                .map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
                .toList();
        assertEquals(names.size(), Set.copyOf(names).size(), "duplicate names");
        for (CatalogVendor vendor : catalog.vendors()) {
            boolean dependedOn =
                    catalog.vendors().stream().anyMatch(v -> v.dependsOn().contains(vendor.slug()));
            boolean waits =
                    catalog.waiting().stream().anyMatch(w -> w.vendorSlug().equals(vendor.slug()));
            assertTrue(
                    !vendor.sources().isEmpty() || waits || dependedOn,
                    vendor.slug() + " has no source and nobody depends on it");
            assertTrue(vendor.slug().matches("[a-z0-9]+(-[a-z0-9]+)*"), vendor.slug());
        }
    }

    @Test
    void theBigPlatformsAreReadWithTheirOwnFormats() {
        assertEquals("gcp", bySlug.get("google-cloud").sources().get(0).kind());
        assertEquals(
                List.of("aws", "aws"),
                bySlug.get("aws").sources().stream().map(CatalogSource::kind).toList());
        assertEquals("azure", bySlug.get("azure").sources().get(0).kind());
        assertEquals("slack", bySlug.get("slack").sources().get(0).kind());
        assertEquals(
                URI.create("https://slack-status.com"),
                bySlug.get("slack").sources().get(0).url());
    }

    @Test
    void slugsAreUniqueAndSorted() {
        List<String> slugs = catalog.vendors().stream().map(CatalogVendor::slug).toList();
        assertEquals(slugs.size(), Set.copyOf(slugs).size(), "duplicate slugs");
        assertEquals(slugs.stream().sorted().toList(), slugs, "vendors are not sorted by slug");
    }

    @Test
    void everyVendorHasANameAndHomePage() {
        for (CatalogVendor vendor : catalog.vendors()) {
            assertFalse(vendor.name().isBlank(), vendor.slug());
            assertNotNull(vendor.site(), vendor.slug() + " has no site");
            assertTrue(vendor.site().startsWith("https://"), vendor.slug() + " site " + vendor.site());
        }
    }

    @Test
    void everySourceUrlIsAbsoluteHttps() {
        for (CatalogVendor vendor : catalog.vendors()) {
            for (CatalogSource source : vendor.sources()) {
                URI url = source.url();
                assertTrue(url.isAbsolute(), vendor.slug() + ": " + url);
                assertEquals("https", url.getScheme(), vendor.slug() + ": " + url);
                assertNotNull(url.getHost(), vendor.slug() + ": " + url);
            }
        }
    }

    @Test
    void noSourceUrlIsSharedBetweenVendors() {
        Map<URI, String> owners = new HashMap<>();
        for (Map.Entry<String, CatalogSource> entry : allSources()) {
            String other = owners.putIfAbsent(entry.getValue().url(), entry.getKey());
            assertTrue(other == null, entry.getValue().url() + " belongs to both " + other + " and " + entry.getKey());
        }
    }

    @Test
    void includesTheVendorsIncidexIsKnownFor() {
        for (String slug : List.of(
                "inky",
                "github",
                "zoom",
                "atlassian",
                "cloudflare",
                "dropbox",
                "twilio",
                "datadog",
                "microsoft-365",
                "aws",
                "google-cloud",
                "azure",
                "slack")) {
            assertTrue(bySlug.containsKey(slug), "missing " + slug);
        }
        assertEquals(
                URI.create("https://www.githubstatus.com"),
                bySlug.get("github").sources().get(0).url());
        assertEquals(3, bySlug.get("atlassian").sources().size());
    }

    @Test
    void inkyDependsOnMicrosoft365() {
        CatalogVendor inky = bySlug.get("inky");
        assertEquals(List.of("microsoft-365"), inky.dependsOn());
        assertEquals(
                URI.create("https://status.inky.com"), inky.sources().get(0).url());
        assertEquals("x", bySlug.get("microsoft-365").sources().get(0).kind());
        assertEquals(
                "\\b[A-Z]{2}\\d{6,7}\\b",
                bySlug.get("microsoft-365").sources().get(0).incidentIdPattern());
    }
}
