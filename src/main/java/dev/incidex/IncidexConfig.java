package dev.incidex;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Every {@code incidex.*} setting, each documented here (env: INCIDEX_…). */
@ConfigMapping(prefix = "incidex")
public interface IncidexConfig {

    /**
     * Path of a YAML catalog that replaces the built-in one (env {@code INCIDEX_CATALOG}).
     * Unset: the catalog shipped inside the app.
     */
    Optional<String> catalog();

    /**
     * Whether the catalog's vendors are written to the database after Incidex starts answering (true) or before
     * (false) (env {@code INCIDEX_CATALOG_IN_BACKGROUND}). The catalog is read and checked before either way, so a
     * malformed one still stops start-up; in the background, pages answer at once and list the catalog's vendors
     * as soon as they are written (on an empty database, 343 vendors took a third of the start-up). The search
     * index's catch-up of incidents stored before it existed follows the same setting.
     */
    @WithDefault("true")
    boolean catalogInBackground();

    Poll poll();

    ReadDatasource readDatasource();

    Incidents incidents();

    Fetch fetch();

    Demo demo();

    Posts posts();

    X x();

    Bluesky bluesky();

    M365 m365();

    /** Vendors' social posts (kinds mastodon, bluesky, x, posts-rss); see docs/social.md. */
    interface Posts {
        /**
         * The longest silence between two posts of one incident when they share no incident id and
         * no reply thread: a later post without either starts a new incident.
         */
        @WithDefault("3h")
        Duration gap();
    }

    /** The X API v2 (kind {@code x}). */
    interface X {
        /** Base URL of the X API. */
        @WithDefault("https://api.x.com")
        String apiBase();

        /** The app's bearer token (env INCIDEX_X_BEARER_TOKEN); without it, x sources fail and send nothing. */
        Optional<String> bearerToken();
    }

    /** Bluesky's public AppView (kind {@code bluesky}); no credentials needed. */
    interface Bluesky {
        /** Base URL of the public XRPC API. */
        @WithDefault("https://public.api.bsky.app")
        String apiBase();
    }

    /** Microsoft 365 Service Health through Microsoft Graph (kind {@code m365}). */
    interface M365 {
        /** Base URL of Microsoft Graph. */
        @WithDefault("https://graph.microsoft.com")
        String graphBase();

        /** Base URL of the Microsoft identity platform that issues tokens ({@code {token-base}/{tenant}/oauth2/v2.0/token}). */
        @WithDefault("https://login.microsoftonline.com")
        String tokenBase();

        /**
         * The app registration per vendor slug, e.g. {@code incidex.m365.tenants.microsoft-365.tenant-id},
         * {@code …client-id}, {@code …client-secret} (env INCIDEX_M365_TENANTS__MICROSOFT_365__CLIENT_SECRET).
         * The app needs the {@code ServiceHealth.Read.All} application permission.
         */
        Map<String, Tenant> tenants();

        interface Tenant {
            /** The Entra ID tenant (directory) id or domain. */
            String tenantId();

            /** The app registration's client id. */
            String clientId();

            /** The app registration's client secret. */
            String clientSecret();
        }
    }

    Feed feed();

    Notifications notifications();

    /**
     * Notifications from watchlists to webhooks, Slack and email (docs/notifications.md). Email goes
     * through Quarkus Mailer: set {@code quarkus.mailer.host}, {@code port}, {@code from} and, if needed,
     * {@code username}, {@code password}, {@code tls} / {@code start-tls}.
     */
    interface Notifications {
        /** Whether this instance routes and sends notifications; several instances may all do so. */
        @WithDefault("true")
        boolean enabled();

        /** How often pending notifications are looked for. */
        @WithDefault("5s")
        Duration tick();

        /**
         * How long a claimed delivery belongs to the instance that claimed it. Should that instance die
         * before recording the outcome, another sends it again after this long (with the same key).
         */
        @WithDefault("2m")
        Duration lease();

        /** Time allowed for one webhook or Slack request, connecting included. */
        @WithDefault("10s")
        Duration timeout();

        /** The wait before the first retry; it doubles with each failed attempt up to {@link #maxBackoff()}. */
        @WithDefault("30s")
        Duration firstRetry();

        /** The longest wait between two attempts. */
        @WithDefault("1h")
        Duration maxBackoff();

        /** Attempts before a delivery is given up (shown as failed in the watchlist's log). */
        @WithDefault("12")
        int maxAttempts();

        /** Targets one watchlist may have. */
        @WithDefault("5")
        int maxTargets();

        /** Deliveries sent at once. */
        @WithDefault("4")
        int parallelism();

        /** Deliveries one claim takes. */
        @WithDefault("50")
        int batch();

        /**
         * Where readers reach this Incidex, e.g. {@code https://incidex.example.com}: links in
         * notifications point at its incident pages. Unset: {@code http://localhost:8080}.
         */
        @WithDefault("http://localhost:8080")
        String publicUrl();
    }

