package dev.incidex.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A primary and a read replica on the local PostgreSQL ({@link TestDatabase#POSTGRES_URL}): two fresh schemas,
 * dropped afterwards. The app migrates the primary; {@link #replicate()} stands in for streaming replication by
 * copying the primary's tables into the replica's schema at that moment, so a test controls exactly what the
 * replica holds and can make it differ from the primary. Init arg {@code replica=inactive} still names the
 * replica's URL but sets {@code quarkus.datasource."read".active=false}.
 */
public class ReplicaDatabases implements QuarkusTestResourceLifecycleManager {

    private static String primary;
    private static String replica;

    private boolean active = true;

    @Override
    public void init(Map<String, String> initArgs) {
        active = !"inactive".equals(initArgs.get("replica"));
    }

    @Override
    public Map<String, String> start() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        primary = "incidex_replica_primary_" + suffix;
        replica = "incidex_replica_read_" + suffix;
        sql("create schema " + primary, "create schema " + replica);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", url(primary));
        config.put("quarkus.datasource.username", TestDatabase.POSTGRES_USER);
        config.put("quarkus.datasource.password", "");
        config.put("quarkus.datasource.\"read\".jdbc.url", url(replica));
        // A small pool: a read that kept its replica connection would exhaust it within a few requests.
        config.put("quarkus.datasource.\"read\".jdbc.max-size", "2");
        config.put("quarkus.datasource.\"read\".jdbc.acquisition-timeout", "10s");
        if (!active) {
            config.put("quarkus.datasource.\"read\".active", "false");
        }
        return config;
    }

    @Override
    public void stop() {
        try {
            sql("drop schema if exists " + primary + " cascade", "drop schema if exists " + replica + " cascade");
        } catch (RuntimeException e) {
            System.err.println("could not drop the replica test schemas: " + e);
        }
    }

    private static String url(String schema) {
        return TestDatabase.POSTGRES_URL + (TestDatabase.POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema="
                + schema;
    }

    /** The replica catches up: it now holds exactly what the primary holds (tables, rows, indexes). */
    public static void replicate() {
        try (Connection c = DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER, "");
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables where table_schema = '"
                    + primary + "' and table_type = 'BASE TABLE' order by table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            // Emptied and filled, never dropped: the app's pooled replica connections keep working.
            for (String table : tables) {
                s.execute("create table if not exists " + replica + "." + table + " (like " + primary + "." + table
                        + " including all)");
            }
            s.execute("truncate "
                    + String.join(
                            ", ", tables.stream().map(t -> replica + "." + t).toList()));
            for (String table : tables) {
                s.execute("insert into " + replica + "." + table + " select * from " + primary + "." + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not copy the primary into the replica", e);
        }
    }

    /** A count on the primary's schema ({@code primary}) or the replica's ({@code read}). */
    public static long count(String which, String query) {
        String schema = "read".equals(which) ? replica : primary;
        try (Connection c = DriverManager.getConnection(url(schema), TestDatabase.POSTGRES_USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes the replica behind the app's back: it then holds rows the primary does not. */
    public static void onReplica(String statement) {
        try (Connection c = DriverManager.getConnection(url(replica), TestDatabase.POSTGRES_USER, "");
                Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sql(String... statements) {
        try (Connection c = DriverManager.getConnection(TestDatabase.POSTGRES_URL, TestDatabase.POSTGRES_USER, "");
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
