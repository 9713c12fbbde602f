package dev.incidex.api;

import dev.incidex.testing.ProxiedDatabase;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@link HostileRequestsChecks} on H2. */
@QuarkusTest
@WithTestResource(
        value = VendorServerResource.class,
        initArgs = @ResourceArg(name = "catalog", value = "/hostile-catalog.yaml"))
@WithTestResource(ProxiedDatabase.class)
class HostileRequestsTest extends HostileRequestsChecks {}
