package dev.incidex.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that CatalogReader reads every field and names file, line and problem for each kind of mistake. */
class CatalogReaderTest {

    private static final String ORIGIN = "/etc/incidex/vendors.yaml";
    private static final Set<String> KINDS = Set.of("statuspage", "rss", "atom");

    private static Catalog read(String yaml) {
        return CatalogReader.read(new StringReader(yaml), ORIGIN, KINDS);
    }

    /** Asserts that reading fails with a message naming the origin, {@code line} and every given fragment. */
    private static void assertFails(String yaml, int line, String... fragments) {
        CatalogException e = assertThrows(CatalogException.class, () -> read(yaml));
        String message = e.getMessage();
        assertTrue(message.startsWith("catalog " + ORIGIN + ", line " + line + ": "), message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
    }

    @Test
    void readsEveryField() {
        Catalog catalog = read("""
                vendors:
                  - slug: inky
                    name: INKY
                    site: https://www.inky.com
                    depends-on: [microsoft-365]
                    sources:
                      - kind: statuspage
                        url: https://status.inky.com
                        incident-id-pattern: '\\b[A-Z]{2}\\d{6,7}\\b'
                        time-zone: Europe/Berlin
                      - kind: rss
                        url: https://status.inky.com/history.rss
                  - slug: microsoft-365
                    name: Microsoft 365
                """);

        assertEquals(ORIGIN, catalog.origin());
        assertEquals(2, catalog.vendors().size());
        CatalogVendor inky = catalog.vendors().get(0);
        assertEquals("inky", inky.slug());
        assertEquals("INKY", inky.name());
        assertEquals("https://www.inky.com", inky.site());
        assertEquals(List.of("microsoft-365"), inky.dependsOn());
        assertEquals(
                List.of(
                        new CatalogSource(
                                "statuspage",
                                URI.create("https://status.inky.com"),
                                "\\b[A-Z]{2}\\d{6,7}\\b",
                                ZoneId.of("Europe/Berlin")),
                        new CatalogSource("rss", URI.create("https://status.inky.com/history.rss"), null, null)),
                inky.sources());

        CatalogVendor microsoft = catalog.vendors().get(1);
        assertEquals(new CatalogVendor("microsoft-365", "Microsoft 365", null, List.of(), List.of()), microsoft);
    }

    @Test
    void readsAFileWithItsPathAsOrigin(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("vendors.yaml"), "vendors:\n  - slug: a\n    name: A\n");
        Catalog catalog = CatalogReader.read(file, KINDS);
        assertEquals(file.toString(), catalog.origin());
        assertEquals("a", catalog.vendors().get(0).slug());
    }

    @Test
    void missingFileIsACatalogException(@TempDir Path dir) {
        Path file = dir.resolve("absent.yaml");
        CatalogException e = assertThrows(CatalogException.class, () -> CatalogReader.read(file, KINDS));
        assertTrue(e.getMessage().startsWith("catalog " + file + ": cannot read"), e.getMessage());
    }

