package dev.incidex;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Which stage of the data's trip may use which: the poller drives fetch, source and incident;
 * adapters never touch HTTP clients, the database or the scheduler; the read side (pages, API,
 * feeds, watchlists) reads the model and never reaches into polling. Read off the imports.
 */
class ArchitectureTest {

    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // The words every stage shares: statuses, impacts, observed incidents and updates.
            Map.entry("model", Set.of()),
            Map.entry("fetch", Set.of()),
            // Which vendors and sources exist; it learns the readable kinds through SourceKinds.
            Map.entry("catalog", Set.of()),
            // Adapters may name how a request authenticates (a value type), nothing else of fetch.
            Map.entry("source", Set.of("model", "catalog", "fetch")),
            Map.entry("incident", Set.of("model", "catalog")),
            Map.entry("poll", Set.of("model", "catalog", "fetch", "source", "incident")),
            Map.entry("discovery", Set.of("model", "catalog", "fetch", "source", "incident", "poll")),
            Map.entry("web", Set.of("model", "catalog", "incident", "discovery")),
            Map.entry("api", Set.of("model", "catalog", "incident", "discovery")),
            Map.entry("feed", Set.of("model", "catalog", "incident")),
            Map.entry("watchlist", Set.of("model", "catalog", "incident", "feed")),
            Map.entry("demo", Set.of()));

    static final Pattern IMPORT = Pattern.compile("^import (?:static )?dev\\.incidex\\.([a-z]+)\\.", Pattern.MULTILINE);

    @Test
    void everyStageUsesOnlyTheStagesItMay() throws IOException {
        Path root = Path.of("src/main/java/dev/incidex");
        Map<String, Set<String>> actual = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue; // the root package: configuration and the clock, shared by all
                }
                String stage = relative.getName(0).toString();
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals(stage)) {
                        actual.computeIfAbsent(stage, s -> new TreeSet<>()).add(m.group(1));
                    }
                }
                actual.computeIfAbsent(stage, s -> new TreeSet<>());
            }
        }
        assertThat(ALLOWED.keySet()).as("every package has a row").containsAll(actual.keySet());
        actual.forEach((stage, uses) -> assertThat(uses).as(stage + " uses").isSubsetOf(ALLOWED.get(stage)));
    }
}
