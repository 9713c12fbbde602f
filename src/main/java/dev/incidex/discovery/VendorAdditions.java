package dev.incidex.discovery;

import dev.incidex.IncidexConfig;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Adding vendors without tying up the server: each addition runs on a small pool of its own (bounded
 * concurrency, a bounded queue, a total time budget for detection), so a host that answers one byte a
 * second costs one of these threads for the budget, never a request thread, the pages or polling. A
 * request waits a bounded time and then answers with a link to follow. When Incidex listens beyond
 * loopback, adding needs the operator's token.
 */
@ApplicationScoped
public class VendorAdditions {

    /** Where an addition stands. */
    public enum State {
        PENDING,
        ADDED,
        FAILED
    }

    /**
     * One addition as it stands.
     *
     * @param id the unguessable id of its status link
     * @param slug the new vendor's slug once added
     * @param status the HTTP status of the failure (400, 409, 422, 504), or 0
     * @param error why it failed, or null
     */
    public record Addition(
            String id, String url, State state, String slug, int status, String error, Instant startedAt) {

        public boolean pending() {
            return state == State.PENDING;
        }
    }

    private static final int REMEMBERED = 1000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, CompletableFuture<Addition>> additions = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Addition>> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<String, Addition> started = new LinkedHashMap<>();
    private ThreadPoolExecutor pool;

    @Inject
    VendorRegistration registration;

    @Inject
    VendorDiscovery discovery;

    @Inject
    IncidexConfig config;

    @Inject
    InstantSource clock;

    @PostConstruct
    void start() {
        int threads = Math.max(1, config.addVendor().concurrency());
        AtomicInteger n = new AtomicInteger();
        // A pool of its own rather than the server's workers: its size is the bound on concurrent detections.
        pool = new ThreadPoolExecutor(
                threads,
                threads,
                60,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.addVendor().queue())),
                r -> {
                    Thread t = new Thread(r, "add-vendor-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Whether adding needs the operator token: Incidex listens on more than loopback. */
    public boolean tokenRequired() {
        String host = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.host", String.class)
                .orElse("0.0.0.0")
                .strip();
        if (host.equalsIgnoreCase("localhost")) {
            return false;
        }
        try {
            return !InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return true;
        }
    }

    /**
     * Checks the operator token when one is needed.
     *
     * @param presented the token the client sent, or null
     * @throws DiscoveryException 403 when adding is off (no token configured), 401 for a missing or wrong token
     */
    public void authorize(String presented) {
        if (!tokenRequired()) {
            return;
        }
        Optional<String> token = config.addVendor().token().filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            throw new DiscoveryException(
                    403,
                    "adding vendors is off on this instance: it listens beyond loopback and no operator"
                            + " token is set (incidex.add-vendor.token)");
        }
        boolean matches = presented != null
                && MessageDigest.isEqual(
                        token.get().getBytes(StandardCharsets.UTF_8),
                        presented.strip().getBytes(StandardCharsets.UTF_8));
        if (!matches) {
            throw new DiscoveryException(
                    401,
                    presented == null || presented.isBlank()
                            ? "adding a vendor needs the operator token"
                            : "the operator token is not right");
        }
    }

    /**
     * Starts adding {@code input}, after the checks that need no request (a URL, an allowed address).
     *
     * @throws DiscoveryException 400 for a bad or refused URL, 503 when too many additions are under way
     */
    public Addition start(String input) {
        discovery.check(input);
        String id = newId();
        Addition pending = new Addition(id, input.strip(), State.PENDING, null, 0, null, clock.instant());
        CompletableFuture<Addition> done = new CompletableFuture<>();
        synchronized (additions) {
            additions.put(id, done);
            started.put(id, pending);
            if (started.size() > REMEMBERED) {
                started.remove(started.keySet().iterator().next());
            }
        }
        try {
            pool.execute(() -> done.complete(run(pending)));
        } catch (RejectedExecutionException busy) {
            synchronized (additions) {
                additions.remove(id);
                started.remove(id);
            }
            throw new DiscoveryException(503, "too many vendors are being added right now; try again in a minute");
        }
        return pending;
    }

    /** The addition as it stands after waiting at most {@code wait} for it to finish. */
    public Addition await(String id, Duration wait) {
        CompletableFuture<Addition> done;
        synchronized (additions) {
            done = additions.get(id);
        }
        if (done == null) {
            return null;
        }
        try {
            return done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            synchronized (additions) {
                return started.get(id);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return find(id).orElse(null);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The addition with this id as it stands now, if it is remembered. */
    public Optional<Addition> find(String id) {
        synchronized (additions) {
            CompletableFuture<Addition> done = additions.get(id);
            if (done == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(done.isDone() ? done.getNow(null) : started.get(id));
        }
    }

    private Addition run(Addition pending) {
        try {
            VendorRegistration.Added added =
                    registration.add(pending.url(), config.addVendor().budget());
            return new Addition(pending.id(), pending.url(), State.ADDED, added.slug(), 0, null, pending.startedAt());
        } catch (DiscoveryException e) {
            return new Addition(
                    pending.id(),
                    pending.url(),
                    State.FAILED,
                    e.existingSlug(),
                    e.status(),
                    e.getMessage(),
                    pending.startedAt());
        } catch (RuntimeException e) {
            Log.warnf(e, "adding %s failed", pending.url());
            return new Addition(
                    pending.id(),
                    pending.url(),
                    State.FAILED,
                    null,
                    500,
                    "adding the vendor failed on our side; it has been logged",
                    pending.startedAt());
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
