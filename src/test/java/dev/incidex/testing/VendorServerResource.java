package dev.incidex.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the local vendor server before Quarkus and points the catalog at it: every @QuarkusTest
 * polls this server through the app's real HTTP client, never the internet. Each test class owns
 * its own vendors in {@code test-catalog.yaml}, so classes do not disturb each other's data.
 */
public class VendorServerResource implements QuarkusTestResourceLifecycleManager {

    private static VendorServer server;

    /** The catalog to serve from the test classpath; a test class may pass its own with the init arg {@code catalog}. */
    private String catalogResource = "/test-catalog.yaml";

    @Override
    public void init(Map<String, String> initArgs) {
        catalogResource = initArgs.getOrDefault("catalog", catalogResource);
    }

    public static VendorServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new VendorServer();
        try {
            String catalog;
            try (var in = VendorServerResource.class.getResourceAsStream(catalogResource)) {
                catalog = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("${vendor-server}", server.baseUrl());
            }
            Path file = Files.createTempFile("incidex-test-catalog", ".yaml");
            Files.writeString(file, catalog);
            file.toFile().deleteOnExit();
            // vendor-server.url lets test-profile settings (API bases, token endpoints) point at this server.
            return Map.of("incidex.catalog", file.toString(), "vendor-server.url", server.baseUrl());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
