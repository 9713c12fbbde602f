package dev.incidex.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.incidex.testing.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Several Incidex processes sharing one PostgreSQL schema poll 1 000 sources on a local server that
 * counts requests: each due source is fetched once per interval across all instances, nothing is
 * stored twice, and when one instance is killed midway the others take over its sources and finish the cycles.
 *
 * <p>Runs the PostgreSQL build of the app ({@code target/pg-app}, built here when missing or older than the
 * compiled classes, as {@code deploy/smoke-postgresql.sh} builds it) on the suite's PostgreSQL database
 * ({@code -Dtest.postgresql.db}), in a schema of its own that it drops afterwards: the suite empties only
 * {@code public}. Tagged {@code postgresql}, so {@code verify} runs it once, in its first run.
 */
@Tag("multi-instance")
@Tag("postgresql")
class MultiInstanceTest {

    private static final int SOURCES = 1000;
    private static final int CYCLES = 10;
    /** Fetches of each source before the cycles counted: its import and the poll that catches up after it. */
    private static final int WARM_UP = 2;
    // The lease is the interval (three fetch timeouts fit in it), so a source the killed instance held is taken over
    // one interval after it was claimed: it misses the cycle in which the instance died and is never fetched twice in
    // one. Four JVMs share two cores here: with 10 s, 224 of 1 000 sources were polled 5-10 s late in a run on an
    // otherwise idle machine (two instances: none), so the interval leaves room for that.
    private static final Duration INTERVAL = Duration.ofSeconds(20);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);
    private static final String URL = TestDatabase.POSTGRES_URL;
    private static final String USER = TestDatabase.POSTGRES_USER;

    private final String schema = "incidex_multi_" + ProcessHandle.current().pid();
    private final AtomicIntegerArray fetches = new AtomicIntegerArray(SOURCES);
    private final Map<Integer, List<Long>> fetchTimes = new ConcurrentHashMap<>();
    private final List<Process> instances = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private Path work;

    @BeforeEach
    void start() throws Exception {
        work = Files.createTempDirectory("incidex-multi");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::answer);
        server.start();
        StringBuilder catalog = new StringBuilder("vendors:\n");
        for (int i = 0; i < SOURCES; i++) {
            catalog.append("  - slug: v")
                    .append(i)
                    .append("\n    name: Vendor ")
                    .append(i)
                    .append("\n    sources:\n      - kind: statuspage\n        url: http://127.0.0.1:")
                    .append(server.getAddress().getPort())
                    .append("/v")
                    .append(i)
                    .append('\n');
        }
        Files.writeString(work.resolve("catalog.yaml"), catalog);
        sql("drop schema if exists " + schema + " cascade");
        sql("create schema " + schema);
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : instances) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.stop(0);
        }
        sql("drop schema if exists " + schema + " cascade");
    }

    @Test
    void twoInstancesOneKilledMidway() throws Exception {
        pollWithOneKilledMidway(2);
    }

    @Test
    void fourInstancesOneKilledMidway() throws Exception {
        pollWithOneKilledMidway(4);
    }

    private void pollWithOneKilledMidway(int count) throws Exception {
        launch(count);

        // The first poll of each source stores its incident (1 000 merges while 2-4 JVMs warm up on 2 cores) and is
        // recorded late on a slow machine, and so can the second be, still catching up; the next is due an interval
        // after the second was due, so it can follow a late second within seconds. The CYCLES cycles counted are
        // those after the first two.
        long killedAt = awaitCycles(WARM_UP + CYCLES, () -> instances.get(0).destroyForcibly());

        // From its third fetch on, every source is fetched once per interval, never twice in one, and exactly CYCLES
        // times in CYCLES intervals. The one exception: a source the killed instance had claimed but not yet fetched is
        // taken over when its lease ends, one interval after its claim, so it misses the cycle in which it died.
        List<String> wrong = new ArrayList<>();
        int missedAtKill = 0;
        for (int vendor = 0; vendor < SOURCES; vendor++) {
            long[] t = fetchTimes.getOrDefault(vendor, List.of()).stream()
                    .mapToLong(Long::longValue)
                    .sorted()
                    .skip(WARM_UP)
                    .toArray();
            List<Long> gaps = new ArrayList<>();
            int skipped = 0;
            boolean regular = true;
            for (int i = 1; i < t.length; i++) {
                long gap = t[i] - t[i - 1];
                gaps.add(gap / 1_000_000);
                boolean once = gap >= INTERVAL.toNanos() / 2 && gap < INTERVAL.toNanos() * 3 / 2;
                boolean missed = gap >= INTERVAL.toNanos() * 3 / 2
                        && gap < INTERVAL.toNanos() * 5 / 2
                        && t[i - 1] < killedAt
                        && killedAt < t[i];
                skipped += missed ? 1 : 0;
                regular &= once || missed;
            }
            int inFirstCycles = fetchesInFirstCycles(t);
            if (!regular || skipped > 1 || inFirstCycles != CYCLES - skipped) {
                wrong.add("v" + vendor + ": " + inFirstCycles + " fetches in its first " + CYCLES
                        + " intervals, ms between fetches " + gaps);
            }
            missedAtKill += skipped;
        }
        System.out.printf(
                "%d instances, one killed midway: %d of %d sources missed the cycle in which it died, %d fetched"
                        + " otherwise than once per interval%n",
                count, missedAtKill, SOURCES, wrong.size());
        // Stored once, whatever the timing: checked first, so a slow run still reports it.
        assertNothingStoredTwiceOrLost();
        assertThat(wrong)
                .as(
                        "sources not fetched once per %d s interval (instance killed %d ms after the first fetch; logs in %s)",
                        INTERVAL.toSeconds(), (killedAt - firstFetch()) / 1_000_000, work)
                .isEmpty();
    }

    /** Answers a vendor's Statuspage documents; the incident gains an update every third fetch. */
    private void answer(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/"); // "", "v12", "api", "v2", "incidents.json"
        int vendor = Integer.parseInt(path[1].substring(1));
        String body;
        String etag;
        if (path[4].equals("incidents.json")) {
            int before = fetches.getAndIncrement(vendor);
            fetchTimes
                    .computeIfAbsent(vendor, v -> new CopyOnWriteArrayList<>())
                    .add(System.nanoTime());
            int updates = 1 + before / 3;
            etag = "\"" + updates + "\"";
            body = incidents(vendor, updates);
        } else {
            etag = "\"m\"";
            body = "{\"scheduled_maintenances\":[]}";
        }
        exchange.getResponseHeaders().set("ETag", etag);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String incidents(int vendor, int updates) {
        StringBuilder ups = new StringBuilder();
        for (int u = updates - 1; u >= 0; u--) {
            String at = "2026-01-01T%02d:%02d:00Z".formatted(u / 60, u % 60);
            ups.append(ups.isEmpty() ? "" : ",")
                    .append("{\"id\":\"u")
                    .append(vendor)
                    .append('x')
                    .append(u)
                    .append("\",\"status\":\"")
                    .append(u == 0 ? "investigating" : "monitoring")
                    .append("\",\"body\":\"Update ")
                    .append(u)
                    .append("\",\"created_at\":\"")
                    .append(at)
                    .append("\",\"display_at\":\"")
                    .append(at)
                    .append("\"}");
        }
        return "{\"incidents\":[{\"id\":\"inc" + vendor + "\",\"name\":\"Outage " + vendor
                + "\",\"status\":\"monitoring\","
                + "\"impact\":\"minor\",\"created_at\":\"2026-01-01T00:00:00Z\",\"started_at\":\"2026-01-01T00:00:00Z\","
                + "\"resolved_at\":null,\"incident_updates\":[" + ups + "],\"components\":[]}]}";
    }

    private void launch(int count) throws Exception {
        Path jar = Path.of("target/pg-app/quarkus-run.jar");
        if (!Files.exists(jar) || Files.getLastModifiedTime(jar).compareTo(newestClass()) < 0) {
            long started = System.nanoTime();
            // Offline first (the build running this test has fetched nearly everything); a clean clone's cache may
            // still lack a packaging plugin, which the second attempt fetches from Maven Central.
            assertThat(buildPostgresqlApp(true) || buildPostgresqlApp(false))
                    .as("building the PostgreSQL app (target/pg-app)")
                    .isTrue();
            System.out.printf(
                    "built target/pg-app in %d s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
        }
        for (int i = 0; i < count; i++) {
            ProcessBuilder pb = new ProcessBuilder(
                    "java", "-Xmx256m", "-jar", jar.toAbsolutePath().toString());
            Map<String, String> env = pb.environment();
            env.put("QUARKUS_DATASOURCE_JDBC_URL", URL + "?currentSchema=" + schema);
            env.put("QUARKUS_DATASOURCE_USERNAME", USER);
            env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
            // A busy CI machine: start-up must not give up on its first connection or its catalog transaction.
            env.put("QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT", "60S");
            env.put("QUARKUS_TRANSACTION_MANAGER_DEFAULT_TRANSACTION_TIMEOUT", "600S");
            env.put("QUARKUS_HTTP_PORT", "0");
            env.put("INCIDEX_CATALOG", work.resolve("catalog.yaml").toString());
            env.put("INCIDEX_POLL_INTERVAL", INTERVAL.toSeconds() + "s");
            env.put("INCIDEX_POLL_TICK", "0.5s");
            env.put("INCIDEX_POLL_FIRST_DELAY", "0s");
            env.put("INCIDEX_FETCH_TIMEOUT", FETCH_TIMEOUT.toSeconds() + "s");
            pb.redirectErrorStream(true)
                    .redirectOutput(work.resolve("instance-" + i + ".log").toFile());
            instances.add(pb.start());
        }
    }

    private static boolean buildPostgresqlApp(boolean offline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                new File("mvnw").getAbsolutePath(),
                "-B",
                "-q",
                "-DskipTests",
                "-Dspotless.check.skip=true",
                "package",
                "-Dquarkus.datasource.db-kind=postgresql",
                "-Dquarkus.package.output-directory=pg-app"));
        if (offline) {
            command.add(2, "-o");
        }
        return new ProcessBuilder(command).inheritIO().start().waitFor() == 0;
    }

    /** When the newest compiled class was written: a PostgreSQL build older than that would test old code. */
    private static FileTime newestClass() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("target/classes"))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            FileTime newest = FileTime.fromMillis(0);
            for (Path f : all) {
                FileTime t = Files.getLastModifiedTime(f);
                newest = t.compareTo(newest) > 0 ? t : newest;
            }
            return newest;
        }
    }

    /**
     * Waits until every source was fetched {@code cycles} times, running {@code midway} once each was fetched half as
     * often, then stops every instance; returns when {@code midway} ran ({@link System#nanoTime}).
     */
    private long awaitCycles(int cycles, Runnable midway) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long ran = 0;
        while (min() < cycles) {
            if (ran == 0 && min() >= 1 + cycles / 2) {
                midway.run();
                ran = System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sources fetched " + counts() + " after 10 minutes; logs in " + work);
            }
            Thread.sleep(20);
        }
        // Let the last polls be recorded (a poll whose lease ran out is recorded by the next one).
        long recorded = System.nanoTime() + INTERVAL.multipliedBy(3).toNanos();
        while (incompleteIncidents() > 0 && System.nanoTime() < recorded) {
            Thread.sleep(100);
        }
        for (Process p : instances) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        return ran;
    }

    private long firstFetch() {
        return fetchTimes.values().stream()
                .flatMap(List::stream)
                .mapToLong(Long::longValue)
                .min()
                .orElse(0);
    }

    private int min() {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < SOURCES; i++) {
            min = Math.min(min, fetches.get(i));
        }
        return min;
    }

    /**
     * How often a source was fetched within {@code CYCLES} intervals, counted from the first fetch given: sources
     * start in different phases (the first cycle claims them batch by batch), so a source counts its own cycles, the
     * last ending half an interval before its next poll is due.
     */
    private static int fetchesInFirstCycles(long[] sortedTimes) {
        if (sortedTimes.length == 0) {
            return 0;
        }
        long window = INTERVAL.toNanos() * CYCLES - INTERVAL.toNanos() / 2;
        int n = 0;
        for (long t : sortedTimes) {
            if (t - sortedTimes[0] < window) {
                n++;
            }
        }
        return n;
    }

    /** How many sources were fetched how many times. */
    private Map<Integer, Integer> counts() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < SOURCES; i++) {
            counts.merge(fetches.get(i), 1, Integer::sum);
        }
        return counts;
    }

    private void assertNothingStoredTwiceOrLost() throws SQLException {
        assertThat(query("select count(*) from " + schema + ".incident")).isEqualTo(SOURCES);
        assertThat(query("select count(*) from (select vendor_id, vendor_key from " + schema
                        + ".incident group by vendor_id, vendor_key having count(*) > 1) d"))
                .as("duplicate incidents")
                .isZero();
        assertThat(query("select count(*) from (select incident_id, posted_at, status from " + schema
                        + ".incident_update group by incident_id, posted_at, status having count(*) > 1) d"))
                .as("duplicate updates")
                .isZero();
        // Every incident has the updates of the last document its source served.
        assertThat(incompleteIncidents()).as("incidents missing updates").isZero();
    }

    /** Incidents without every update of the document their source served at its last counted fetch. */
    private long incompleteIncidents() throws SQLException {
        int expected = 1 + CYCLES / 3;
        return SOURCES
                - query("select count(*) from (select incident_id from " + schema
                        + ".incident_update group by incident_id having count(*) >= " + expected + ") d");
    }

    private long query(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void sql(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
