package dev.incidex.fetch;

import dev.incidex.IncidexConfig;
import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.FetchOutcome.NotModified;
import dev.incidex.fetch.FetchOutcome.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * Conditional GETs with limits: connect and total timeouts, a body size cap (also after
 * decompression), If-None-Match / If-Modified-Since from the last answer. Every result is a named
 * {@link FetchOutcome}; nothing here parses a document or touches the database.
 */
@ApplicationScoped
public class Fetcher {

    /** Where requests wait for their answers: reused threads, as many as requests in flight (bounded by the poller). */
    private static final ExecutorService SENDERS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "incidex-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    private final HttpClient client;
    private final HttpClient noRedirects;
    private final IncidexConfig.Fetch config;
    private final InstantSource clock;
    private final FetchMetrics metrics;

    @Inject
    public Fetcher(IncidexConfig config, InstantSource clock, FetchMetrics metrics) {
        this(config.fetch(), clock, metrics);
    }

    /** With the fetch settings alone, for tests of this stage. */
    Fetcher(IncidexConfig.Fetch config, InstantSource clock) {
        this(config, clock, FetchMetrics.unregistered());
    }

    private Fetcher(IncidexConfig.Fetch config, InstantSource clock, FetchMetrics metrics) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.noRedirects = HttpClient.newBuilder()
                .connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Inject
    OAuthClientCredentials oauth;

    public CompletionStage<FetchOutcome> fetch(URI url, Validators previous) {
        return fetch(url, previous, null, null);
    }

    public CompletionStage<FetchOutcome> fetch(URI url, Validators previous, Authorization authorization) {
        return fetch(url, previous, authorization, null);
    }

    /**
     * Like {@link #fetch} for an untrusted URL: every hop, the first and each redirect (at most
     * {@code incidex.fetch.max-redirects}), is checked against {@code policy} just before it is
     * requested. The outcome carries the URL asked for, so validators stay keyed on it.
     *
     * <p>The check resolves the host and the HTTP client resolves it again to connect; a name whose
     * DNS answer changes between the two (DNS rebinding) within that instant is not caught.
     */
    public CompletionStage<FetchOutcome> fetchGuarded(URI url, Validators previous, AddressPolicy policy) {
        return fetch(url, previous, null, policy);
    }

    /** Like {@link #fetchGuarded(URI, Validators, AddressPolicy)} within {@code timeout} when that is shorter than the usual. */
    public CompletionStage<FetchOutcome> fetchGuarded(
            URI url, Validators previous, AddressPolicy policy, Duration timeout) {
        Duration within = timeout.compareTo(config.timeout()) < 0 ? timeout : config.timeout();
        return hop(url, url, previous, null, policy, 0, 0, deadline(within));
    }

    /**
     * A conditional GET, proving who is asking when {@code authorization} is set (with a
     * client-credentials grant the token is obtained or taken from the cache first, and a failure
     * to get one is a {@link Failed}), and checking every hop against {@code policy} when set.
     */
    public CompletionStage<FetchOutcome> fetch(
            URI url, Validators previous, Authorization authorization, AddressPolicy policy) {
        return metrics.record(() -> request(url, previous, authorization, policy));
    }

    private CompletableFuture<FetchOutcome> request(
            URI url, Validators previous, Authorization authorization, AddressPolicy policy) {
        if (authorization == null) {
            return hop(url, url, previous, null, policy, 0, 0, deadline(config.timeout()));
        }
        if (authorization instanceof Authorization.Bearer bearer) {
            return hop(url, url, previous, bearer.token(), policy, 0, 0, deadline(config.timeout()));
        }
        Authorization.ClientCredentials grant = (Authorization.ClientCredentials) authorization;
        return oauth.token(grant)
                .thenCompose(token -> hop(url, url, previous, token, policy, 0, 0, deadline(config.timeout())))
                .exceptionally(error -> {
                    Throwable cause =
                            error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    String why = cause instanceof OAuthClientCredentials.TokenException
                            ? cause.getMessage()
                            : ((Failed) failure(grant.tokenUrl(), cause)).message();
                    return new Failed(url, Problem.HTTP_STATUS, "could not get an access token: " + why, null);
                })
                .toCompletableFuture();
    }

