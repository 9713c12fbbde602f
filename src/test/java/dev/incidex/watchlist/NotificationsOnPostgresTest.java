package dev.incidex.watchlist;

import dev.incidex.testing.NotificationSinksResource;
import dev.incidex.testing.OnPostgres;
import dev.incidex.testing.ProxiedDatabase;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** {@link NotificationsChecks} on PostgreSQL, where deliveries and transitions are claimed with SKIP LOCKED. */
@QuarkusTest
@Tag("postgresql")
@TestProfile(OnPostgres.class)
@WithTestResource(VendorServerResource.class)
@WithTestResource(NotificationSinksResource.class)
@WithTestResource(value = ProxiedDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
class NotificationsOnPostgresTest extends NotificationsChecks {}
