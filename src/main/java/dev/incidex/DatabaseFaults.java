package dev.incidex;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database that cannot be reached (down, restarting, out of connections) from a statement the
 * database refused: the first is the operator's problem and answered 503, the second belongs to the
 * one record or request that caused it.
 */
public final class DatabaseFaults {

    // H2's own codes: connection broken, database closed, database in use, connection refused.
    private static final Set<String> H2_UNREACHABLE = Set.of("90067", "90098", "90020", "90028", "90121");

    private DatabaseFaults() {}

    public static boolean unreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t.getClass().getName().endsWith("JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null
                        && (state.startsWith("08") || state.startsWith("57P") || H2_UNREACHABLE.contains(state))) {
                    return true;
                }
                // Agroal's pool, when no connection comes within its acquisition timeout.
                if (state == null
                        && sql.getMessage() != null
                        && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }
}