    @Test
    void yamlSyntaxError() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: [INKY
                """, 4, "YAML syntax error");
    }

    @Test
    void yamlSyntaxErrorInTheMiddle() {
        assertFails("""
                vendors:
                  - slug: inky
                  name: INKY
                """, 3, "YAML syntax error");
    }

    @Test
    void emptyDocument() {
        assertFails("# nothing yet\n", 1, "empty");
    }

    @Test
    void topLevelNotAMapping() {
        assertFails("""
                - slug: inky
                  name: INKY
                """, 1, "top level must be a mapping with a 'vendors' list, found a list");
    }

    @Test
    void topLevelWithoutVendors() {
        assertFails("""
                # no vendors here
                vendor:
                  - slug: inky
                """, 2, "unknown key 'vendor' at the top level (allowed: vendors)");
        assertFails("""
                # nothing under it
                {}
                """, 2, "missing 'vendors' list");
    }

    @Test
    void vendorsNotAList() {
        assertFails("""
                vendors:
                  inky: INKY
                """, 2, "'vendors' must be a list, found a mapping");
    }

    @Test
    void vendorNotAMapping() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                  - github
                """, 4, "a vendor must be a mapping", "found the value 'github'");
    }

    @Test
    void unknownVendorKey() {
        assertFails(
                """
                vendors:
                  - slug: inky
                    name: INKY
                    depends_on: [microsoft-365]
                """,
                4,
                "unknown key 'depends_on' in a vendor",
                "(allowed: checked, depends-on, name, site, slug, sources)");
    }

    @Test
    void sourceKeyAtVendorLevel() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    url: https://status.inky.com
                """, 4, "unknown key 'url' in a vendor", "allowed:");
    }

    @Test
    void unknownSourceKey() {
        assertFails(
                """
                vendors:
                  - slug: inky
                    name: INKY
                    sources:
                      - kind: statuspage
                        url: https://status.inky.com
                        timezone: Europe/Berlin
                """,
                7,
                "unknown key 'timezone' in a source of vendor 'inky'",
                "(allowed: incident-id-pattern, kind, label, needs-kind, time-zone, url)");
    }

    @Test
    void duplicateKey() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    name: Inky
                """, 4, "duplicate key 'name' in a vendor (first at line 3)");
    }

    @Test
    void missingSlug() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                  - name: GitHub
                    site: https://github.com
                """, 4, "vendor has no slug");
    }

    @Test
    void missingName() {
        assertFails("""
                vendors:
                  - slug: inky
                    site: https://www.inky.com
                """, 2, "vendor 'inky' has no name");
    }

    @Test
    void blankName() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: ''
                """, 3, "vendor 'inky' has no name");
    }

    @Test
    void invalidSlug() {
        assertFails("""
                vendors:
                  - slug: Inky
                    name: INKY
                """, 2, "slug 'Inky' must match [a-z0-9][a-z0-9-]{0,62}");
        assertFails("""
                vendors:
                  - slug: -inky
                    name: INKY
                """, 2, "slug '-inky' must match");
    }

    @Test
    void duplicateSlug() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                  - slug: github
                    name: GitHub
                  - slug: inky
                    name: Inky again
                """, 6, "duplicate slug 'inky' (first at line 2)");
    }

    @Test
    void siteNotAnAbsoluteHttpUrl() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    site: www.inky.com
                """, 4, "site 'www.inky.com' is not an absolute http(s) URL");
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    site: ftp://inky.com
                """, 4, "site 'ftp://inky.com' is not an absolute http(s) URL");
    }

    @Test
    void urlNotAnAbsoluteHttpUrl() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    sources:
                      - kind: statuspage
                        url: https://status inky.com
                """, 6, "url 'https://status inky.com' is not an absolute http(s) URL");
    }

    @Test
    void missingUrl() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    sources:
                      - kind: statuspage
                """, 5, "source of vendor 'inky' has no url");
    }

    @Test
    void unknownKind() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    sources:
                      - kind: statuspag
                        url: https://status.inky.com
                """, 5, "unknown source kind 'statuspag' (known: atom, rss, statuspage;");
    }

    @Test
    void checkedNoteIsKeptAndNeedsNoParsing() {
        Catalog catalog = read("""
                vendors:
                  - slug: inky
                    name: INKY
                    checked: 'inket/stts Resources/services.json (statuspage), 2026-12-01'
                    sources:
                      - kind: statuspage
                        url: https://status.inky.com
                """);
        assertEquals(
                "inket/stts Resources/services.json (statuspage), 2026-12-01",
                catalog.vendors().get(0).checked());
    }

    @Test
    void checkedMustBeOneValue() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    checked: [a, b]
                """, 4, "checked must be a single value, found a list");
    }

    @Test
    void needsKindWaitsForItsAdapterWithoutFailingTheCatalog() {
        Catalog catalog = read("""
                vendors:
                  - slug: stripe
                    name: Stripe
                    sources:
                      - needs-kind: stripe
                        url: https://status.stripe.com
                      - needs-kind: statuspage
                        url: https://www.stripestatus.com
                """);
        CatalogVendor stripe = catalog.vendors().get(0);
        // A kind this build reads is an ordinary source; the other waits, with its line for messages.
        assertEquals(
                List.of(new CatalogSource("statuspage", URI.create("https://www.stripestatus.com"), null, null)),
                stripe.sources());
        assertEquals(
                List.of(new Catalog.WaitingSource(
                        "stripe", new CatalogSource("stripe", URI.create("https://status.stripe.com"), null, null), 5)),
                catalog.waiting());
    }

    @Test
    void needsKindStillChecksItsUrl() {
        assertFails("""
                vendors:
                  - slug: stripe
                    name: Stripe
                    sources:
                      - needs-kind: stripe
                        url: status.stripe.com
                """, 6, "url 'status.stripe.com' is not an absolute http(s) URL");
    }

    @Test
    void kindAndNeedsKindTogetherAreAMistake() {
        assertFails("""
                vendors:
                  - slug: stripe
                    name: Stripe
                    sources:
                      - kind: statuspage
                        needs-kind: stripe
                        url: https://status.stripe.com
                """, 6, "has both kind and needs-kind");
    }

    @Test
    void needsKindMustLookLikeAKind() {
        assertFails("""
                vendors:
                  - slug: stripe
                    name: Stripe
                    sources:
                      - needs-kind: Stripe JSON
                        url: https://status.stripe.com
                """, 5, "needs-kind 'Stripe JSON' must match");
    }

    @Test
    void sourceNotAMapping() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    sources:
                      - https://status.inky.com
                """, 5, "a source of vendor 'inky' must be a mapping");
    }

    @Test
    void duplicateSourceWithinAVendor() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    sources:
                      - kind: statuspage
                        url: https://status.inky.com
                      - kind: rss
                        url: https://status.inky.com/history.rss
                      - kind: statuspage
                        url: https://STATUS.inky.com
                """, 9, "duplicate source statuspage https://STATUS.inky.com in vendor 'inky' (first at line 5)");
    }

    @Test
    void sameUrlWithAnotherKindIsNoDuplicate() {
        Catalog catalog = read("""
                vendors:
                  - slug: inky
                    name: INKY
                    sources:
                      - kind: rss
                        url: https://status.inky.com/feed
                      - kind: atom
                        url: https://status.inky.com/feed
                """);
        assertEquals(2, catalog.vendors().get(0).sources().size());
    }

    @Test
    void dependsOnUnknownSlug() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    depends-on:
                      - microsoft-365
                      - microsoft-356
                  - slug: microsoft-365
                    name: Microsoft 365
                """, 6, "vendor 'inky' depends on unknown vendor 'microsoft-356'");
    }

    @Test
    void dependsOnItself() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    depends-on: [inky]
                """, 4, "vendor 'inky' depends on itself");
    }

    @Test
    void dependsOnNotAList() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    depends-on: microsoft-365
                  - slug: microsoft-365
                    name: Microsoft 365
                """, 4, "depends-on must be a list, found the value 'microsoft-365'");
    }

    @Test
    void invalidIncidentIdPattern() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    sources:
                      - kind: statuspage
                        url: https://status.inky.com
                        incident-id-pattern: '[A-Z{2}'
                """, 7, "invalid incident-id-pattern '[A-Z{2}'");
    }

    @Test
    void unknownTimeZone() {
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    sources:
                      - kind: rss
                        url: https://status.inky.com/history.rss
                        time-zone: Europe/Berln
                """, 7, "unknown time-zone 'Europe/Berln'");
    }

    @Test
    void nonScalarWhereAValueIsExpected() {
        assertFails("""
                vendors:
                  - slug: inky
                    name:
                      en: INKY
                """, 4, "name must be a single value, found a mapping");
        assertFails("""
                vendors:
                  - slug: [inky, INKY]
                    name: INKY
                """, 2, "slug must be a single value, found a list");
        assertFails("""
                vendors:
                  - slug: inky
                    name: INKY
                    depends-on: [[microsoft-365]]
                """, 4, "depends-on entry must be a single value, found a list");
    }

    @Test
    void emptySourcesAllowed() {
        Catalog catalog = read("""
                vendors:
                  - slug: microsoft-365
                    name: Microsoft 365
                    sources: []
                """);
        assertEquals(List.of(), catalog.vendors().get(0).sources());
        assertNull(catalog.vendors().get(0).site());
    }

    @Test
    void typedTagsAreNeverInstantiated() {
        // Java type tags are refused while composing, before any constructor could see them.
        assertFails("""
                vendors:
                  - !!java.io.File /etc/passwd
                """, 2, "invalid YAML: Global tag is not allowed");
    }

    @Test
    void secondDocument() {
        assertFails("""
                vendors: []
                ---
                vendors: []
                """, 2, "invalid YAML", "single document");
    }

    /** 100 000 vendors: some 14 MB of YAML, over the parser's default 3 MiB limit. */
    private static String fleet(int vendors, String lastKind) {
        StringBuilder yaml = new StringBuilder(vendors * 150).append("vendors:\n");
        for (int i = 0; i < vendors; i++) {
            yaml.append("  - slug: vendor-")
                    .append(i)
                    .append("\n    name: Vendor ")
                    .append(i)
                    .append("\n    sources:\n      - kind: ")
                    .append(i == vendors - 1 ? lastKind : "statuspage")
                    .append("\n        url: http://127.0.0.1:8081/v")
                    .append(i)
                    .append("\n");
        }
        return yaml.toString();
    }

    @Test
    void aCatalogOfAHundredThousandVendorsLoads() {
        Catalog catalog = read(fleet(100_000, "statuspage"));

        assertEquals(100_000, catalog.vendors().size());
        assertEquals("vendor-99999", catalog.vendors().get(99_999).slug());
    }

    @Test
    void aHundredThousandVendorsKeepLineNumberedErrors() {
        // The last vendor's kind is on line 1 + 99 999 * 5 + 4.
        assertFails(fleet(100_000, "statuspag"), 1 + 99_999 * 5 + 4, "unknown source kind 'statuspag'");
    }
}
