package dev.incidex.watchlist;

import dev.incidex.testing.NotificationSinksResource;
import dev.incidex.testing.VendorServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@link NotificationsChecks} on H2, the embedded default. */
@QuarkusTest
@WithTestResource(VendorServerResource.class)
@WithTestResource(NotificationSinksResource.class)
class NotificationsTest extends NotificationsChecks {}
