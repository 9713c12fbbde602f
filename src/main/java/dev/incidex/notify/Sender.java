package dev.incidex.notify;

import dev.incidex.IncidexConfig;
import dev.incidex.fetch.AddressPolicy;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one notice to one target, once, and says what came of it. Webhook and Slack requests are
 * POSTs that follow no redirect, to an address checked by the same guard as vendors' URLs just
 * before sending; email goes through Quarkus Mailer. Every request carries the delivery's key.
 */
@ApplicationScoped
public class Sender {

    /** The header carrying the delivery's key; the same on every attempt of one delivery. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The same key under Incidex's own name (in emails too). */
    public static final String DELIVERY_HEADER = "X-Incidex-Delivery";

    /**
     * What one attempt came to.
     *
     * @param sent the receiver took it
     * @param permanent trying again would fail the same way (a 4xx other than 408 and 429)
     * @param httpStatus the answer's status, or null
     * @param detail what the receiver said or what failed, one line
     * @param retryAfter the wait the receiver asked for, or null
     */
    public record Result(boolean sent, boolean permanent, Integer httpStatus, String detail, Duration retryAfter) {}

    private final HttpClient client;
    private final IncidexConfig config;

    @Inject
    AddressPolicy addresses;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.mailer.timeout")
    Duration mailTimeout;

    /**
     * The one event loop every email is handed to the mail client on. Used from several threads at
     * once, the Vert.x mail client (4.5) can hand a new connection over on another thread, which then
     * sets the socket's handler in a task queued to the socket's event loop; when the server's "220"
     * greeting is read before that task runs, Vert.x drops it (a socket without a handler discards what
     * it reads) and the client waits for a greeting that already came, until the mailer's timeout.
     * From one event loop, the connect, the handler and the first read happen in that order.
     */
    private Context mailLoop;

    @Inject
    public Sender(IncidexConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.notifications().timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @PostConstruct
    void start() {
        mailLoop = ((VertxInternal) vertx).createEventLoopContext();
    }

    public Result send(TargetKind kind, String address, Notice notice) {
        return switch (kind) {
            case WEBHOOK -> post(address, Messages.webhook(notice), notice.key());
            case SLACK -> post(address, Messages.slack(notice), notice.key());
            case EMAIL -> mail(address, notice);
        };
    }

    private Result post(String address, String json, String key) {
        URI url = URI.create(address);
        Optional<String> refused = addresses.refusal(url);
        if (refused.isPresent()) {
            return new Result(false, true, null, "not sent: " + refused.get(), null);
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(config.notifications().timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", config.fetch().userAgent())
                .header(IDEMPOTENCY_KEY, key)
                .header(DELIVERY_HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            return new Result(
                    false,
                    false,
                    null,
                    "no answer within " + config.notifications().timeout().toSeconds() + " s",
                    null);
        } catch (IOException e) {
            return new Result(false, false, null, "could not connect: " + describe(e), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, false, null, "interrupted while sending", null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Result(true, false, status, "HTTP " + status, null);
        }
        Duration retryAfter = response.headers()
                .firstValue("Retry-After")
                .flatMap(Sender::seconds)
                .orElse(null);
        boolean permanent = status >= 300 && status < 500 && status != 408 && status != 429;
        String why = status >= 300 && status < 400
                ? "HTTP " + status + ": redirects are not followed; give the URL it redirects to"
                : "HTTP " + status;
        return new Result(false, permanent, status, why, retryAfter);
    }

    private Result mail(String address, Notice notice) {
        Mail mail = Mail.withText(address, Messages.emailSubject(notice), Messages.emailText(notice))
                .addHeader(DELIVERY_HEADER, notice.key())
                // A resent email keeps its Message-ID, so mail clients show a duplicate once.
                .addHeader("Message-ID", "<" + notice.key() + "@incidex>");
        try {
            mailer.send(mail)
                    .runSubscriptionOn(task -> mailLoop.runOnContext(v -> task.run()))
                    .await()
                    .atMost(mailTimeout);
            return new Result(true, false, null, "accepted by the mail server", null);
        } catch (RuntimeException e) {
            return new Result(false, false, null, "mail server: " + describe(e), null);
        }
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return Messages.oneLine(message, 250);
    }
}
