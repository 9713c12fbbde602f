package db.migration;

import dev.incidex.incident.VendorHours;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue "cached figures": each vendor's figures per UTC hour, kept by the merge, so a vendor page sums rows instead
 * of counting incidents. In Java rather than SQL so the rows existing incidents get are made by the very rule the
 * merge keeps them by ({@link VendorHours}), on H2 and PostgreSQL alike (their SQL for "the UTC hour of" differs).
 * Runs again cleanly after a failure: the table is made if missing and its rows replaced.
 */
public class V17__vendor_hours extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            // impact: VendorHours.rank (1 unknown, 2 notice, ... 5 critical).
            // started: non-maintenance incidents sorted (sort_at) into the hour, any status (incidents per month).
            // closed_started, closed_ended: closed ones by the hour of their sort_at and of their end (the 90 days).
            // resolved, resolve_nanos: resolved ones, resolved_at >= started_at, by the hour of started_at.
            s.execute("create table if not exists vendor_hour ("
                    + " vendor_id bigint not null references vendor (id),"
                    + " utc_hour timestamp with time zone not null,"
                    + " impact smallint not null,"
                    + " started bigint not null,"
                    + " closed_started bigint not null,"
                    + " closed_ended bigint not null,"
                    + " resolved bigint not null,"
                    + " resolve_nanos numeric(38) not null,"
                    + " primary key (vendor_id, utc_hour, impact))");
            // Incident.version: two merges changing one incident at once must not both count their change.
            s.execute("alter table incident add column if not exists version bigint default 0 not null");
        }
        VendorHours.rebuild(context.getConnection());
    }
}
