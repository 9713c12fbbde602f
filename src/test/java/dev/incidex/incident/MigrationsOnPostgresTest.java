package dev.incidex.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The schema is Flyway's alone and must hold on PostgreSQL as well as H2 (the rest of the suite
 * runs on H2). Runs every migration into a fresh schema of the local PostgreSQL
 * (127.0.0.1:5432, database {@code test}; another with -Dtest.postgresql.db=…).
 */
@Tag("postgresql")
class MigrationsOnPostgresTest {

    static final String URL = TestDatabase.POSTGRES_URL;
    static final String USER = TestDatabase.POSTGRES_USER;

    @Test
    void everyMigrationAppliesAndTheModelsConstraintsHold() throws SQLException {
        String schema = freshSchema();
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(URL, USER, "")
                    .schemas(schema)
                    .createSchemas(true)
                    .locations("classpath:db/migration")
                    .load();
            assertThat(flyway.migrate().success).isTrue();

            try (Connection c = DriverManager.getConnection(URL, USER, "");
                    Statement s = in(c, schema)) {
                s.execute(
                        "insert into vendor (slug, name, origin, in_catalog, created_at) values ('inky', 'INKY', 'catalog', true, now())");
                s.execute(
                        "insert into incident (vendor_id, vendor_key, title, status, maintenance, exact_times, detected_at, changed_at, sort_at,"
                                + " started_at, resolved_at) select id, 'q7wz3k1r9h2m', 'Informational Update', 'RESOLVED', false, true, now(), now(), now(),"
                                + " timestamptz '2023-03-29 14:04:37.405+00', timestamptz '2023-03-30 12:12:05.614+00' from vendor");
                try (ResultSet r =
                        s.executeQuery("select extract(epoch from resolved_at - started_at) from incident")) {
                    r.next();
                    assertThat(r.getDouble(1)).isEqualTo(79648.209);
                }
                org.assertj.core.api.Assertions.assertThatThrownBy(
                                () -> s.execute(
                                        "insert into incident (vendor_id, vendor_key, title, status, maintenance, exact_times, detected_at, changed_at, sort_at)"
                                                + " select id, 'q7wz3k1r9h2m', 'again', 'RESOLVED', false, true, now(), now(), now() from vendor"))
                        .hasMessageContaining("incident_vendor_key_unique");
                // V18: a vendor's sources by index (its pages read them on every request).
                try (ResultSet r = s.executeQuery("select count(*) from pg_indexes where schemaname = '" + schema
                        + "' and tablename = 'source' and indexname = 'source_vendor'")) {
                    r.next();
                    assertThat(r.getInt(1)).isEqualTo(1);
                }
            }
        } finally {
            drop(schema);
        }
    }

    /** V17 fills a database's vendor hours from the incidents it already holds (here one, resolved after 22h 7m). */
    @Test
    void v17FillsTheVendorHoursOfExistingIncidents() throws SQLException {
        String schema = freshSchema();
        try {
            org.flywaydb.core.api.configuration.FluentConfiguration config = Flyway.configure()
                    .dataSource(URL, USER, "")
                    .schemas(schema)
                    .createSchemas(true)
                    .locations("classpath:db/migration");
            assertThat(config.target("16").load().migrate().success).isTrue();
            try (Connection c = DriverManager.getConnection(URL, USER, "");
                    Statement s = in(c, schema)) {
                s.execute(
                        "insert into vendor (slug, name, origin, in_catalog, created_at) values ('inky', 'INKY', 'catalog', true, now())");
                s.execute(
                        "insert into incident (vendor_id, vendor_key, title, status, maintenance, exact_times, detected_at, changed_at, sort_at,"
                                + " started_at, resolved_at) select id, 'q7wz3k1r9h2m', 'Informational Update', 'RESOLVED', false, true, now(), now(),"
                                + " timestamptz '2023-03-29 14:04:37.405+00', timestamptz '2023-03-29 14:04:37.405+00',"
                                + " timestamptz '2023-03-30 12:12:05.614+00' from vendor");
            }
            assertThat(config.target("latest").load().migrate().success).isTrue();
            try (Connection c = DriverManager.getConnection(URL, USER, "");
                    Statement s = in(c, schema)) {
                java.util.List<String> rows = new java.util.ArrayList<>();
                try (ResultSet r = s.executeQuery("select to_char(utc_hour at time zone 'UTC', 'YYYY-MM-DD HH24:MI'),"
                        + " impact, started, closed_started, closed_ended, resolved, resolve_nanos from vendor_hour"
                        + " order by utc_hour")) {
                    while (r.next()) {
                        rows.add(r.getString(1) + " " + r.getInt(2) + " " + r.getLong(3) + " " + r.getLong(4) + " "
                                + r.getLong(5) + " " + r.getLong(6) + " " + r.getBigDecimal(7));
                    }
                }
                assertThat(rows)
                        .containsExactly("2023-03-29 14:00 1 1 1 0 1 79648209000000", "2023-03-30 12:00 1 0 0 1 0 0");
            }
        } finally {
            drop(schema);
        }
    }

    /** A schema of its own for each test, dropped by {@link #drop} whatever happens. */
    private static String freshSchema() {
        return "incidex_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A statement whose tables are those of {@code schema}. */
    private static Statement in(Connection c, String schema) throws SQLException {
        Statement s = c.createStatement();
        s.execute("set search_path to " + schema);
        return s;
    }

    private static void drop(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, "");
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
