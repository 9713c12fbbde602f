package dev.incidex.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidex.incident.IncidentTransition;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What each kind of target receives, with hostile vendor text. */
class MessagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Notice notice(String title, String text) {
        return new Notice(
                "k-1",
                IncidentTransition.Kind.STATUS,
                Instant.parse("2024-07-01T12:00:00Z"),
                "acme",
                "Acme & Co",
                7,
                "https://incidex.example/vendors/acme/incidents/7",
                null,
                title,
                IncidentStatus.IDENTIFIED,
                IncidentStatus.INVESTIGATING,
                Impact.MAJOR,
                Instant.parse("2024-07-01T11:00:00Z"),
                null,
                text);
    }

    @Test
    void slackTextCannotLinkOrMention() throws Exception {
        JsonNode m =
                JSON.readTree(Messages.slack(notice("<!channel> see <https://evil.example|here>", "<@U123> & co")));
        assertThat(m.path("text").asText())
                .isEqualTo("Acme &amp; Co: &lt;!channel&gt; see &lt;https://evil.example|here&gt; (now identified)");
        String head = m.path("blocks").get(0).path("text").path("text").asText();
        assertThat(head)
                .startsWith("*Acme &amp; Co*: <https://incidex.example/vendors/acme/incidents/7|&lt;!channel&gt;")
                .doesNotContain("<!channel>")
                .doesNotContain("<https://evil.example");
        assertThat(m.path("blocks").get(1).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(m.path("blocks").get(1).path("text").path("text").asText()).isEqualTo("<@U123> & co");
    }

    @Test
    void webhookCarriesTheFieldsAndNullsForWhatIsUnknown() throws Exception {
        JsonNode m = JSON.readTree(Messages.webhook(notice("Logins fail", "Looking.")));
        assertThat(m.path("delivery").asText()).isEqualTo("k-1");
        assertThat(m.path("transition").asText()).isEqualTo("status");
        assertThat(m.path("incident").path("status").asText()).isEqualTo("identified");
        assertThat(m.path("incident").path("previousStatus").asText()).isEqualTo("investigating");
        assertThat(m.path("incident").path("impact").asText()).isEqualTo("major");
        assertThat(m.path("incident").path("resolvedAt").isNull()).isTrue();
        assertThat(m.path("incident").path("vendorUrl").isNull()).isTrue();
        assertThat(m.path("update").asText()).isEqualTo("Looking.");
    }

    @Test
    void anEmailSubjectIsOneBoundedLine() {
        String subject = Messages.emailSubject(notice("Line one\r\nBcc: someone@example.com " + "x".repeat(400), null));
        assertThat(subject).doesNotContain("\r").doesNotContain("\n").hasSizeLessThanOrEqualTo(200);
        assertThat(subject).startsWith("[Incidex] Acme & Co: Line one Bcc: someone@example.com x");
        assertThat(Messages.emailText(notice("T", "Body"))).contains("Body").contains("Delivery k-1");
    }
}
