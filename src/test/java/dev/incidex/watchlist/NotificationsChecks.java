package dev.incidex.watchlist;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidex.IncidexConfig;
import dev.incidex.feed.StatuspageDoc;
import dev.incidex.feed.StatuspageDoc.SpIncident;
import dev.incidex.feed.StatuspageDoc.Update;
import dev.incidex.incident.IncidentTransition;
import dev.incidex.notify.Deliverer;
import dev.incidex.notify.Deliveries;
import dev.incidex.notify.DeliveryAttempt;
import dev.incidex.notify.Sender;
import dev.incidex.testing.NotificationSinksResource;
import dev.incidex.testing.SmtpSink;
import dev.incidex.testing.TestPolls;
import dev.incidex.testing.VendorServerResource;
import dev.incidex.testing.WebhookReceiver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Notifications through the real path: a local vendor server, the poller, the merge (which records
 * each transition), routing, delivery over HTTP and SMTP to a local webhook receiver, a Slack-shaped
 * receiver and an SMTP sink. A receiver that fails is retried; a worker that dies after sending and
 * before recording is replaced once its lease ends, and the resend carries the same key, so each
 * receiver sees exactly one delivery per transition per key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class NotificationsChecks {

    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    TestPolls polls;

    @Inject
    NotificationRouting routing;

    @Inject
    Deliverer deliverer;

    @Inject
    Deliveries deliveries;

    @Inject
    Sender sender;

    @Inject
    IncidexConfig config;

    @Test
    @Order(2)
    void eachTransitionReachesEachTargetOnceAcrossARetryAndARestart() throws Exception {
        WebhookReceiver receiver = NotificationSinksResource.receiver();
        SmtpSink smtp = NotificationSinksResource.smtp();
        Instant started = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        String title = "Logins <fail> & retry";
        serve(new SpIncident(
                "notifaaaaaa1",
                title,
                "investigating",
                "major",
                started.toString(),
                null,
                List.of("Login"),
                List.of(new Update(
                        "n1", "investigating", "We are looking into <failed> logins.", started.toString()))));

        String token = createWatchlist("notifyco");
        addTarget(token, "webhook", receiver.url("/hook")).statusCode(303);
        addTarget(token, "slack", receiver.url("/slack")).statusCode(303);
        addTarget(token, "email", "ops@example.com").statusCode(303);

        // New incident: the webhook is down for the first attempt.
        receiver.failNext("/hook", 1);
        assertThat(polls.pollVendor("notifyco").failed()).isZero();
        assertThat(transitions()).containsExactly("NEW");
        assertThat(routing.routeAll()).isEqualTo(3);
        Deliverer.Report first = deliverer.deliverDue(Instant.now());
        assertThat(first).isEqualTo(new Deliverer.Report(2, 1, 0));
        // Not due again before the backoff has passed; due after it.
        assertThat(deliverer.deliverDue(Instant.now()).attempts()).isZero();
        assertThat(deliverer.deliverDue(
                        Instant.now().plus(config.notifications().firstRetry()).plusSeconds(5)))
                .isEqualTo(new Deliverer.Report(1, 0, 0));

        // Polling the same document again records nothing new and routing makes nothing.
        assertThat(polls.pollVendor("notifyco").failed()).isZero();
        assertThat(routing.routeAll()).isZero();

        // Status change; the worker dies after sending, before recording (a crash, a kill -9).
        Instant identified = started.plusSeconds(300);
        serve(new SpIncident(
                "notifaaaaaa1",
                title,
                "identified",
                "major",
                started.toString(),
                null,
                List.of("Login"),
                List.of(
                        new Update("n2", "identified", "The cause is found.", identified.toString()),
                        new Update(
                                "n1", "investigating", "We are looking into <failed> logins.", started.toString()))));
        assertThat(polls.pollVendor("notifyco").failed()).isZero();
        assertThat(transitions()).containsExactly("NEW", "STATUS");
        assertThat(routing.routeAll()).isEqualTo(3);
        Instant crashAt = Instant.now();
        List<Deliverer.Outgoing> inFlight = deliverer.claim(crashAt);
        assertThat(inFlight).hasSize(3);
        for (Deliverer.Outgoing o : inFlight) {
            Sender.Result sent = sender.send(o.kind(), o.address(), o.notice());
            assertThat(sent.sent()).as(o.kind() + ": " + sent.detail()).isTrue();
        }
        // ... the process is gone. While its lease holds, nobody sends them again.
        assertThat(deliverer.deliverDue(Instant.now()).attempts()).isZero();
        // A new instance (or the restarted one) takes them over once the lease has ended.
        Instant afterLease = crashAt.plus(config.notifications().lease()).plusSeconds(1);
        assertThat(deliverer.deliverDue(afterLease)).isEqualTo(new Deliverer.Report(3, 0, 0));
        // The dead worker's late record changes nothing: its lease token is stale.
        Deliverer.Outgoing late = inFlight.get(0);
        assertThat(deliveries.record(
                        late.claim(),
                        DeliveryAttempt.Outcome.SENT,
                        new Sender.Result(true, false, 200, "HTTP 200", null),
                        Instant.now(),
                        1,
                        null))
                .isFalse();
        assertThat(deliverer.deliverDue(afterLease.plusSeconds(3600)).attempts())
                .isZero();

        // Resolved; a transition recorded and not yet routed when a process stops is routed after.
        Instant resolved = identified.plusSeconds(600);
        serve(new SpIncident(
                "notifaaaaaa1",
                title,
                "resolved",
                "major",
                started.toString(),
                resolved.toString(),
                List.of("Login"),
                List.of(
                        new Update("n3", "resolved", "Logins work again.", resolved.toString()),
                        new Update("n2", "identified", "The cause is found.", identified.toString()),
                        new Update(
                                "n1", "investigating", "We are looking into <failed> logins.", started.toString()))));
        assertThat(polls.pollVendor("notifyco").failed()).isZero();
        assertThat(transitions()).containsExactly("NEW", "STATUS", "RESOLVED");
        assertThat(routing.routeAll()).isEqualTo(3);
        assertThat(deliverer.deliverDue(Instant.now())).isEqualTo(new Deliverer.Report(3, 0, 0));

        // Routing everything again (as if a routing transaction had been repeated) queues nothing twice.
        QuarkusTransaction.requiringNew().run(() -> IncidentTransition.update("routed = false where routed = true"));
        assertThat(routing.routeAll()).isZero();
        assertThat(deliverer.deliverDue(Instant.now().plusSeconds(7200)).attempts())
                .isZero();

        // The webhook: every request carries its key twice (header and body); by key, exactly one per transition.
        List<WebhookReceiver.Received> hooks = receiver.received("/hook");
        assertThat(hooks).hasSize(5); // 3 transitions, 1 retry after the 503, 1 resend after the crash
        Map<String, List<WebhookReceiver.Received>> hooksByKey =
                hooks.stream().collect(Collectors.groupingBy(WebhookReceiver.Received::idempotencyKey));
        assertThat(hooksByKey).hasSize(3);
        for (WebhookReceiver.Received r : hooks) {
            JsonNode body = MAPPER.readTree(r.body());
            assertThat(r.deliveryHeader()).isEqualTo(r.idempotencyKey());
            assertThat(body.path("delivery").asText()).isEqualTo(r.idempotencyKey());
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(body.path("vendor").path("slug").asText()).isEqualTo("notifyco");
            assertThat(body.path("incident").path("title").asText()).isEqualTo(title);
            assertThat(body.path("incident").path("url").asText())
                    .matches("http://localhost:8080/vendors/notifyco/incidents/\\d+");
        }
        assertThat(acceptedTransitions(hooks)).containsExactlyInAnyOrder("new", "status", "resolved");
        JsonNode resolvedHook = MAPPER.readTree(hooks.stream()
                .filter(r -> r.answered() == 200 && r.body().contains("\"transition\":\"resolved\""))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(resolvedHook.path("incident").path("status").asText()).isEqualTo("resolved");
        assertThat(resolvedHook.path("incident").path("previousStatus").asText())
                .isEqualTo("identified");
        assertThat(resolvedHook.path("incident").path("impact").asText()).isEqualTo("major");
        assertThat(resolvedHook.path("incident").path("resolvedAt").asText()).isEqualTo(resolved.toString());
        assertThat(resolvedHook.path("update").asText()).isEqualTo("Logins work again.");

        // Slack: its message shape, with &, < and > escaped so vendor text makes no link or mention.
        List<WebhookReceiver.Received> slack = receiver.received("/slack");
        assertThat(slack).hasSize(4); // 3 transitions, 1 resend after the crash
        assertThat(slack.stream().map(WebhookReceiver.Received::idempotencyKey).distinct())
                .hasSize(3);
        JsonNode slackNew = MAPPER.readTree(slack.get(0).body());
        assertThat(slackNew.path("text").asText())
                .isEqualTo("NotifyCo: Logins &lt;fail&gt; &amp; retry (new incident, investigating)");
        assertThat(slackNew.path("blocks").get(0).path("text").path("text").asText())
                .contains("*NotifyCo*: <http://localhost:8080/vendors/notifyco/incidents/")
                .contains("|Logins &lt;fail&gt; &amp; retry>");
        assertThat(slackNew.path("blocks").get(1).path("text").path("type").asText())
                .isEqualTo("plain_text");

        // Email: one message per transition by Message-ID and delivery header; the crash's resend keeps both.
        List<SmtpSink.Message> mails = smtp.messages();
        assertThat(mails).hasSize(4);
        assertThat(mails).allSatisfy(m -> assertThat(m.recipients()).containsExactly("<ops@example.com>"));
        assertThat(mails.stream().map(m -> m.header("Message-ID")).distinct()).hasSize(3);
        assertThat(mails.stream().map(m -> m.header("X-Incidex-Delivery")).distinct())
                .hasSize(3);
        assertThat(mails)
                .allSatisfy(m -> assertThat(m.header("Message-ID"))
                        .isEqualTo("<" + m.header("X-Incidex-Delivery") + "@incidex>"));
        assertThat(mails.stream().map(m -> m.header("Subject")).distinct())
                .containsExactlyInAnyOrder(
                        "[Incidex] NotifyCo: Logins <fail> & retry (new incident, investigating)",
                        "[Incidex] NotifyCo: Logins <fail> & retry (now identified)",
                        "[Incidex] NotifyCo: Logins <fail> & retry (resolved)");
        assertThat(mails.get(0).body()).contains("We are looking into <failed> logins.");

        // The watchlist page: targets, and the log with the retry and the late record of the crashed worker.
        Document page = page(token);
        assertThat(page.select("table.targets tbody tr")).hasSize(3);
        assertThat(page.select("table.targets td.address").eachText())
                .containsExactly(
                        "http://" + hostPort(receiver) + "/…",
                        "http://" + hostPort(receiver) + "/…",
                        "ops@example.com");
        assertThat(page.select("table.delivery-log tr.attempt")).hasSize(11);
        assertThat(page.select("table.delivery-log tr.attempt.retry").text())
                .contains("failed, will retry")
                .contains("HTTP 503");
        assertThat(page.select("table.delivery-log tr.attempt.sent").text()).contains("(its lease had ended)");
        assertThat(page.select("table.delivery-log tr.attempt.sent")).hasSize(10);

        // Removing a target stops its deliveries and takes its log with it.
        String removeAction = page.select("form.remove-target").get(0).attr("action");
        given().redirects().follow(false).post(removeAction).then().statusCode(303);
        given().redirects().follow(false).post(removeAction).then().statusCode(404);
        assertThat(page(token).select("table.targets tbody tr")).hasSize(2);
    }

    @Test
    @Order(1)
    void targetsAreCheckedAndLimited() {
        String token = createWatchlist("notifyco");
        addTarget(token, "pager", "https://example.com/x")
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString(
                        "Pick a webhook, a Slack incoming webhook or an email address"));
        addTarget(token, "webhook", "file:///etc/passwd")
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("only http and https URLs are allowed"));
        addTarget(token, "webhook", "http://user:secret@example.com/hook")
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("user name or password"));
        addTarget(token, "webhook", "http://exa mple.com/")
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("is not a URL"));
        addTarget(token, "email", "not-an-address")
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("is not an email address"));
        // A line break could add a header (Bcc:) to the email: refused as no address at all.
        addTarget(token, "email", "a@example.com\r\nBcc: x@example.com")
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("is not an email address"));
        addTarget(token, "webhook", "https://example.com/\u0000")
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString("control character"));
        addTarget(token, "email", "").statusCode(400).body(org.hamcrest.Matchers.containsString("Enter the email"));
        for (int i = 0; i < config.notifications().maxTargets(); i++) {
            addTarget(token, "email", "team" + i + "@example.com").statusCode(303);
        }
        addTarget(token, "email", "team0@example.com").statusCode(400);
        addTarget(token, "email", "one-more@example.com")
                .statusCode(400)
                .body(org.hamcrest.Matchers.containsString(
                        "at most " + config.notifications().maxTargets()));
        // The rejected address comes back in the form, escaped.
        Document rejected = Jsoup.parse(addTarget(token, "webhook", "ftp://\"><script>x</script>")
                .statusCode(400)
                .extract()
                .asString());
        assertThat(rejected.select("input[name=address]").val()).isEqualTo("ftp://\"><script>x</script>");
        // The page's own filter script is the only script: the address never became one.
        assertThat(rejected.select("script").eachAttr("src")).containsOnly("/watchlist-filter.js");
        assertThat(rejected.select("script").size()).isEqualTo(1);
        given().post("/watchlists/" + token + "/targets/abc/delete").then().statusCode(404);
        given().post("/watchlists/" + "x".repeat(43) + "/targets/1/delete")
                .then()
                .statusCode(404);
        // Deleting the watchlist takes its targets with it.
        given().post("/watchlists/" + token + "/delete").then().statusCode(200);
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() ->
                                dev.incidex.notify.NotificationTarget.count("address like ?1", "team%@example.com")))
                .isZero();
    }

    private static void serve(SpIncident incident) {
        VendorServerResource.server()
                .serve("/notifyco/api/v2/incidents.json", 200, JSON, StatuspageDoc.incidents(incident))
                .serve("/notifyco/api/v2/scheduled-maintenances.json", 200, JSON, StatuspageDoc.maintenances());
    }

    private static List<String> transitions() {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        IncidentTransition.<IncidentTransition>list("incident.vendor.slug = ?1 order by id", "notifyco")
                                .stream()
                                .map(t -> t.kind.name())
                                .toList());
    }

    private static List<String> acceptedTransitions(List<WebhookReceiver.Received> received) {
        return received.stream()
                .filter(r -> r.answered() == 200)
                .collect(Collectors.toMap(
                        WebhookReceiver.Received::idempotencyKey, r -> r, (a, b) -> a, java.util.LinkedHashMap::new))
                .values()
                .stream()
                .map(r -> {
                    try {
                        return MAPPER.readTree(r.body()).path("transition").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String hostPort(WebhookReceiver receiver) {
        return receiver.url("").substring("http://".length());
    }

    private static String createWatchlist(String vendor) {
        String location = given().contentType(ContentType.URLENC)
                .redirects()
                .follow(false)
                .formParam("vendor", vendor)
                .post("/watchlists")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static io.restassured.response.ValidatableResponse addTarget(String token, String kind, String address) {
        return given().contentType(ContentType.URLENC)
                .redirects()
                .follow(false)
                .formParam("kind", kind)
                .formParam("address", address)
                .post("/watchlists/" + token + "/targets")
                .then();
    }

    private static Document page(String token) {
        return Jsoup.parse(given().get("/watchlists/" + token)
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }
}
