package db.migration;

import dev.incidex.Databases;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A vendor's sources found by index on PostgreSQL: its pages read them (and their polls' stamp) on every request,
 * which without an index on the foreign key scans every source. H2 made one with the foreign key already; a second
 * would only cost every poll's writes.
 */
public class V18__source_vendor_index extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        if (!Databases.isPostgresql(context.getConnection())) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("create index if not exists source_vendor on source (vendor_id)");
        }
    }
}
