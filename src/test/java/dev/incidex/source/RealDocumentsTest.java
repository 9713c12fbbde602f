package dev.incidex.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.incidex.incident.Durations;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.feed.AtomAdapter;
import dev.incidex.source.feed.AzureAdapter;
import dev.incidex.source.feed.RssAdapter;
import dev.incidex.source.platform.AwsAdapter;
import dev.incidex.source.platform.GcpAdapter;
import dev.incidex.source.platform.InstatusAdapter;
import dev.incidex.source.statuspage.IncidentIoAdapter;
import dev.incidex.source.statuspage.StatuspageAdapter;
import dev.incidex.testing.RealDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden tests on documents real vendors published (src/test/resources/real/README.md says where each
 * comes from; the documents are test resources, read through {@link RealDocuments}). The expected values in
 * real/expected.tsv were read off the documents themselves (real/golden.py reads them by the rules of issue
 * 8, independently of Incidex), one row per incident. A row listed in real/known-failures.tsv is one Incidex
 * still reads wrongly: it must still fail, so that fixing it makes this test say the row can be moved back.
 */
class RealDocumentsTest {

    private static final Map<String, SourceAdapter> ADAPTERS = Map.of(
            "statuspage", new StatuspageAdapter(),
            "atom", new AtomAdapter(),
            "rss", new RssAdapter(),
            "gcp", new GcpAdapter(),
            "aws", new AwsAdapter(),
            "incidentio", new IncidentIoAdapter(),
            "azure", new AzureAdapter(),
            "instatus", new InstatusAdapter());

    /** Per document: incidents expected, incidents read, chosen incidents exactly right of those checked. */
    private static final Map<String, int[]> TALLY = new LinkedHashMap<>();

    record Row(
            String kind,
            String document,
            Instant received,
            int incidents,
            String key,
            Instant start,
            Instant resolved,
            String duration,
            int updates,
            List<String> statuses) {
        @Override
        public String toString() {
            return document + " " + key;
        }
    }

    static Stream<Row> rows() {
        return lines("real/expected.tsv").stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> {
                    String[] f = l.split("\t", -1);
                    return new Row(
                            f[0],
                            f[1],
                            Instant.parse(f[2]),
                            Integer.parseInt(f[3]),
                            f[4],
                            instant(f[5]),
                            instant(f[6]),
                            f[7],
                            Integer.parseInt(f[8]),
                            f[9].isEmpty()
                                    ? List.of()
                                    : Stream.of(f[9].split(","))
                                            .map(RealDocumentsTest::normal)
                                            .toList());
                });
    }

    private static final Map<String, String> KNOWN_FAILURES = lines("real/known-failures.tsv").stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .map(l -> l.split("\t", -1))
            .collect(Collectors.toMap(f -> f[0] + " " + f[1], f -> f[2]));

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsAsTheVendorWroteIt(Row row) throws Exception {
        String known = KNOWN_FAILURES.get(row.toString());
        if (known == null) {
            check(row);
            return;
        }
        AssertionError failure = null;
        try {
            check(row);
        } catch (AssertionError e) {
            failure = e;
        }
        if (failure == null) {
            throw new AssertionError(
                    row + " is read right now: remove it from real/known-failures.tsv (it said: " + known + ")");
        }
    }

    private void check(Row row) throws Exception {
        int[] tally =
                TALLY.computeIfAbsent(row.kind() + "/" + row.document(), d -> new int[] {row.incidents(), 0, 0, 0});
        List<ObservedIncident> all = read(row);
        tally[1] = all.size();
        tally[3]++;
        assertEquals(row.incidents(), all.size(), "incidents in " + row.document());
        ObservedIncident i = all.stream()
                .filter(o -> row.key().equals(o.vendorKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no incident " + row.key() + " in " + row.document()));

        assertEquals(row.start(), seconds(i.startedAt()), "start");
        assertEquals(row.resolved(), seconds(i.resolvedAt()), "resolved");
        assertEquals(
                i.resolvedAt() != null,
                i.status() != null && i.status().isClosed(),
                "status agrees with resolved time");
        String duration = i.startedAt() == null || i.resolvedAt() == null
                ? "—"
                : Durations.format(Duration.between(i.startedAt(), i.resolvedAt()));
        assertEquals(row.duration(), duration, "duration");
        assertEquals(row.updates(), i.updates().size(), "updates");
        assertEquals(
                row.statuses(),
                i.updates().stream().map(RealDocumentsTest::word).toList(),
                "update statuses");
        tally[2]++;
    }

    /** Per document: incidents expected, read, and exactly right; also written to target/real-documents.md. */
    @AfterAll
    static void printTable() throws IOException {
        StringBuilder table = new StringBuilder(
                "| document | incidents expected | incidents read | exactly right |\n| --- | --- | --- | --- |\n");
        TALLY.forEach((d, t) -> table.append("| ")
                .append(d)
                .append(" | ")
                .append(t[0])
                .append(" | ")
                .append(t[1])
                .append(" | ")
                .append(t[2])
                .append(" of ")
                .append(t[3])
                .append(" |\n"));
        System.out.print(table);
        java.nio.file.Path out = java.nio.file.Path.of("target", "real-documents.md");
        java.nio.file.Files.createDirectories(out.getParent());
        java.nio.file.Files.writeString(out, table);
    }

    private static List<ObservedIncident> read(Row row) throws UnreadableDocumentException {
        String path = row.kind() + "/" + row.document();
        String type = row.document().endsWith(".json")
                ? "application/json"
                : row.document().endsWith(".atom") ? "application/atom+xml" : "application/rss+xml";
        FetchedDocument doc = new FetchedDocument(
                URI.create("https://vendor.example/" + row.document()),
                type,
                RealDocuments.bytes(path),
                row.received(),
                SourceSettings.of(URI.create("https://vendor.example/")));
        return ADAPTERS.get(row.kind()).read(doc);
    }

    /** Statuspage JSON gives status codes, feeds the printed words, GCP its own codes: compare as words. */
    private static String word(ObservedUpdate u) {
        String w = u.vendorStatus() != null
                ? u.vendorStatus()
                : u.status() != null ? u.status().label() : "";
        return normal(w);
    }

    private static String normal(String w) {
        return w.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Instant seconds(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.SECONDS);
    }

    private static Instant instant(String s) {
        return s.equals("-") ? null : Instant.parse(s);
    }

    private static byte[] bytes(String path) {
        try (InputStream in = RealDocumentsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertTrue(in != null, "missing " + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String path) {
        return new ArrayList<>(
                new String(bytes(path), StandardCharsets.UTF_8).lines().collect(Collectors.toList()));
    }
}
