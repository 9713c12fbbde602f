package dev.incidex.testing;

import java.util.Map;

/**
 * Which database the suite runs on. {@code ./mvnw verify} runs it twice: on in-memory H2, then (surefire
 * execution {@code postgresql}) with every test app built for PostgreSQL, as production builds it, on the
 * local server's database {@link #POSTGRES_URL}.
 */
public final class TestDatabase {

    /** The local PostgreSQL: 127.0.0.1:5432, database {@code test} unless -Dtest.postgresql.db names another. */
    public static final String POSTGRES_URL =
            System.getProperty("test.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");

    public static final String POSTGRES_USER = System.getProperty("test.postgresql.user", "postgres");

    private TestDatabase() {}

    /** Whether this run builds the test apps for PostgreSQL. */
    public static boolean onPostgres() {
        return "postgresql".equals(System.getProperty("quarkus.datasource.db-kind"));
    }

    /**
     * Configuration that gives a test app a database no earlier test app wrote to: an in-memory H2 database of
     * its own; on PostgreSQL the suite's, as each test app there starts on a schema Flyway has just emptied
     * (named here too, so a profile such as the demo's does not put its own first).
     */
    public static Map<String, String> ownDatabase(String name) {
        return onPostgres()
                ? Map.of("quarkus.datasource.jdbc.url", POSTGRES_URL, "quarkus.datasource.username", POSTGRES_USER)
                : Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }
}