    /** When the whole answer, redirects included, must be in: measured on the monotonic clock, like the client's own timeouts. */
    private static long deadline(Duration within) {
        return System.nanoTime() + within.toNanos();
    }

    /**
     * One request; without a policy the client follows redirects itself, with one each hop is checked
     * here. The exchange is given until {@code deadline}: then it is cancelled, which closes its
     * connection at once, whether the server is still sending headers or dribbling a body.
     * {@code firstStatus} is the status of the first answer when this hop follows a redirect, else 0.
     */
    private CompletableFuture<FetchOutcome> hop(
            URI asked,
            URI current,
            Validators previous,
            String bearerToken,
            AddressPolicy policy,
            int hops,
            int firstStatus,
            long deadline) {
        if (policy != null) {
            Optional<String> refused = policy.refusal(current);
            if (refused.isPresent()) {
                String where = hops == 0 ? "" : " (redirected to " + shorten(current.toString()) + ")";
                return CompletableFuture.completedFuture(
                        new Failed(asked, Problem.REFUSED_ADDRESS, refused.get() + where, null));
            }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return CompletableFuture.completedFuture(timedOut(asked));
        }
        int cap = config.maxBodyBytes();
        HttpClient via = policy == null ? client : noRedirects;
        CompletableFuture<HttpResponse<byte[]>> exchange;
        AtomicReference<CappedSubscriber> body = new AtomicReference<>();
        try {
            HttpRequest request = request(current, previous, bearerToken, Duration.ofNanos(left));
            HttpResponse.BodyHandler<byte[]> handler = info -> {
                CappedSubscriber subscriber = cappedBody(info, cap);
                body.set(subscriber);
                return subscriber;
            };
            // The client's own sendAsync hands every response to CompletableFuture's default executor, which with
            // fewer than 3 cores is a new thread per task: a thread started for each request, most of a steady
            // cycle's CPU. Its blocking send on threads of our own does not; the body's abort still ends it at the
            // deadline, and the request's timeout when the server never answers at all.
            exchange = CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return via.send(request, handler);
                        } catch (IOException | InterruptedException e) {
                            throw new CompletionException(e);
                        }
                    },
                    SENDERS);
        } catch (RuntimeException unsendable) { // a URL or header value the client refuses to send
            return CompletableFuture.completedFuture(new Failed(
                    asked,
                    Problem.NETWORK,
                    "cannot send the request: " + shorten(String.valueOf(unsendable.getMessage())),
                    null));
        }
        // The timer completes a copy: completing the exchange itself would leave its connection reading.
        return exchange.copy()
                .orTimeout(left, TimeUnit.NANOSECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        exchange.cancel(true);
                        CappedSubscriber reading = body.get();
                        if (reading != null) {
                            reading.abort(); // stop reading a body the exchange is still receiving
                        }
                        return CompletableFuture.completedFuture(failure(asked, error));
                    }
                    try {
                        int status = response.statusCode();
                        Optional<String> location = response.headers().firstValue("Location");
                        if (policy != null && status >= 300 && status < 400 && status != 304 && location.isPresent()) {
                            return redirect(
                                    asked,
                                    current,
                                    location.get(),
                                    previous,
                                    bearerToken,
                                    policy,
                                    hops,
                                    hops == 0 ? status : firstStatus,
                                    deadline);
                        }
                        return CompletableFuture.completedFuture(outcome(asked, response, cap, firstStatus));
                    } catch (
                            RuntimeException
                                    unreadable) { // whatever a hostile answer holds, it is this source's failure
                        return CompletableFuture.<FetchOutcome>completedFuture(new Failed(
                                asked,
                                Problem.NETWORK,
                                "unreadable answer: " + shorten(String.valueOf(unreadable.getMessage())),
                                null));
                    }
                })
                .thenCompose(f -> f);
    }

    private CompletableFuture<FetchOutcome> redirect(
            URI asked,
            URI current,
            String location,
            Validators previous,
            String bearerToken,
            AddressPolicy policy,
            int hops,
            int firstStatus,
            long deadline) {
        if (hops >= config.maxRedirects()) {
            return CompletableFuture.completedFuture(new Failed(
                    asked,
                    Problem.HTTP_STATUS,
                    "more than " + config.maxRedirects() + " redirects from " + asked,
                    null));
        }
        URI next;
        try {
            next = current.resolve(location.trim());
        } catch (IllegalArgumentException bad) {
            return CompletableFuture.completedFuture(new Failed(
                    asked,
                    Problem.HTTP_STATUS,
                    "unreadable redirect from " + current + ": " + shorten(location),
                    null));
        }
        // A token proves who we are to the source's own server, never to wherever it redirects.
        String token = sameOrigin(current, next) ? bearerToken : null;
        return hop(asked, next, previous, token, policy, hops + 1, firstStatus, deadline);
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** A value from a response quoted in an error: short, on one line. */
    private static String shorten(String value) {
        String v = value.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return v.length() > 120 ? v.substring(0, 119) + "…" : v;
    }

    private HttpRequest request(URI url, Validators previous, String bearerToken, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("User-Agent", config.userAgent())
                .header(
                        "Accept",
                        "application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
                .header("Accept-Encoding", "gzip")
                .GET();
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return request.build();
    }

    private FetchOutcome outcome(URI url, HttpResponse<byte[]> response, int cap, int firstStatus) {
        int status = response.statusCode();
        HttpHeaders headers = response.headers();
        if (status == 304) {
            return new NotModified(url);
        }
        if (status == 429 || status == 503) {
            return new Failed(
                    url,
                    status == 429 ? Problem.RATE_LIMITED : Problem.HTTP_STATUS,
                    "HTTP " + status + (status == 429 ? " Too Many Requests" : " Service Unavailable"),
                    waitAsked(headers));
        }
        if (status < 200 || status >= 300) {
            return new Failed(url, Problem.HTTP_STATUS, "HTTP " + status + " from " + url, null);
        }
        byte[] body = response.body();
        if (headers.firstValue("Content-Encoding")
                .map(e -> e.equalsIgnoreCase("gzip"))
                .orElse(false)) {
            try {
                body = gunzip(body, cap);
            } catch (TooLargeException e) {
                return tooLarge(url, cap);
            } catch (IOException e) {
                return new Failed(url, Problem.NETWORK, "corrupt gzip body: " + e.getMessage(), null);
            }
        }
        return new Fetched(
                url,
                headers.firstValue("Content-Type")
                        .map(t -> bounded(t, MAX_CONTENT_TYPE))
                        .orElse(null),
                body,
                headers.firstValue("ETag").map(t -> bounded(t, MAX_ETAG)).orElse(null),
                headers.firstValue("Last-Modified")
                        .map(t -> bounded(t, MAX_LAST_MODIFIED))
                        .orElse(null),
                clock.instant(),
                movedTo(url, response, firstStatus));
    }
    /**
     * The final URL when the first answer was a permanent redirect (301 or 308) to another host, else null. A
     * temporary redirect, or one within the host (a path tidied up), is no move an operator needs to know of.
     */
    private static URI movedTo(URI asked, HttpResponse<byte[]> response, int firstStatus) {
        int first = firstStatus;
        if (first == 0) {
            // The client followed the redirects itself: the chain of earlier answers says how it began.
            HttpResponse<byte[]> earliest = response;
            while (earliest.previousResponse().isPresent()) {
                earliest = earliest.previousResponse().get();
            }
            first = earliest == response ? 0 : earliest.statusCode();
        }
        URI at = response.uri();
        boolean permanent = first == 301 || first == 308;
        if (!permanent || at == null || at.getHost() == null || asked.getHost() == null) {
            return null;
        }
        boolean sameHost = at.getHost().equalsIgnoreCase(asked.getHost()) && at.getPort() == asked.getPort();
        return sameHost || at.toString().length() > 2000 ? null : at;
    }

    // What the stored validators hold (source_document's columns): a longer one is dropped, not cut,
    // since a cut validator would never match; the content hash still spares unchanged documents.
    static final int MAX_ETAG = 1000;
    static final int MAX_LAST_MODIFIED = 100;
    private static final int MAX_CONTENT_TYPE = 200;

    /** A header value we keep, or null when it is longer than {@code max} or holds control characters. */
    private static String bounded(String value, int max) {
        String v = value.strip();
        return v.isEmpty() || v.length() > max || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f) ? null : v;
    }

    private Failed timedOut(URI url) {
        return new Failed(
                url,
                Problem.TIMEOUT,
                "no complete answer within " + config.timeout().toSeconds() + "s",
                null);
    }

    private FetchOutcome failure(URI url, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        // A blocking send wraps what went wrong in a plain IOException carrying the message.
        while (cause.getClass() == IOException.class
                && cause.getCause() != null
                && Objects.equals(cause.getMessage(), cause.getCause().getMessage())) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException) { // a URL the client refuses to send
            return new Failed(
                    url,
                    Problem.NETWORK,
                    "cannot send the request: " + shorten(String.valueOf(cause.getMessage())),
                    null);
        }
        if (cause instanceof TooLargeException) {
            return tooLarge(url, config.maxBodyBytes());
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new Failed(
                    url,
                    Problem.TIMEOUT,
                    "no connection within " + config.connectTimeout().toSeconds() + "s",
                    null);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return timedOut(url);
        }
        if (cause instanceof UnknownHostException) {
            return new Failed(url, Problem.NETWORK, "unknown host " + url.getHost(), null);
        }
        if (cause instanceof ConnectException) {
            return new Failed(url, Problem.NETWORK, "connection refused by " + url.getHost(), null);
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Failed(url, Problem.NETWORK, "network error: " + detail, null);
    }

    private static Failed tooLarge(URI url, int cap) {
        return new Failed(url, Problem.TOO_LARGE, "answer larger than " + cap + " bytes", null);
    }

    /**
     * How long the server asks us to wait: Retry-After as seconds or as an HTTP date (RFC 9110
     * §10.2.3), else the end of the rate-limit window that X and Mastodon send instead (epoch
     * seconds or an ISO time). Null when it says nothing readable.
     */
    private Duration waitAsked(HttpHeaders headers) {
        String retryAfter = headers.firstValue("Retry-After").map(String::trim).orElse(null);
        if (retryAfter != null) {
            if (retryAfter.matches("\\d+")) {
                // However many digits: a wait beyond a year is read as a year (the backoff caps it further).
                return retryAfter.length() > 8
                        ? LONGEST_WAIT
                        : min(Duration.ofSeconds(Long.parseLong(retryAfter)), LONGEST_WAIT);
            }
            try {
                return until(ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant());
            } catch (DateTimeParseException unreadable) {
                // fall through to the rate-limit headers
            }
        }
        String reset = headers.firstValue("x-rate-limit-reset")
                .or(() -> headers.firstValue("X-RateLimit-Reset"))
                .map(String::trim)
                .orElse(null);
        if (reset == null) {
            return null;
        }
        try {
            if (reset.matches("\\d{12,}")) {
                return LONGEST_WAIT; // epoch seconds past year 33658
            }
            return until(
                    reset.matches("\\d+")
                            ? Instant.ofEpochSecond(Long.parseLong(reset))
                            : OffsetDateTime.parse(reset).toInstant());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static final Duration LONGEST_WAIT = Duration.ofDays(365);

    private Duration until(Instant at) {
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : min(d, LONGEST_WAIT);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static byte[] gunzip(byte[] body, int cap) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + n > cap) {
                    throw new TooLargeException();
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /**
     * Collects the body but gives up as soon as it passes the cap, so a huge or endless answer
     * costs at most {@code cap} bytes of memory. A declared Content-Length over the cap fails at once,
     * before a byte of the body is read: the subscription is cancelled, which closes the connection.
     */
    private static CappedSubscriber cappedBody(HttpResponse.ResponseInfo info, int cap) {
        long declared;
        try {
            declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        } catch (NumberFormatException unreadable) {
            declared = -1; // read as if undeclared: the cap still holds
        }
        return new CappedSubscriber(declared > cap ? -1 : cap);
    }

    private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private volatile Flow.Subscription subscription;

        CappedSubscriber(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        /** @param cap the most bytes taken; negative: none, the declared length is already over the cap */
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cap < 0) {
                subscription.cancel();
                result.completeExceptionally(new TooLargeException());
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer item : items) {
                if (out.size() + item.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException());
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        /** Gives up reading: the connection is closed rather than drained. */
        void abort() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            result.completeExceptionally(new IOException("abandoned after the time allowed"));
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }

    private static final class TooLargeException extends IOException {
        TooLargeException() {
            super("too large", null);
        }
    }
}
