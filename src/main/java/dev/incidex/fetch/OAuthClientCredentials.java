package dev.incidex.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidex.IncidexConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Obtains OAuth 2.0 access tokens with the client-credentials grant and keeps each until a minute
 * before it expires, so a source polled every two minutes asks for a token about once an hour.
 */
@ApplicationScoped
public class OAuthClientCredentials {

    /** Renew this long before the stated expiry, so a token never expires in flight. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private record Token(String value, Instant expiresAt) {}

    private final Map<Authorization.ClientCredentials, Token> tokens = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client;
    private final IncidexConfig.Fetch config;
    private final InstantSource clock;

    @Inject
    public OAuthClientCredentials(IncidexConfig config, InstantSource clock) {
        this(config.fetch(), clock);
    }

    /** With the fetch settings alone, for tests of this stage. */
    OAuthClientCredentials(IncidexConfig.Fetch config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.config.connectTimeout())
                .build();
    }

    /** A valid access token, from the cache or the token endpoint; fails with a message free of secrets. */
    public CompletionStage<String> token(Authorization.ClientCredentials grant) {
        Token cached = tokens.get(grant);
        if (cached != null && clock.instant().isBefore(cached.expiresAt())) {
            return CompletableFuture.completedFuture(cached.value());
        }
        String form = Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        grant.clientId(),
                        "client_secret",
                        grant.clientSecret(),
                        "scope",
                        grant.scope())
                .entrySet()
                .stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(grant.tokenUrl())
                .timeout(config.timeout())
                .header("User-Agent", config.userAgent())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new TokenException(
                                "token endpoint " + grant.tokenUrl() + " answered HTTP " + response.statusCode());
                    }
                    try {
                        JsonNode body = json.readTree(response.body());
                        String value = body.path("access_token").asText(null);
                        if (value == null || value.isBlank()) {
                            throw new TokenException("token endpoint " + grant.tokenUrl() + " sent no access_token");
                        }
                        long seconds = body.path("expires_in").asLong(3599);
                        Instant expiresAt = clock.instant().plusSeconds(seconds).minus(MARGIN);
                        tokens.put(grant, new Token(value, expiresAt));
                        return value;
                    } catch (IOException e) {
                        throw new TokenException("token endpoint " + grant.tokenUrl() + " sent unreadable JSON");
                    }
                });
    }

    /** Why no token could be had, in words safe to show. */
    public static final class TokenException extends RuntimeException {
        TokenException(String message) {
            super(message, null, false, false);
        }
    }
}
