package dev.incidex.web;

import dev.incidex.testing.ProxiedDatabase;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@link DatabaseDownChecks} on H2 (an H2 server of its own behind the proxy). */
@QuarkusTest
@WithTestResource(
        value = VendorServerResource.class,
        initArgs = @ResourceArg(name = "catalog", value = "/hostile-catalog.yaml"))
@WithTestResource(ProxiedDatabase.class)
class DatabaseDownTest extends DatabaseDownChecks {}
