package dev.incidex;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every {@code incidex.*} setting, each documented here (env: INCIDEX_…). */
@ConfigMapping(prefix = "incidex")
public interface IncidexConfig {

    /**
     * Path of a YAML catalog that replaces the built-in one (env {@code INCIDEX_CATALOG}).
     * Unset: the catalog shipped inside the app.
     */
    Optional<String> catalog();

    Poll poll();

    Fetch fetch();

    Demo demo();

    Feed feed();

    interface Poll {
        /** Whether the scheduler polls at all; tests and read-only replicas turn it off. */
        @WithDefault("true")
        boolean enabled();

        /** How often each source is polled when it answers well. */
        @WithDefault("2m")
        Duration interval();

        /** How often the scheduler looks for sources that are due. */
        @WithDefault("10s")
        Duration tick();

        /** How long after start-up the scheduler first looks for due sources. */
        @WithDefault("1s")
        Duration firstDelay();

        /** How many documents are fetched at once. */
        @WithDefault("8")
        int parallelism();

        /** The longest a failing source waits before its next attempt. */
        @WithDefault("1h")
        Duration maxBackoff();
    }

    interface Fetch {
        /** Time allowed to open a connection. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Time allowed for a whole answer, headers and body. */
        @WithDefault("30s")
        Duration timeout();

        /** Largest body accepted, in bytes (after decompression); larger answers fail the poll. */
        @WithDefault("5242880")
        int maxBodyBytes();

        /** The User-Agent sent to vendors. */
        @WithDefault("Incidex/0.1 (status-page incident tracker)")
        String userAgent();
    }

    interface Feed {
        /** Most items (updates) one outgoing RSS/Atom feed carries, newest first. */
        @WithDefault("100")
        int maxItems();

        /**
         * The {@code authority,date} part of the {@code tag:} URIs that identify feed items and feeds
         * (RFC 4151: a domain or e-mail address of whoever runs Incidex, and a date they held it).
         * Changing it makes every reader show every item again.
         */
        @WithDefault("incidex.dev,2024")
        String tagAuthority();
    }

    interface Demo {
        /**
         * Serves the recorded vendor files shipped in the app under {@code /demo/…} so the demo
         * catalog can be polled with no network (the {@code demo} profile turns it on).
         */
        @WithDefault("false")
        boolean enabled();
    }
}