    AddVendor addVendor();

    RateLimits rateLimits();

    /** Adding vendors by URL (the form on /vendors and POST /api/vendors); see docs/add-vendor.md. */
    interface AddVendor {
        /**
         * The operator token that adding a vendor requires when Incidex listens beyond loopback
         * ({@code quarkus.http.host} other than localhost): sent as {@code Authorization: Bearer …} to
         * the API, typed into the form's token field. Unset on such an instance: adding is off.
         * Reading (pages, feeds, API) never needs it. Env INCIDEX_ADD_VENDOR_TOKEN.
         */
        Optional<String> token();

        /** The most time detecting one URL's platform may take, all requests together. */
        @WithDefault("20s")
        Duration budget();

        /** How long a request waits for detection before answering 202 with a link to follow. */
        @WithDefault("5s")
        Duration answerWithin();

        /** Detections run at once; the rest queue. */
        @WithDefault("2")
        int concurrency();

        /** Detections that may wait for a turn; beyond that, adding answers 503 until one finishes. */
        @WithDefault("8")
        int queue();
    }

    /**
     * Per-client limits on what costs Incidex work or storage. A client is its address (behind a proxy,
     * set quarkus.http.proxy.proxy-address-forwarding so it is the client's, not the proxy's).
     */
    interface RateLimits {
        /** Vendors one client may try to add per hour (form and API together). */
        @WithDefault("20")
        int addVendorPerHour();

        /** Watchlists one client may create per hour. */
        @WithDefault("30")
        int watchlistsPerHour();

        /** Clients remembered at once; the least recently seen is forgotten first. */
        @WithDefault("10000")
        int clients();
    }

    /**
     * Reading from a replica: pages, feeds and the API read from the datasource named {@code read}
     * ({@code quarkus.datasource."read".jdbc.url}, env {@code QUARKUS_DATASOURCE__READ__JDBC_URL}) when it is
     * set; polling, merges, watchlists, notifications and every write use the primary. See README "Database".
     */
    interface ReadDatasource {
        /**
         * How long a browser that has just written (a form or API POST: a watchlist, a vendor added) reads the
         * primary, so replication lag never hides from it what it wrote. Longer than the replica's usual lag.
         */
        @WithDefault("30s")
        Duration primaryAfterWrite();
    }

    interface Incidents {
        /**
         * An open incident the vendor has said nothing about for this long is stale: it leaves "What is
         * broken now" and its page says when the vendor last spoke (e.g. {@code 7d}).
         */
        @WithDefault("7d")
        Duration staleAfter();
    }

    interface Poll {
        /** Whether the scheduler polls at all; tests and read-only replicas turn it off. */
        @WithDefault("true")
        boolean enabled();

        /** How often each source is polled when it answers well. */
        @WithDefault("2m")
        Duration interval();

        /**
         * How often the scheduler looks for sources that are due. A source's next poll is counted
         * from when it was due, not from when its last poll finished, so its period stays the interval.
         */
        @WithDefault("10s")
        Duration tick();

        /** How long after start-up the scheduler first looks for due sources. */
        @WithDefault("1s")
        Duration firstDelay();

        /** How many documents are fetched at once. */
        @WithDefault("32")
        int parallelism();

        /**
         * How many due sources one statement claims, and the most this instance holds claimed and
         * unfinished at once; the memory polling needs is bounded by it, not by the number of sources.
         */
        @WithDefault("500")
        int batch();

        /** How many threads read changed documents and merge what they report (the CPU-bound part). */
        @WithDefault("2")
        int mergeThreads();

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

        /**
         * Whether URLs users add (and the sources made from them) may point at loopback, private,
         * link-local or other internal addresses. Off: Incidex refuses them, so nobody can make it
         * probe the network it runs in. Catalog sources' own URLs are trusted and never checked; the
         * redirects they answer with are (see {@link #allowedNetworks()}).
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** Host names users may add even though they resolve to internal addresses (an intranet status page). */
        Optional<java.util.List<String>> allowedHosts();

        /**
         * Internal address ranges, in CIDR notation ({@code 10.20.0.0/16,fd00::/8}), that may be fetched
         * all the same: by URLs users add, and by redirects from catalog sources. A catalog source's own
         * server is always trusted; where it redirects is checked like a URL a user gave, so a vendor
         * cannot point Incidex at a metadata service or the operator's network unless listed here.
         */
        Optional<java.util.List<String>> allowedNetworks();

        /** Most redirects followed for a user-added URL; each hop's address is checked. */
        @WithDefault("5")
        int maxRedirects();
    }

    interface Feed {
        /** Most items (updates) one outgoing RSS/Atom feed carries, newest first. */
        @WithDefault("100")
        int maxItems();

        /**
         * Most bytes of rendered feeds kept for reuse: a feed is written once and served again until
         * what it shows changes. 0 keeps none.
         */
        @WithDefault("16777216")
        long cacheBytes();

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
