package dev.incidex.poll;

import dev.incidex.testing.OnPostgres;
import dev.incidex.testing.ProxiedDatabase;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Tag;

/** {@link HostileVendorsChecks} on PostgreSQL, where a NUL in an error used to fail the cycle's bookkeeping. */
@QuarkusTest
@Tag("postgresql")
@TestProfile(OnPostgres.class)
@WithTestResource(
        value = VendorServerResource.class,
        initArgs = @ResourceArg(name = "catalog", value = "/hostile-catalog.yaml"))
@WithTestResource(value = ProxiedDatabase.class, initArgs = @ResourceArg(name = "kind", value = "postgresql"))
class HostileVendorsOnPostgresTest extends HostileVendorsChecks {}
