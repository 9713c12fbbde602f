package dev.incidex;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Which database a connection reaches, for the few statements written twice: a set-based claim is
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL and an update over {@code OLD TABLE} on H2.
 */
public final class Databases {

    private Databases() {}

    /** The driver answers from what it learned at connect time: no round trip. */
    public static boolean isPostgresql(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
