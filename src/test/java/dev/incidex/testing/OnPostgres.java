package dev.incidex.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Builds the app for PostgreSQL, as production does ({@code -Dquarkus.datasource.db-kind=postgresql});
 * {@link ProxiedDatabase} with {@code kind=postgresql} gives it a schema of its own on the local server.
 */
public class OnPostgres implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.db-kind", "postgresql");
    }
}
