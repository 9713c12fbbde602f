package dev.incidex.web;

import dev.incidex.IncidexConfig;
import dev.incidex.catalog.Source;
import dev.incidex.incident.Durations;
import dev.incidex.incident.Incident;
import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How pages print times, durations, impact and state, the way status pages write them. Times are
 * printed in the reader's zone with its abbreviation; UTC unless they chose another.
 */
@TemplateExtension
public class Display {

    private static final DateTimeFormatter ZONED = DateTimeFormatter.ofPattern("MMM d, yyyy, hh:mm a z", Locale.US);
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    /** "Mar 29, 2023, 10:04 AM EDT" in the reader's zone; "Mar 29, 2023, 02:04 PM UTC" by default. */
    static String time(Instant instant, ZoneId zone) {
        return instant == null ? "—" : ZONED.withZone(zone).format(instant);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy,", Locale.US);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("hh:mm a z", Locale.US);

    /**
     * {@link #time}'s first half, "Mar 29, 2023,": a card prints it and {@link #clock} as two pieces that
     * never break inside, so a narrow card wraps between the date and the time, never in "02:04 PM".
     */
    static String day(Instant instant, ZoneId zone) {
        return instant == null ? "" : DAY.withZone(zone).format(instant);
    }

    /** {@link #time}'s second half, "02:04 PM UTC". */
    static String clock(Instant instant, ZoneId zone) {
        return instant == null ? "—" : CLOCK.withZone(zone).format(instant);
    }

    /** "March 29, 2023" in the reader's zone. */
    static String date(Instant instant, ZoneId zone) {
        return instant == null ? "an unknown date" : LONG_DATE.withZone(zone).format(instant);
    }

    /** "Mar 29, 2023": short dates for lists. */
    static String shortDate(Instant instant, ZoneId zone) {
        return instant == null ? "—" : SHORT_DATE.withZone(zone).format(instant);
    }

    /** The zone's IANA id, "Europe/Berlin". */
    static String name(ZoneId zone) {
        return zone.getId();
    }

    /** The time zones the footer's form offers this reader. */
    static java.util.List<String> choices(ZoneId zone) {
        return ReaderZone.choices(zone);
    }

    /** ISO-8601 for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** "Notice", "Minor", … or "Unknown impact" while no source has said. */
    static String impactLabel(Incident incident) {
        return incident.impact == null ? "Unknown impact" : incident.impact.label();
    }

    /** CSS class suffix for the impact badge. */
    static String impactClass(Incident incident) {
        return incident.impact == null ? "unknown" : incident.impact.code();
    }

    /** "a notice incident", "a major incident", "an incident" (impact unknown): the summary sentence's words. */
    static String kindPhrase(Incident incident) {
        if (incident.maintenance || incident.impact == Impact.MAINTENANCE) {
            return "a maintenance";
        }
        if (incident.impact == null) {
            return "an incident";
        }
        String word = incident.impact.label().toLowerCase(Locale.ROOT);
        return article(word) + " " + word + " incident";
    }

    static String stateLabel(Incident incident) {
        if (incident.isResolved()) {
            return incident.maintenance ? "Completed" : "Resolved";
        }
        if (incident.isOverdue(now())) {
            return "Overdue";
        }
        if (upcoming(incident)) {
            return "Upcoming";
        }
        return incident.maintenance ? "Maintenance" : "Ongoing";
    }

    /** A maintenance whose window has not begun: it has no age yet and is not under way. */
    static boolean upcoming(Incident incident) {
        return incident.maintenance
                && !incident.isResolved()
                && incident.status == IncidentStatus.SCHEDULED
                && incident.scheduledFor != null
                && incident.scheduledFor.isAfter(now());
    }

    /** A maintenance whose window ended without a "completed" (Incident#isOverdue). */
    static boolean overdue(Incident incident) {
        return incident.isOverdue(now());
    }

    /**
     * Open, but the vendor has said nothing about it for {@code incidex.incidents.stale-after} (Incident#isStale):
     * off "What is broken now", and its page says when the vendor last spoke.
     */
    static boolean silent(Incident incident) {
        return incident.isStale(
                now(),
                Arc.container().instance(IncidexConfig.class).get().incidents().staleAfter());
    }

    static String durationText(Incident incident) {
        return incident.duration().map(Durations::format).orElse("");
    }

    static String healthLabel(Source source) {
        return switch (source.health()) {
            case OK -> "ok";
            case FAILING -> "failing";
            case UNKNOWN -> "unknown";
            case RETIRED -> "retired";
        };
    }

    /** "none", "minor", … for CSS classes of a day cell; "unknown" when the vendor never said. */
    static String impactCode(Impact impact) {
        return impact == null ? "unknown" : impact.code();
    }

    /**
     * How long an open incident has been open, "for 3 h"; "for 2 years — stale?" past {@link Durations#STALE},
     * when the vendor has most likely forgotten to close it. Empty once resolved or when its start is unknown.
     */
    static String openFor(Incident incident) {
        if (incident.isResolved() || incident.startedAt == null || upcoming(incident)) {
            return "";
        }
        Duration open = Duration.between(incident.startedAt, now());
        if (open.isNegative()) {
            open = Duration.ZERO;
        }
        return "for " + Durations.age(open) + (stale(incident) ? " — stale?" : "");
    }

    /** Open for longer than {@link Durations#STALE}: a maintenance or incident the vendor forgot to close. */
    static boolean stale(Incident incident) {
        return !incident.isResolved()
                && incident.startedAt != null
                && Duration.between(incident.startedAt, now()).compareTo(Durations.STALE) > 0;
    }

    /** Templates have no injection point: the injected clock, looked up, so tests can set the time. */
    private static Instant now() {
        return Arc.container().instance(InstantSource.class).get().instant();
    }

    private static String article(String word) {
        return "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an" : "a";
    }
}
