package dev.incidex;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Rendered answers (feeds, pages, API lists) kept until what they show can have changed. Readers ask for the same
 * few answers over and over; rendering one loads rows and writes text, while whether anything changed is a stamp
 * (a few aggregates) the caller reads from the database on every request. The stamp comes from the shared
 * database, never from an in-memory signal, so an instance never serves what another instance has changed. Least
 * recently used answers go first once the byte budget is spent; one over a quarter of it is never kept.
 */
public final class KeptRenders {

    /**
     * A rendered answer: its bytes, their ETag, when what it shows last changed (null when unknown), and headers
     * that go with it (a next-page Link).
     */
    public record Rendered(byte[] body, String etag, Instant lastModified, Map<String, String> headers) {

        public Rendered(byte[] body, String etag, Instant lastModified) {
            this(body, etag, lastModified, Map.of());
        }

        /** The bytes with their hash as ETag. */
        public static Rendered of(byte[] body, Map<String, String> headers) {
            return new Rendered(body, KeptRenders.etag(body), null, headers);
        }
    }

    private record Kept(Object stamp, Rendered rendered) {}

    /** A render under way: readers of the same key and stamp wait for it. */
    private record Flight(Object stamp, CompletableFuture<Rendered> result) {}

    private final ConcurrentHashMap<String, Flight> inFlight = new ConcurrentHashMap<>();

    private final LongSupplier budget;
    private final Supplier<String> database;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private final AtomicLong renders = new AtomicLong();

    /** @param budget the bytes kept at most, read on every store (configuration may be read late) */
    public KeptRenders(LongSupplier budget) {
        this(budget, () -> "");
    }

    /**
     * @param budget the bytes kept at most, read on every store (configuration may be read late)
     * @param database the database the current request reads ({@link ReadReplica#readFrom}): an answer rendered
     *     from one database is never handed to a reader of another, whose stamp may be equal while its rows differ
     */
    public KeptRenders(LongSupplier budget, Supplier<String> database) {
        this.budget = budget;
        this.database = database;
    }

    /**
     * The answer for {@code key} (everything its bytes depend on besides the stored data) under {@code stamp}
     * (compared with equals): the kept one when the stamp is the same, else a new one from {@code render}. The
     * caller reads the stamp before rendering: an answer rendered after a change the stamp missed is kept under
     * the older stamp and so rendered again on the next request, never served stale.
     */
    public Rendered get(String answerKey, Object stamp, Supplier<Rendered> render) {
        String key = database.get() + '\u0001' + answerKey;
        synchronized (this) {
            Kept k = kept.get(key);
            if (k != null && k.stamp().equals(stamp)) {
                return k.rendered();
            }
        }
        // One render per key and stamp at a time: when a page's minute or stamp moves, every reader waiting on it
        // would otherwise render it at once, and on a busy machine none finishes before the next minute.
        Flight mine = new Flight(stamp, new CompletableFuture<>());
        Flight flying = inFlight.putIfAbsent(key, mine);
        if (flying != null && flying.stamp().equals(stamp)) {
            try {
                return flying.result().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        Rendered fresh;
        try {
            fresh = render.get();
        } catch (RuntimeException e) {
            if (flying == null) {
                inFlight.remove(key, mine);
                mine.result().completeExceptionally(e);
            }
            throw e;
        }
        renders.incrementAndGet();
        long budget = this.budget.getAsLong();
        if (fresh.body().length <= budget / 4) {
            synchronized (this) {
                Kept old = kept.put(key, new Kept(stamp, fresh));
                bytes += fresh.body().length - (old == null ? 0 : old.rendered().body().length);
                Iterator<Kept> eldest = kept.values().iterator();
                while (bytes > budget && eldest.hasNext()) {
                    bytes -= eldest.next().rendered().body().length;
                    eldest.remove();
                }
            }
        }
        if (flying == null) {
            inFlight.remove(key, mine);
            mine.result().complete(fresh);
        }
        return fresh;
    }

    /** How many answers were rendered rather than reused: tests count them. */
    public long renders() {
        return renders.get();
    }

    /**
     * The answer as it goes out: 304 to a reader that already has these bytes (If-None-Match), else the bytes;
     * either way with the ETag and no-cache, so browsers ask again and are answered cheaply.
     */
    public static Response answer(Request request, MediaType type, Rendered rendered) {
        EntityTag etag = new EntityTag(rendered.etag());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(rendered.body(), type);
        answer.tag(etag).header("Cache-Control", "no-cache");
        rendered.headers().forEach(answer::header);
        return answer.build();
    }

    /** The ETag of rendered bytes: a hash of them, so any change to what they show changes it. */
    public static String etag(byte[] body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
