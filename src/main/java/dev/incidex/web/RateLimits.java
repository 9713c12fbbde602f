package dev.incidex.web;

import dev.incidex.IncidexConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-client limits on the requests that make Incidex work or store something for anyone who asks:
 * adding a vendor (form and API together) and creating a watchlist. Each client has a bucket per
 * action that refills evenly over the hour; an empty bucket answers 429 with Retry-After. Reading is
 * never limited here.
 */
@ApplicationScoped
public class RateLimits {

    /** One client's allowance for one action: tokens left, as of when. */
    private static final class Bucket {
        double tokens;
        Instant at;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

    @Inject
    IncidexConfig config;

    @Inject
    InstantSource clock;

    void install(@Observes Router router) {
        router.post("/api/vendors")
                .order(Integer.MIN_VALUE + 2)
                .handler(ctx -> limit(ctx, "add-vendor", config.rateLimits().addVendorPerHour()));
        router.post("/vendors")
                .order(Integer.MIN_VALUE + 2)
                .handler(ctx -> limit(ctx, "add-vendor", config.rateLimits().addVendorPerHour()));
        router.route(HttpMethod.POST, "/watchlists")
                .order(Integer.MIN_VALUE + 2)
                .handler(ctx -> limit(ctx, "watchlist", config.rateLimits().watchlistsPerHour()));
    }

    private void limit(RoutingContext ctx, String action, int perHour) {
        String client = ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().hostAddress();
        Duration wait = take(action + " " + client, perHour);
        if (wait == null) {
            ctx.next();
            return;
        }
        long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
        String message = "Too many requests from this address: at most " + perHour + " per hour. Try again in "
                + (seconds < 120 ? seconds + " seconds." : (seconds + 59) / 60 + " minutes.");
        ctx.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(seconds));
        if (ErrorAnswers.isApi(ctx.request().path())) {
            ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end(io.vertx.core.json.JsonObject.of("status", 429, "error", message)
                            .encode());
        } else {
            ctx.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .end(
                            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests · Incidex</title>"
                                    + "<link rel=\"stylesheet\" href=\"/style.css\"></head><body><main><h1>Too many requests</h1>"
                                    + "<p class=\"problem\">" + message
                                    + "</p><p><a href=\"/\">Back to what is broken now</a></p></main></body></html>\n");
        }
    }

    /** Takes one token from the client's bucket; null when there was one, else how long until there is. */
    synchronized Duration take(String key, int perHour) {
        if (perHour <= 0) {
            return Duration.ofHours(1);
        }
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perHour, now));
        double perSecond = perHour / 3600.0;
        double elapsed = Math.max(0, Duration.between(bucket.at, now).toNanos() / 1e9);
        bucket.tokens = Math.min(perHour, bucket.tokens + elapsed * perSecond);
        bucket.at = now;
        while (buckets.size() > Math.max(1, config.rateLimits().clients())) {
            buckets.remove(buckets.keySet().iterator().next()); // the least recently seen
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return null;
        }
        return Duration.ofMillis((long) Math.ceil((1 - bucket.tokens) / perSecond * 1000));
    }
}
