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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * Conditional GETs with limits: connect and total timeouts, a body size cap (also after
 * decompression), If-None-Match / If-Modified-Since from the last answer. Every result is a named
 * {@link FetchOutcome}; nothing here parses a document or touches the database.
 */
@ApplicationScoped
public class Fetcher {

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

    /**
     * A conditional GET, proving who is asking when {@code authorization} is set (with a
     * client-credentials grant the token is obtained or taken from the cache first, and a failure
     * to get one is a {@link Failed}), and checking every hop against {@code policy} when set.
     */
    public CompletionStage<FetchOutcome> fetch(URI url, Validators previous, Authorization authorization, AddressPolicy policy) {
        return metrics.record(() -> request(url, previous, authorization, policy));
    }

    private CompletableFuture<FetchOutcome> request(URI url, Validators previous, Authorization authorization,
            AddressPolicy policy) {
        if (authorization == null) {
            return hop(url, url, previous, null, policy, 0, 0);
        }
        if (authorization instanceof Authorization.Bearer bearer) {
            return hop(url, url, previous, bearer.token(), policy, 0, 0);
        }
        Authorization.ClientCredentials grant = (Authorization.ClientCredentials) authorization;
        return oauth.token(grant)
                .thenCompose(token -> hop(url, url, previous, token, policy, 0, 0))
                .exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    String why = cause instanceof OAuthClientCredentials.TokenException ? cause.getMessage()
                            : ((Failed) failure(grant.tokenUrl(), cause)).message();
                    return new Failed(url, Problem.HTTP_STATUS, "could not get an access token: " + why, null);
                }).toCompletableFuture();
    }

    /**
     * One request; without a policy the client follows redirects itself, with one each hop is checked here.
     * {@code firstStatus} is the status of the first answer when this hop follows a redirect, else 0.
     */
    private CompletableFuture<FetchOutcome> hop(URI asked, URI current, Validators previous, String bearerToken,
            AddressPolicy policy, int hops, int firstStatus) {
        if (policy != null) {
            Optional<String> refused = policy.refusal(current);
            if (refused.isPresent()) {
                String where = hops == 0 ? "" : " (redirected to " + current + ")";
                return CompletableFuture.completedFuture(new Failed(asked, Problem.REFUSED_ADDRESS, refused.get() + where, null));
            }
        }
        int cap = config.maxBodyBytes();
        HttpClient via = policy == null ? client : noRedirects;
        CompletableFuture<HttpResponse<byte[]>> exchange = via.sendAsync(request(current, previous, bearerToken), info -> cappedBody(info, cap));
        return exchange
                .orTimeout(config.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .handle((response, error) -> {
                    if (error != null) {
                        exchange.cancel(true);
                        return CompletableFuture.completedFuture(failure(asked, error));
                    }
                    int status = response.statusCode();
                    Optional<String> location = response.headers().firstValue("Location");
                    if (policy != null && status >= 300 && status < 400 && status != 304 && location.isPresent()) {
                        if (hops >= config.maxRedirects()) {
                            return CompletableFuture.<FetchOutcome>completedFuture(new Failed(asked, Problem.HTTP_STATUS,
                                    "more than " + config.maxRedirects() + " redirects from " + asked, null));
                        }
                        URI next;
                        try {
                            next = current.resolve(location.get().trim());
                        } catch (IllegalArgumentException bad) {
                            return CompletableFuture.<FetchOutcome>completedFuture(new Failed(asked, Problem.HTTP_STATUS,
                                    "unreadable redirect from " + current + ": " + location.get(), null));
                        }
                        return hop(asked, next, previous, bearerToken, policy, hops + 1, hops == 0 ? status : firstStatus);
                    }
                    return CompletableFuture.completedFuture(outcome(asked, response, cap, firstStatus));
                })
                .thenCompose(f -> f);
    }

    private HttpRequest request(URI url, Validators previous, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(config.timeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
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
            return new Failed(url, status == 429 ? Problem.RATE_LIMITED : Problem.HTTP_STATUS,
                    "HTTP " + status + (status == 429 ? " Too Many Requests" : " Service Unavailable"),
                    waitAsked(headers));
        }
        if (status < 200 || status >= 300) {
            return new Failed(url, Problem.HTTP_STATUS, "HTTP " + status + " from " + url, null);
        }
        byte[] body = response.body();
        if (body == null) {
            return tooLarge(url, cap); // declared Content-Length over the cap: the body was never read
        }
        if (headers.firstValue("Content-Encoding").map(e -> e.equalsIgnoreCase("gzip")).orElse(false)) {
            try {
                body = gunzip(body, cap);
            } catch (TooLargeException e) {
                return tooLarge(url, cap);
            } catch (IOException e) {
                return new Failed(url, Problem.NETWORK, "corrupt gzip body: " + e.getMessage(), null);
            }
        }
        return new Fetched(url, headers.firstValue("Content-Type").orElse(null), body,
                headers.firstValue("ETag").orElse(null), headers.firstValue("Last-Modified").orElse(null),
                clock.instant(), movedTo(url, response, firstStatus));
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

    private FetchOutcome failure(URI url, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof TooLargeException) {
            return tooLarge(url, config.maxBodyBytes());
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new Failed(url, Problem.TIMEOUT, "no connection within " + config.connectTimeout().toSeconds() + "s", null);
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return new Failed(url, Problem.TIMEOUT, "no complete answer within " + config.timeout().toSeconds() + "s", null);
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
                return Duration.ofSeconds(Long.parseLong(retryAfter));
            }
            try {
                return until(ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException unreadable) {
                // fall through to the rate-limit headers
            }
        }
        String reset = headers.firstValue("x-rate-limit-reset").or(() -> headers.firstValue("X-RateLimit-Reset"))
                .map(String::trim).orElse(null);
        if (reset == null) {
            return null;
        }
        try {
            return until(reset.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(reset)) : OffsetDateTime.parse(reset).toInstant());
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private Duration until(Instant at) {
        Duration d = Duration.between(clock.instant(), at);
        return d.isNegative() ? Duration.ZERO : d;
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
     * costs at most {@code cap} bytes of memory. A declared Content-Length over the cap fails at once.
     */
    private static HttpResponse.BodySubscriber<byte[]> cappedBody(HttpResponse.ResponseInfo info, int cap) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > cap) {
            return HttpResponse.BodySubscribers.replacing(null);
        }
        return new CappedSubscriber(cap);
    }

    private static final class CappedSubscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final int cap;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedSubscriber(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
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
