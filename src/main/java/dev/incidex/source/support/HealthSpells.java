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
import java.time.temporal.ChronoUnit;
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

    /** The cursor while all is well: empty, not null, since a null cursor leaves the stored one as it was. */
    public static final String NO_SPELL = "";

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
        Instant at = now.at().truncatedTo(ChronoUnit.SECONDS);
        if (now.healthy()) {
            if (spell == null) {
                return new Outcome(List.of(), NO_SPELL);
            }
            // The spell's earlier words are stored already; the resolution is the one update to add.
            ObservedUpdate resolution = new ObservedUpdate(
                    keyPrefix + spell.since.getEpochSecond() + "-resolved",
                    IncidentStatus.RESOLVED,
                    now.word(),
                    at,
                    true,
                    VendorText.ofPlain(now.message() == null ? "Healthy again." : now.message()));
            return new Outcome(
                    List.of(spell.incident(
                            keyPrefix, url, IncidentStatus.RESOLVED, at, List.of(resolution), List.of())),
                    NO_SPELL);
        }
        String message = now.message() == null || now.message().isBlank()
                ? unwellTitle
                : now.message().strip();
        String digest = digest(message);
        Spell next;
        if (spell == null) {
            next = new Spell(at, VendorText.headline(message), now.impact(), digest, at, now.word());
        } else {
            Impact worst =
                    now.impact() != null && (spell.worst == null || now.impact().severity() > spell.worst.severity())
                            ? now.impact()
                            : spell.worst;
            Instant messageSince = digest.equals(spell.digest) ? spell.messageSince : at;
            next = new Spell(spell.since, spell.title, worst, digest, messageSince, now.word());
        }
        // The words now, as an update from when they were first seen; earlier words are stored already.
        ObservedUpdate words = new ObservedUpdate(
                // The digest too: two polls within one second may see two messages.
                keyPrefix + next.since.getEpochSecond() + "-" + next.messageSince.getEpochSecond() + "-" + digest,
                IncidentStatus.INVESTIGATING,
                now.word(),
                next.messageSince,
                true,
                VendorText.ofPlain(message));
        ObservedIncident open =
                next.incident(keyPrefix, url, IncidentStatus.INVESTIGATING, null, List.of(words), now.components());
        return new Outcome(List.of(open), next.write());
    }

    /** A short digest of the vendor's words, to tell when they change: the cursor must stay small. */
    private static String digest(String message) {
        return Integer.toHexString(message.hashCode());
    }

    /** What the cursor remembers of an open spell: its start, title and worst impact, and the words' digest. */
    private record Spell(Instant since, String title, Impact worst, String digest, Instant messageSince, String word) {

        static Spell parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                JsonNode n = JSON.readTree(cursor);
                if (!n.path("since").canConvertToLong()
                        || !n.path("messageSince").canConvertToLong()) {
                    return null;
                }
                return new Spell(
                        Instant.ofEpochSecond(n.path("since").asLong()),
                        n.path("title").asText(""),
                        Impact.fromCode(n.path("worst").asText(null)),
                        n.path("digest").asText(""),
                        Instant.ofEpochSecond(n.path("messageSince").asLong()),
                        n.path("word").asText(null));
            } catch (Exception e) {
                // A cursor this rule did not write (an older format): start afresh rather than fail the source.
                return null;
            }
        }

        String write() {
            ObjectNode n = JSON.createObjectNode();
            n.put("since", since.getEpochSecond());
            n.put("title", title);
            n.put("worst", worst == null ? null : worst.code());
            n.put("digest", digest);
            n.put("messageSince", messageSince.getEpochSecond());
            n.put("word", word == null || word.length() <= 20 ? word : word.substring(0, 20));
            return n.toString();
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
                    title,
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
