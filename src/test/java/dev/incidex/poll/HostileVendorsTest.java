package dev.incidex.poll;

import dev.incidex.testing.ProxiedDatabase;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@link HostileVendorsChecks} on H2. */
@QuarkusTest
@WithTestResource(
        value = VendorServerResource.class,
        initArgs = @ResourceArg(name = "catalog", value = "/hostile-catalog.yaml"))
@WithTestResource(ProxiedDatabase.class)
class HostileVendorsTest extends HostileVendorsChecks {}
