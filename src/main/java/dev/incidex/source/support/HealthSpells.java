package dev.incidex.source.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for a format that publishes only its health now and keeps no incident records (Azure DevOps'
 * status JSON): a spell of ill health, from the first observation that is not healthy to the first that
 * is healthy again, is one incident. The adapter is stateless, so what the spell needs between polls lives
 * in the source's cursor, which the poller stores only once what was read is merged:
 * <ul>
 *   <li>healthy, no spell: nothing;
 *   <li>not healthy: the spell opened at the first such observation (a restart keeps it, the cursor being
 *       stored), keyed by that instant; its title is the vendor's message then, each new message is an
 *       update from when it was first seen, its impact the worst seen;
 *   <li>healthy with a spell: the spell's incident, resolved at this observation.
 * </ul>
 * Times are when Incidex observed, not when the vendor's trouble began: the format does not say, so the
 * incident's times are not marked exact.
 */
public final class HealthSpells {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HealthSpells() {}

    /**
     * One observation.
     *
     * @param healthy whether the vendor reports itself healthy
     * @param at when it was observed (the document's arrival)
     * @param impact how bad this observation is (ignored when healthy)
     * @param word the vendor's own health word
     * @param message the vendor's message now, or null
     * @param components what is not healthy now
     */
    public record Observation(
            boolean healthy, Instant at, Impact impact, String word, String message, List<String> components) {}

    /** What the observation makes: the spell's incident (if any), and the cursor to remember. */
    public record Outcome(List<ObservedIncident> incidents, String cursor) {}

    /**
     * Applies the rule to {@code now}, given what the source's cursor remembers.
     *
     * @param keyPrefix the vendor key's prefix ({@code azure-devops-health-}); the spell's start follows it
     * @param url the vendor's status page, for the incident's link
     * @param unwellTitle the title when the vendor gives no message
     */
    public static Outcome observe(String cursor, Observation now, String keyPrefix, String url, String unwellTitle) {
        Spell spell = Spell.parse(cursor);
        if (now.healthy()) {
            if (spell == null) {
                return new Outcome(List.of(), null);
            }
            List<ObservedUpdate> updates = new ArrayList<>(spell.updates(keyPrefix));
            updates.add(new ObservedUpdate(
                    keyPrefix + spell.since.getEpochSecond() + "-resolved",
                    IncidentStatus.RESOLVED,
                    now.word(),
                    now.at(),
                    true,
                    VendorText.ofPlain(now.message() == null ? "Healthy again." : now.message())));
            return new Outcome(
                    List.of(spell.incident(keyPrefix, url, IncidentStatus.RESOLVED, now.at(), updates, List.of())),
                    null);
        }
        String message = now.message() == null || now.message().isBlank()
                ? unwellTitle
                : now.message().strip();
        Spell next;
        if (spell == null) {
            next = new Spell(now.at(), message, now.impact(), message, now.at(), now.word());
        } else {
            Impact worst =
                    now.impact() != null && (spell.worst == null || now.impact().severity() > spell.worst.severity())
                            ? now.impact()
                            : spell.worst;
            boolean newWords = !message.equals(spell.message);
            next = new Spell(
                    spell.since, spell.title, worst, message, newWords ? now.at() : spell.messageSince, now.word());
        }
        ObservedIncident open = next.incident(
                keyPrefix, url, IncidentStatus.INVESTIGATING, null, next.updates(keyPrefix), now.components());
        return new Outcome(List.of(open), next.write());
    }

    /** What the cursor remembers of an open spell. */
    private record Spell(Instant since, String title, Impact worst, String message, Instant messageSince, String word) {

        static Spell parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                JsonNode n = JSON.readTree(cursor);
                Instant since = Instant.parse(n.path("since").asText());
                Instant messageSince = Instant.parse(n.path("messageSince").asText());
                return new Spell(
                        since,
                        n.path("title").asText(""),
                        Impact.fromCode(n.path("worst").asText(null)),
                        n.path("message").asText(""),
                        messageSince,
                        n.path("word").asText(null));
            } catch (Exception e) {
                // A cursor this rule did not write (an older format): start afresh rather than fail the source.
                return null;
            }
        }

        String write() {
            ObjectNode n = JSON.createObjectNode();
            n.put("since", since.toString());
            n.put("title", title);
            n.put("worst", worst == null ? null : worst.code());
            n.put("message", message);
            n.put("messageSince", messageSince.toString());
            n.put("word", word);
            return n.toString();
        }

        /** The message now, as an update from when it was first seen; earlier ones are already stored. */
        List<ObservedUpdate> updates(String keyPrefix) {
            return List.of(new ObservedUpdate(
                    keyPrefix + since.getEpochSecond() + "-" + messageSince.getEpochSecond(),
                    IncidentStatus.INVESTIGATING,
                    word,
                    messageSince,
                    true,
                    VendorText.ofPlain(message)));
        }

        ObservedIncident incident(
                String keyPrefix,
                String url,
                IncidentStatus status,
                Instant resolvedAt,
                List<ObservedUpdate> updates,
                List<String> components) {
            return new ObservedIncident(
                    keyPrefix + since.getEpochSecond(),
                    VendorText.headline(title),
                    worst,
                    status,
                    word,
                    false,
                    since,
                    resolvedAt,
                    null,
                    null,
                    false,
                    url,
                    components,
                    updates);
        }
    }
}
