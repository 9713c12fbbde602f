package dev.incidex.source.support;

import dev.incidex.model.IncidentStatus;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses an incident's status from free text, for feeds that carry no status field.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>A leading bracketed status word wins outright: Better Stack and AWS titles start with
 *       {@code [Resolved]}, {@code [Identified]}, {@code [Scheduled]}, … (a prefix after a colon,
 *       as in AWS's "Service is operating normally: [RESOLVED] …", counts too).
 *   <li>Otherwise resolution words (resolved, restored, fixed, recovered, operating normally,
 *       completed, working again, back to normal, up and running, all clear) outrank monitoring
 *       words (monitoring, mitigated, fix deployed), which outrank identified words (identified,
 *       root cause), because a text that says "we identified the cause and it is now resolved" is
 *       resolved.
 *   <li>Otherwise investigating words (investigating, looking into, aware of, outage, disruption,
 *       degraded, delays, errors, an issue, …) say investigating.
 *   <li>Otherwise investigating, though the text {@linkplain #stated states} nothing.
 * </ol>
 * Matching is case-insensitive and on word boundaries ("unresolved" is not "resolved").
 *
 * <p>Social posts (grouped by {@code source.social.PostGrouping}) use {@link #stated}: a post whose words match none of the
 * rules (a product announcement, a webinar) is not about an incident, so it opens none.
 */
public final class StatusWords {

    private static final Pattern BRACKETED = Pattern.compile("(?:^|:)\\s*\\[([A-Za-z _-]{3,20})]");

    private record Rule(IncidentStatus status, Pattern words) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    IncidentStatus.RESOLVED,
                    words("resolved|restored|fixed|recovered|operating normally|completed"
                            + "|(?:is|are|now) working again|works? again|back to normal|up and running|all clear")),
            new Rule(
                    IncidentStatus.MONITORING,
                    words("monitoring|mitigated|fix(?:es)? (?:has been |have been |was |were )?deployed")),
            new Rule(IncidentStatus.IDENTIFIED, words("identified|root cause")),
            new Rule(
                    IncidentStatus.INVESTIGATING,
                    words("investigating|investigation|looking into|aware of"
                            + "|outages?|disruptions?|degraded|degradation|interruption|delays?|delayed|errors?|failures?|failing"
                            + "|unavailable|unable to|an issue|issues? (?:with|affecting|impacting|where)|incident")));

    private StatusWords() {}

    /** The status the text suggests; never null. */
    public static IncidentStatus infer(String text) {
        return stated(text).orElse(IncidentStatus.INVESTIGATING);
    }

    /**
     * The status the text suggests for an update of an incident the vendor still holds open: words
     * cannot close it nor turn it into maintenance (only the vendor's own field or end time does), so
     * such a guess becomes {@code instead}.
     */
    public static IncidentStatus inferWhileOpen(String text, IncidentStatus instead) {
        IncidentStatus inferred = infer(text);
        return inferred.isClosed() || inferred.isMaintenance() ? instead : inferred;
    }

    /** The status the text's words state, or empty when no rule matches: the text is not about an incident. */
    public static java.util.Optional<IncidentStatus> stated(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.empty();
        }
        Matcher bracket = BRACKETED.matcher(text);
        if (bracket.find()) {
            IncidentStatus declared = IncidentStatus.fromWord(bracket.group(1));
            if (declared != null) {
                return java.util.Optional.of(declared);
            }
        }
        for (Rule rule : RULES) {
            if (rule.words().matcher(text).find()) {
                return java.util.Optional.of(rule.status());
            }
        }
        return java.util.Optional.empty();
    }

    /*
     * A status tag anywhere in a title: "[RESOLVED]", and the words AWS's localized dashboards put in
     * the same brackets ("Informational message: [解決済] … | [RESOLVED] …"). Bounded, so a long
     * bracketed phrase is no tag.
     */
    private static final Pattern TAG = Pattern.compile("\\[\\s*([^\\[\\]]{1,24}?)\\s*]");
    private static final java.util.Map<String, IncidentStatus> LOCALIZED_TAGS = java.util.Map.of(
            "解決済", IncidentStatus.RESOLVED,
            "解決済み", IncidentStatus.RESOLVED,
            "已解决", IncidentStatus.RESOLVED,
            "已解決", IncidentStatus.RESOLVED,
            "해결됨", IncidentStatus.RESOLVED);

    /**
     * The status a bracketed tag anywhere in {@code title} states ("Service is operating normally:
     * [RESOLVED] …", "Informational message: [解決済] … | [RESOLVED] …"); a closing tag wins over any
     * other, since a vendor marks an event over by retitling it. Empty when the title carries no tag.
     */
    public static java.util.Optional<IncidentStatus> tagged(String title) {
        if (title == null) {
            return java.util.Optional.empty();
        }
        IncidentStatus found = null;
        Matcher m = TAG.matcher(title);
        while (m.find()) {
            IncidentStatus s = tagWord(m.group(1));
            if (s != null && (found == null || s.isClosed())) {
                found = s;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** {@code title} without its status tags, spacing tidied: the words that name the event. */
    public static String withoutTags(String title) {
        if (title == null) {
            return null;
        }
        Matcher m = TAG.matcher(title);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, tagWord(m.group(1)) != null ? " " : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(sb);
        return sb.toString().replaceAll("\\s+", " ").replaceAll("\\s+\\|", " |").strip();
    }

    private static IncidentStatus tagWord(String word) {
        String w = word.strip();
        IncidentStatus localized = LOCALIZED_TAGS.get(w);
        return localized != null ? localized : IncidentStatus.fromWord(w);
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
