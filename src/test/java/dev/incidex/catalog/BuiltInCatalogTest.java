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

    private static Catalog catalog;
    private static Map<String, CatalogVendor> bySlug;

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
        java.net.URL dir = dev.incidex.source.SourceAdapter.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path folder = java.nio.file.Path.of(java.net.URI.create(dir.toString())).resolve("dev/incidex/source");
        try (var files = java.nio.file.Files.walk(folder)) {
            for (String file : files.map(f -> folder.relativize(f).toString()).filter(f -> f.endsWith(".class") && !f.contains("$")).toList()) {
                try {
                    Class<?> type = Class.forName("dev.incidex.source." + file.replace(".class", "").replace(java.io.File.separatorChar, '.'));
                    if (dev.incidex.source.SourceAdapter.class.isAssignableFrom(type) && !type.isInterface()
                            && !java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                        var constructor = type.getDeclaredConstructor();
                        constructor.setAccessible(true);
                        kinds.add(((dev.incidex.source.SourceAdapter) constructor.newInstance()).kind());
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
    void hasAtLeastTwoHundredVendors() {
        assertTrue(catalog.vendors().size() >= 200, "only " + catalog.vendors().size() + " vendors");
    }

    @Test
    void namesAreUniqueAndEveryVendorButUpstreamOnesHasASource() {
        List<String> names = catalog.vendors().stream().map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList();
        assertEquals(names.size(), Set.copyOf(names).size(), "duplicate names");
        for (CatalogVendor vendor : catalog.vendors()) {
            boolean dependedOn = catalog.vendors().stream().anyMatch(v -> v.dependsOn().contains(vendor.slug()));
            assertTrue(!vendor.sources().isEmpty() || dependedOn, vendor.slug() + " has no source and nobody depends on it");
            assertTrue(vendor.slug().matches("[a-z0-9]+(-[a-z0-9]+)*"), vendor.slug());
        }
    }

    @Test
    void theBigPlatformsAreReadWithTheirOwnFormats() {
        assertEquals("gcp", bySlug.get("google-cloud").sources().get(0).kind());
        assertEquals(List.of("aws", "aws"), bySlug.get("aws").sources().stream().map(CatalogSource::kind).toList());
        assertEquals("azure", bySlug.get("azure").sources().get(0).kind());
        assertEquals("slack", bySlug.get("slack").sources().get(0).kind());
        assertEquals(URI.create("https://slack-status.com"), bySlug.get("slack").sources().get(0).url());
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
                if (source.kind().equals("statuspage")) {
                    // The adapter appends the API path itself, so a base URL carries none, not even "/".
                    assertEquals("", url.getRawPath(), vendor.slug() + ": statuspage URL is not a base URL: " + url);
                }
            }
        }
    }

    @Test
    void noSourceUrlIsSharedBetweenVendors() {
        Map<URI, String> owners = new HashMap<>();
        for (CatalogVendor vendor : catalog.vendors()) {
            for (CatalogSource source : vendor.sources()) {
                String other = owners.putIfAbsent(source.url(), vendor.slug());
                assertTrue(other == null, source.url() + " belongs to both " + other + " and " + vendor.slug());
            }
        }
    }

    @Test
    void includesTheVendorsIncidexIsKnownFor() {
        for (String slug : List.of("inky", "github", "zoom", "atlassian", "cloudflare", "dropbox", "twilio",
                "datadog", "microsoft-365", "aws", "google-cloud", "azure", "slack")) {
            assertTrue(bySlug.containsKey(slug), "missing " + slug);
        }
        assertEquals(URI.create("https://www.githubstatus.com"), bySlug.get("github").sources().get(0).url());
        assertEquals(3, bySlug.get("atlassian").sources().size());
    }

    @Test
    void inkyDependsOnMicrosoft365() {
        CatalogVendor inky = bySlug.get("inky");
        assertEquals(List.of("microsoft-365"), inky.dependsOn());
        assertEquals(URI.create("https://status.inky.com"), inky.sources().get(0).url());
        assertEquals("x", bySlug.get("microsoft-365").sources().get(0).kind());
        assertEquals("\\b[A-Z]{2}\\d{6,7}\\b", bySlug.get("microsoft-365").sources().get(0).incidentIdPattern());
    }
}
