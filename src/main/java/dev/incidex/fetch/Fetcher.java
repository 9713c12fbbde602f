package dev.incidex.fetch;

import dev.incidex.IncidexConfig;
import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.FetchOutcome.NotModified;
import dev.incidex.fetch.FetchOutcome.Problem;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Conditional GETs with limits: connect and total timeouts, a body size cap (also after
 * decompression), If-None-Match / If-Modified-Since from the last answer. Every result is a named
 * {@link FetchOutcome}; nothing here parses a document or touches the database.
 *
 * <p>Requests go through Vert.x's non-blocking HTTP client: no thread waits for an answer, and the
 * outcome completes on one of Vert.x's event loops, so whoever chains work on it that blocks or takes
 * long (parsing, merging, the database) must hand it to an executor of its own, as the poller does.
 */
@ApplicationScoped
public class Fetcher {

    /**
     * Response headers read at most, all lines together: well above what status pages send (a long
     * Content-Security-Policy and a few cookies), where Vert.x's default of 8 KiB is not.
     */
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final HttpClient client;
    private final IncidexConfig.Fetch config;
    private final InstantSource clock;
    private final FetchMetrics metrics;

    @Inject
    public Fetcher(IncidexConfig config, InstantSource clock, FetchMetrics metrics, Vertx vertx) {
        // Vert.x pools connections per host and queues requests beyond the pool: as many as can be in flight at
        // once to one host (a fleet of vendors on one platform), the poller's fetches and add-vendor detections.
        this(
                config.fetch(),
                clock,
                metrics,
                vertx,
                config.poll().parallelism() + config.addVendor().concurrency());
    }

    /** With the fetch settings alone, for tests of this stage; the caller closes {@code vertx}, and with it the client. */
    Fetcher(IncidexConfig.Fetch config, InstantSource clock, Vertx vertx, int connectionsPerHost) {
        this(config, clock, FetchMetrics.unregistered(), vertx, connectionsPerHost);
    }

