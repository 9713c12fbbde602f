package dev.incidex.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a local webhook receiver and SMTP sink before Quarkus, and points Quarkus Mailer at the sink.
 * The receivers are on loopback, so targets there are allowed, as an operator could allow an intranet.
 */
public class NotificationSinksResource implements QuarkusTestResourceLifecycleManager {

    private static WebhookReceiver receiver;
    private static SmtpSink smtp;

    public static WebhookReceiver receiver() {
        return receiver;
    }

    public static SmtpSink smtp() {
        return smtp;
    }

    @Override
    public Map<String, String> start() {
        receiver = new WebhookReceiver();
        smtp = new SmtpSink();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(smtp.port()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.login", "DISABLED",
                "incidex.fetch.allow-private-addresses", "true");
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }
}
