package dev.incidex.incident;

import dev.incidex.model.Impact;
import dev.incidex.model.IncidentStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which incidents a list shows, and the one reading of the request parameters that ask for it:
 * the pages, the API and the feeds all parse here, so a parameter means the same everywhere. Every
 * part is optional (null or empty means "any").
 *
 * <p>{@code from} and {@code to} take a date ({@code 2024-05-01}) or an instant
 * ({@code 2024-05-01T10:00:00Z}, any offset). A date is a whole day in the reader's zone (UTC where
 * there is no reader, as in the API): {@code from} starts at its first moment and {@code to}
 * includes all of it, so {@code from=2024-05-01&to=2024-05-31} is May. An instant in {@code to}
 * is exclusive.
 *
 * @param vendorSlug one vendor, or null for all
 * @param from incidents whose sort time is at or after this
 * @param to incidents whose sort time is before this
 * @param impacts any of these impacts
 * @param statuses any of these current statuses
 * @param component incidents affecting a component of this name (case-insensitive)
 * @param text words that must appear in the title or an update
 */
public record HistoryFilter(
        String vendorSlug,
        Instant from,
        Instant to,
        Set<Impact> impacts,
        Set<IncidentStatus> statuses,
        String component,
        String text) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null, Set.of(), Set.of(), null, null);

    /** Longest words query and component name a request may send. */
    public static final int MAX_QUERY = 200;

    public static final int MAX_COMPONENT = 300;

    /** Databases store years 1..9999 everywhere; beyond that a date is a typo, not a query (nor a page position). */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /** Whether {@code at} is a time every database can compare with (years 1 to 9999). */
    public static boolean storable(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    /** A request parameter that cannot be used; the message names it and says what it takes. */
    public static class BadParameter extends IllegalArgumentException {
        private final String parameter;

        public BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /**
     * The history parameters as the client sent them (impact and status may repeat or hold commas).
     * {@code from} and {@code to} stay as text for the form that shows them back.
     */
    public record Params(String from, String to, List<String> impact, List<String> status, String component, String q) {

        /** True when any filter was given. */
        public boolean any() {
            return given(from)
                    || given(to)
                    || !items(impact).isEmpty()
                    || !items(status).isEmpty()
                    || given(component)
                    || given(q);
        }
    }

    public HistoryFilter {
        impacts = impacts == null ? Set.of() : Set.copyOf(impacts);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        component = component == null || component.isBlank() ? null : component.strip();
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public static HistoryFilter vendor(String slug) {
        return new HistoryFilter(slug, null, null, Set.of(), Set.of(), null, null);
    }

    /** Only words, as the search box sends them. */
    public static HistoryFilter words(String q) {
        return parse(null, new Params(null, null, List.of(), List.of(), null, q), ZoneId.of("UTC"));
    }

    /**
     * The one parser of history parameters.
     *
     * @param zone the zone whose days a date means: the reader's on pages, UTC in the API
     * @throws BadParameter naming the first parameter that cannot be used
     */
    public static HistoryFilter parse(String vendorSlug, Params p, ZoneId zone) {
        Instant fromAt = time("from", p.from(), zone, false);
        Instant toAt = time("to", p.to(), zone, true);
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
            throw new BadParameter(
                    "to",
                    "'from' must be before 'to', but the 'to' date (" + p.to().strip() + ") is before the 'from' date ("
                            + p.from().strip() + ").");
        }
        String component = limited("component", p.component(), MAX_COMPONENT);
        String q = limited("q", p.q(), MAX_QUERY);
        if (q != null && SearchTerms.words(q).isEmpty()) {
            throw new BadParameter(
                    "q",
                    "'q' has no words to search for in '" + shortened(q) + "' (words need two or more"
                            + " letters or digits, and a few very common words such as 'the' are not indexed).");
        }
        return new HistoryFilter(
                vendorSlug,
                fromAt,
                toAt,
                impacts("impact", p.impact()),
                values("status", p.status(), IncidentStatus.class, IncidentStatus::code),
                component,
                q);
    }

    /**
     * Any of the impacts named: {@code notice|minor|major|critical|maintenance} (Statuspage's {@code none} is
     * {@code notice}), repeated or comma separated.
     */
    public static Set<Impact> impacts(String name, List<String> raw) {
        List<String> named = items(raw).stream()
                .map(i -> Impact.fromCode(i) == Impact.NONE ? Impact.NONE.code() : i)
                .toList();
        return values(name, named, Impact.class, Impact::code);
    }

    /** A least impact, {@code notice|minor|major|critical} (or {@code none}; maintenance is no rank), or null when not given. */
    public static Impact minimumImpact(String name, String raw) {
        if (!given(raw)) {
            return null;
        }
        Impact impact = Impact.fromCode(raw);
        if (impact == null || impact == Impact.MAINTENANCE) {
            throw new BadParameter(
                    name,
                    "'" + name + "' must be one of notice, minor, major or critical, not '" + shortened(raw.strip())
                            + "'.");
        }
        return impact;
    }

    /** A yes/no parameter: {@code true} or {@code false} (also {@code on} as HTML checkboxes send); absent is false. */
    public static boolean flag(String name, String raw) {
        if (!given(raw) || raw.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.strip().equalsIgnoreCase("true") || raw.strip().equalsIgnoreCase("on")) {
            return true;
        }
        throw new BadParameter(name, "'" + name + "' must be true or false, not '" + shortened(raw.strip()) + "'.");
    }

    /** Vendor slugs as sent (repeated or comma separated), in order, each once; whether they exist is the caller's check. */
    public static Set<String> slugs(List<String> raw) {
        // Slugs are lower-case; "vendor=GitHub" means the same vendor.
        return new LinkedHashSet<>(items(raw).stream()
                .map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .toList());
    }

    /** A date is a whole day in {@code zone}; at the end of a range ({@code endOfDay}) it includes all of that day. */
    private static Instant time(String name, String value, ZoneId zone, boolean endOfDay) {
        if (!given(value)) {
            return null;
        }
        String v = value.strip();
        Instant parsed = null;
        try {
            LocalDate day = LocalDate.parse(v);
            parsed = (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (DateTimeException notADate) {
            try {
                parsed = OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException notAnInstant) {
                // reported below
            }
        }
        if (parsed == null) {
            throw new BadParameter(
                    name,
                    "'" + name + "' must be a date like 2024-05-31 or an instant like 2024-05-31T10:00:00Z," + " not '"
                            + shortened(v) + "'.");
        }
        if (!storable(parsed)) {
            throw new BadParameter(
                    name, "'" + name + "' must be between the years 1 and 9999, not '" + shortened(v) + "'.");
        }
        return parsed;
    }

    private static <E extends Enum<E>> Set<E> values(
            String name, List<String> raw, Class<E> type, Function<E, String> code) {
        Set<E> result = EnumSet.noneOf(type);
        List<String> known = Arrays.stream(type.getEnumConstants()).map(code).toList();
        for (String item : items(raw)) {
            E match = Arrays.stream(type.getEnumConstants())
                    .filter(e -> code.apply(e).equalsIgnoreCase(item))
                    .findFirst()
                    .orElseThrow(() -> new BadParameter(
                            name,
                            "'" + name + "' must be one of " + String.join(", ", known) + ", not '" + shortened(item)
                                    + "'."));
            result.add(match);
        }
        return result;
    }

    private static String limited(String name, String value, int max) {
        if (!given(value)) {
            return null;
        }
        if (value.length() > max) {
            throw new BadParameter(
                    name, "'" + name + "' is " + value.length() + " characters long; the most is " + max + ".");
        }
        return value.strip();
    }

    /** Repeated values and comma-separated lists read alike; blanks are dropped. */
    private static List<String> items(List<String> raw) {
        return raw == null
                ? List.of()
                : raw.stream()
                        .filter(r -> r != null)
                        .flatMap(r -> Arrays.stream(r.split(",")))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toList());
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** Echoed values are cut short: a message must not carry a whole hostile parameter back. */
    private static String shortened(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