    private Fetcher(
            IncidexConfig.Fetch config,
            InstantSource clock,
            FetchMetrics metrics,
            Vertx vertx,
            int connectionsPerHost) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.vertx = vertx;
        // Keep-alive, HTTP/1.1, no automatic decompression (ours holds the cap), no redirects followed by the
        // client (each hop is ours to check). TLS: the JDK's trust store and host name check, and SNI: Vert.x gives
        // the JDK's engine the host the request names, which it sends (as the JDK client did: a name with a dot,
        // never an IP address).
        this.client = vertx.httpClientBuilder()
                .with(new HttpClientOptions()
                        .setConnectTimeout(
                                (int) Math.min(config.connectTimeout().toMillis(), Integer.MAX_VALUE))
                        .setKeepAlive(true)
                        .setMaxHeaderSize(MAX_HEADER_BYTES))
                .with(new PoolOptions().setHttp1MaxSize(Math.max(1, connectionsPerHost)))
                // A connection that breaks tells its request, which makes it that fetch's outcome; told to the
                // connection too, Vert.x would log it again at ERROR (a vendor closing mid-headers, each timeout).
                .withConnectHandler(connection -> connection.exceptionHandler(toldToTheRequest -> {}))
                .build();
    }

    @PreDestroy
    void close() {
        client.close();
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
        return new Exchange(url, previous, policy, deadline(within)).start(null);
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
            return new Exchange(url, previous, policy, deadline(config.timeout())).start(null);
        }
        if (authorization instanceof Authorization.Bearer bearer) {
            return new Exchange(url, previous, policy, deadline(config.timeout())).start(bearer.token());
        }
        Authorization.ClientCredentials grant = (Authorization.ClientCredentials) authorization;
        return oauth.token(grant)
                .thenCompose(token -> new Exchange(url, previous, policy, deadline(config.timeout())).start(token))
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

    /** When the whole answer, redirects included, must be in: measured on the monotonic clock. */
    private static long deadline(Duration within) {
        return System.nanoTime() + within.toNanos();
    }

    /**
     * One fetch: the URL asked for, its hops (the first request and each redirect) and the deadline they
     * share. The outcome is completed once, by whichever comes first: the answer, a failure, or the deadline.
     */
    private final class Exchange {
        private final URI asked;
        private final Validators previous;
        private final AddressPolicy policy;
        private final long deadline;
        private final CompletableFuture<FetchOutcome> outcome = new CompletableFuture<>();

        Exchange(URI asked, Validators previous, AddressPolicy policy, long deadline) {
            this.asked = asked;
            this.previous = previous;
            this.policy = policy;
            this.deadline = deadline;
        }

        CompletableFuture<FetchOutcome> start(String bearerToken) {
            hop(asked, bearerToken, 0, 0);
            return outcome;
        }

        private boolean finish(FetchOutcome result) {
            return outcome.complete(result);
        }

        /**
         * Checks {@code current} against the policy, then requests it from the address the check found safe (a name
         * is not resolved twice). The check may resolve the host, which blocks: on an event loop (a redirect is
         * followed from the answer's handler) it runs on a worker.
         * {@code firstStatus} is the status of the first answer when this hop follows a redirect, else 0.
         */
        private void hop(URI current, String bearerToken, int hops, int firstStatus) {
            if (policy == null) {
                send(current, null, bearerToken, hops, firstStatus, true);
            } else if (Context.isOnEventLoopThread()) {
                vertx.executeBlocking(() -> policy.check(current), false).onComplete(checked -> {
                    if (checked.failed()) {
                        finish(failure(asked, checked.cause()));
                    } else {
                        sendUnlessRefused(checked.result(), current, bearerToken, hops, firstStatus);
                    }
                });
            } else {
                sendUnlessRefused(policy.check(current), current, bearerToken, hops, firstStatus);
            }
        }

        private void sendUnlessRefused(
                AddressPolicy.Verdict verdict, URI current, String bearerToken, int hops, int firstStatus) {
            Optional<String> refused = verdict.refusal();
            if (verdict.unknownHost()) {
                finish(failure(asked, new UnknownHostException(current.getHost())));
            } else if (refused.isPresent()) {
                String where = hops == 0 ? "" : " (redirected to " + shorten(current.toString()) + ")";
                finish(new Failed(asked, Problem.REFUSED_ADDRESS, refused.get() + where, null));
            } else {
                send(current, verdict.checkedAt(), bearerToken, hops, firstStatus, true);
            }
        }

        /**
         * One request, given until the deadline: then it is reset, which closes its connection at once,
         * whether the server is still sending headers or dribbling a body. The body is read up to the cap:
         * a declared Content-Length over it fails before a byte is read, a streamed one as it passes the cap,
         * and either closes the connection rather than drain it.
         */
        private void send(
                URI current, InetAddress checkedAt, String bearerToken, int hops, int firstStatus, boolean firstTry) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                finish(timedOut(asked));
                return;
            }
            RequestOptions options;
            try {
                options = requestOptions(current, checkedAt, previous, bearerToken);
            } catch (IllegalArgumentException unsendable) { // a URL or header value that cannot be sent
                finish(new Failed(
                        asked,
                        Problem.NETWORK,
                        "cannot send the request: " + shorten(String.valueOf(unsendable.getMessage())),
                        null));
                return;
            }
            Hop hop = new Hop();
            long timer = vertx.setTimer((left + 999_999) / 1_000_000, id -> {
                if (finish(timedOut(asked))) {
                    hop.abandon();
                }
            });
            Handler<Throwable> failed = error -> {
                if (!hop.firstFailure()) {
                    return; // a request's failure is told both to it and to its answer's future
                }
                vertx.cancelTimer(timer);
                // A kept-alive connection the server closed as this request went out: no answer was begun, and a
                // GET may be asked again, once, on another connection (the JDK client did the same).
                if (firstTry && !hop.answered && error instanceof HttpClosedException && !outcome.isDone()) {
                    send(current, checkedAt, bearerToken, hops, firstStatus, false);
                } else {
                    finish(failure(asked, error));
                }
            };
            client.request(options).onComplete(requested -> {
                if (requested.failed()) {
                    failed.handle(requested.cause());
                    return;
                }
                HttpClientRequest request = requested.result();
                hop.request = request;
                if (outcome.isDone()) { // the deadline passed while waiting for a connection
                    request.reset();
                    return;
                }
                request.exceptionHandler(failed);
                request.send().onComplete(answered -> {
                    if (answered.failed()) {
                        failed.handle(answered.cause());
                        return;
                    }
                    hop.answered = true;
                    read(answered.result(), hop, timer, current, bearerToken, hops, firstStatus);
                });
            });
        }

        private void read(
                HttpClientResponse response,
                Hop hop,
                long timer,
                URI current,
                String bearerToken,
                int hops,
                int firstStatus) {
            int cap = config.maxBodyBytes();
            response.exceptionHandler(error -> {
                vertx.cancelTimer(timer);
                finish(failure(asked, error));
            });
            if (declaredLength(response) > cap) {
                vertx.cancelTimer(timer);
                if (finish(tooLarge(asked, cap))) {
                    hop.abandon();
                }
                return;
            }
            Buffer body = Buffer.buffer();
            response.handler(chunk -> {
                if (outcome.isDone()) {
                    return; // given up: what still comes is dropped with the connection
                }
                if (body.length() + chunk.length() > cap) {
                    vertx.cancelTimer(timer);
                    if (finish(tooLarge(asked, cap))) {
                        hop.abandon();
                    }
                    return;
                }
                body.appendBuffer(chunk);
            });
            response.endHandler(end -> {
                hop.ended = true;
                vertx.cancelTimer(timer);
                if (outcome.isDone()) {
                    return;
                }
                try {
                    int status = response.statusCode();
                    String location = response.getHeader("Location");
                    if (status >= 300 && status < 400 && status != 304 && location != null) {
                        redirect(current, location, bearerToken, hops, hops == 0 ? status : firstStatus);
                    } else {
                        finish(outcome(asked, current, status, response.headers(), body, cap, firstStatus));
                    }
                } catch (RuntimeException unreadable) { // whatever a hostile answer holds, it is this source's failure
                    finish(new Failed(
                            asked,
                            Problem.NETWORK,
                            "unreadable answer: " + shorten(String.valueOf(unreadable.getMessage())),
                            null));
                }
            });
        }

        private void redirect(URI current, String location, String bearerToken, int hops, int firstStatus) {
            if (hops >= config.maxRedirects()) {
                finish(new Failed(
                        asked,
                        Problem.HTTP_STATUS,
                        "more than " + config.maxRedirects() + " redirects from " + asked,
                        null));
                return;
            }
            URI next;
            try {
                next = current.resolve(location.trim());
            } catch (IllegalArgumentException bad) {
                finish(new Failed(
                        asked,
                        Problem.HTTP_STATUS,
                        "unreadable redirect from " + current + ": " + shorten(location),
                        null));
                return;
            }
            // A token proves who we are to the source's own server, never to wherever it redirects.
            String token = sameOrigin(current, next) ? bearerToken : null;
            hop(next, token, hops + 1, firstStatus);
        }
    }

    /** The request of one hop while it is on the wire. */
    private static final class Hop {
        volatile HttpClientRequest request;
        volatile boolean answered;
        volatile boolean ended;
        private final AtomicBoolean failed = new AtomicBoolean();

        boolean firstFailure() {
            return failed.compareAndSet(false, true);
        }

        /**
         * Gives up the request: resetting it closes its connection. Not once its answer has ended, when the
         * connection is back in the pool and may already carry another request.
         */
        void abandon() {
            HttpClientRequest r = request;
            if (r != null && !ended) {
                r.reset();
            }
        }
    }

    /** The body's declared length, or -1 when none is declared or it cannot be read (the cap holds either way). */
    private static long declaredLength(HttpClientResponse response) {
        String declared = response.getHeader("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
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

    private static final String ACCEPT =
            "application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    /**
     * The request for one hop; an IllegalArgumentException when the URL or a header value cannot be sent.
     *
     * @param checkedAt where to connect, when the address policy resolved the host (null: the client resolves it)
     */
    private RequestOptions requestOptions(URI url, InetAddress checkedAt, Validators previous, String bearerToken) {
        String scheme = url.getScheme();
        boolean https = "https".equalsIgnoreCase(scheme);
        if (!https && !"http".equalsIgnoreCase(scheme) || url.getHost() == null) {
            throw new IllegalArgumentException("unsupported URI " + url);
        }
        URI ascii = URI.create(url.toASCIIString()); // a path or query in other scripts goes as %-escapes
        String target = ascii.getRawPath() == null || ascii.getRawPath().isEmpty() ? "/" : ascii.getRawPath();
        if (ascii.getRawQuery() != null) {
            target += "?" + ascii.getRawQuery();
        }
        String host = ascii.getHost(); // an IPv6 address in brackets, as the Host header wants it
        int port = port(ascii);
        MultiMap headers = HttpHeaders.headers()
                .add("Host", port == (https ? 443 : 80) ? host : host + ":" + port)
                .add("User-Agent", sendable(config.userAgent()))
                .add("Accept", ACCEPT)
                .add("Accept-Encoding", "gzip");
        if (previous.etag() != null) {
            headers.add("If-None-Match", sendable(previous.etag()));
        }
        if (previous.lastModified() != null) {
            headers.add("If-Modified-Since", sendable(previous.lastModified()));
        }
        if (bearerToken != null) {
            headers.add("Authorization", "Bearer " + sendable(bearerToken));
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setSsl(https)
                .setHost(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)
                .setPort(port)
                .setURI(target)
                .setHeaders(headers);
        if (checkedAt == null) {
            return options;
        }
        // The host name still goes in the Host header and TLS's server name (and the certificate is checked for it);
        // the address goes without its name, which the client would otherwise resolve again.
        try {
            InetAddress bare = InetAddress.getByAddress(checkedAt.getAddress());
            return options.setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(bare, port)));
        } catch (UnknownHostException impossible) { // only for an address of the wrong length
            throw new IllegalArgumentException("cannot connect to " + checkedAt, impossible);
        }
    }

    /**
     * A header value as sent, or an IllegalArgumentException: HTTP carries no control characters (a line break
     * would start another header) and no character beyond Latin-1 (it would be cut to a byte).
     */
    private static String sendable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException(
                        "a header value holds a character HTTP cannot carry (U+%04X)".formatted((int) c));
            }
        }
        return value;
    }

    private FetchOutcome outcome(
            URI url, URI at, int status, MultiMap headers, Buffer received, int cap, int firstStatus) {
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
        byte[] body = received.getBytes();
        String encoding = headers.get("Content-Encoding");
        if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
            try {
                body = gunzip(body, cap);
            } catch (TooLargeException e) {
                return tooLarge(url, cap);
            } catch (IOException e) {
                return new Failed(url, Problem.NETWORK, "corrupt gzip body: " + e.getMessage(), null);
            }
        }
        String contentType = headers.get("Content-Type");
        String etag = headers.get("ETag");
        String lastModified = headers.get("Last-Modified");
        return new Fetched(
                url,
                contentType == null ? null : bounded(contentType, MAX_CONTENT_TYPE),
                body,
                etag == null ? null : bounded(etag, MAX_ETAG),
                lastModified == null ? null : bounded(lastModified, MAX_LAST_MODIFIED),
                clock.instant(),
                movedTo(url, at, firstStatus));
    }

    /**
     * Where the answer came from ({@code at}) when the first answer was a permanent redirect (301 or 308) to another
     * host, else null. A temporary redirect, or one within the host (a path tidied up), is no move an operator needs
     * to know of.
     */
    private static URI movedTo(URI asked, URI at, int firstStatus) {
        boolean permanent = firstStatus == 301 || firstStatus == 308;
        if (!permanent || at.getHost() == null || asked.getHost() == null) {
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
        if (cause instanceof IllegalArgumentException) { // a URL the client refuses to send
            return new Failed(
                    url,
                    Problem.NETWORK,
                    "cannot send the request: " + shorten(String.valueOf(cause.getMessage())),
                    null);
        }
        // Netty's connect timeout is a ConnectException too; the JDK client's (the token request's) is its own type.
        if (cause instanceof ConnectTimeoutException || cause instanceof HttpConnectTimeoutException) {
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
        return new Failed(url, Problem.NETWORK, "network error: " + shorten(detail), null);
    }

    private static Failed tooLarge(URI url, int cap) {
        return new Failed(url, Problem.TOO_LARGE, "answer larger than " + cap + " bytes", null);
    }

    /**
     * How long the server asks us to wait: Retry-After as seconds or as an HTTP date (RFC 9110
     * §10.2.3), else the end of the rate-limit window that X and Mastodon send instead (epoch
     * seconds or an ISO time). Null when it says nothing readable.
     */
    private Duration waitAsked(MultiMap headers) {
        String retryAfter = headers.get("Retry-After");
        retryAfter = retryAfter == null ? null : retryAfter.trim();
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
        String reset = Optional.ofNullable(headers.get("x-rate-limit-reset"))
                .or(() -> Optional.ofNullable(headers.get("X-RateLimit-Reset")))
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

    private static final class TooLargeException extends IOException {
        TooLargeException() {
            super("too large", null);
        }
    }
}
