package dev.incidex.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The app's database behind a {@link TcpProxy}, so a test can take it away: an H2 server of its own
 * ({@code kind=h2}), or a fresh schema of the local PostgreSQL ({@code kind=postgresql}, {@link
 * TestDatabase#POSTGRES_URL}, user {@code postgres}; the schema is dropped afterwards). Without a kind, the
 * suite's database ({@link TestDatabase#onPostgres()}).
 */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

    static final String PG_URL = TestDatabase.POSTGRES_URL;
    static final String PG_USER = TestDatabase.POSTGRES_USER;

    private static TcpProxy proxy;

    private String kind = TestDatabase.onPostgres() ? "postgresql" : "h2";
    private org.h2.tools.Server h2;
    private String schema;

    /** The proxy in front of the running app's database. */
    public static TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        kind = initArgs.getOrDefault("kind", kind);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        try {
            if (kind.equals("postgresql")) {
                schema = "incidex_i9_"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                        Statement s = c.createStatement()) {
                    s.execute("create schema " + schema);
                }
                java.net.URI pg = java.net.URI.create(PG_URL.substring("jdbc:".length()));
                proxy = new TcpProxy(pg.getHost(), pg.getPort() == -1 ? 5432 : pg.getPort());
                config.put(
                        "quarkus.datasource.jdbc.url",
                        "jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.getPath() + "?currentSchema=" + schema
                                + "&connectTimeout=5&socketTimeout=30");
                config.put("quarkus.datasource.username", PG_USER);
                config.put("quarkus.datasource.password", "");
            } else {
                int port;
                try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                    port = probe.getLocalPort();
                }
                h2 = org.h2.tools.Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists")
                        .start();
                proxy = new TcpProxy("127.0.0.1", port);
                config.put(
                        "quarkus.datasource.jdbc.url",
                        "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:incidex-proxied;DB_CLOSE_DELAY=-1");
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not start the proxied " + kind + " database", e);
        }
        // The database being away must show within seconds, not after the pool's long test timeout; and
        // pooled connections that broke with it are found and replaced within seconds once it is back.
        config.put("quarkus.datasource.jdbc.acquisition-timeout", "5s");
        config.put("quarkus.datasource.jdbc.background-validation-interval", "2s");
        return config;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        if (h2 != null) {
            h2.stop();
        }
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                    Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + schema + " cascade");
            } catch (Exception e) {
                System.err.println("could not drop test schema " + schema + ": " + e);
            }
        }
    }
}
