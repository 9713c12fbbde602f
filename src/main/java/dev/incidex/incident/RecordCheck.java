package dev.incidex.incident;

import dev.incidex.model.DateWindow;
import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Repairs or refuses one observed record before the merge stores it, so that no value a vendor wrote
 * can break a column or a rule and take the rest of its document down with it: over-long ids are
 * shortened to a stable form, over-long titles cut, a missing title or an unknown status word stood in
 * for, links other than http(s) and implausible dates dropped, characters XML forbids removed. Each
 * repair is a warning shown on the source. A record with no id, or with no plausible date left of the
 * ones it had, is skipped.
 */
final class RecordCheck {

    // The columns' limits (V1__vendors_sources_incidents.sql).
    static final int MAX_KEY = 200;
    static final int MAX_TITLE = 1000;
    static final int MAX_VENDOR_STATUS = 64;
    static final int MAX_COMPONENT = 300;

    private static final int QUOTE = 60;

    /** The record to store (null: skip it) and what was repaired or why it was skipped. */
    record Checked(ObservedIncident incident, List<String> warnings) {

        boolean skipped() {
            return incident == null;
        }
    }

    private RecordCheck() {}

    static Checked check(ObservedIncident o, Instant now) {
        List<String> warnings = new ArrayList<>();
        String key =
                o.vendorKey() == null ? "" : VendorText.printable(o.vendorKey()).strip();
        if (key.isEmpty()) {
            if (!o.warnings().isEmpty()) {
                return new Checked(null, o.warnings());
            }
            String title = o.title() == null || o.title().isBlank() ? "" : " ('" + quote(o.title()) + "')";
            return new Checked(null, List.of("a record without an id" + title + " was skipped"));
        }
        String name = "incident '" + quote(key) + "'";
        o.warnings().forEach(w -> warnings.add(name + ": " + w));
        if (key.length() > MAX_KEY) {
            key = shortKey(key);
            warnings.add(name + ": its id is longer than " + MAX_KEY + " characters and was shortened");
        }

        boolean hadDates = false;
        boolean keptDate = false;
        Instant[] times = {o.startedAt(), o.resolvedAt(), o.scheduledFor(), o.scheduledUntil()};
        String[] timeNames = {"start", "resolution time", "scheduled start", "scheduled end"};
        for (int i = 0; i < times.length; i++) {
            if (times[i] == null) {
                continue;
            }
            hadDates = true;
            if (DateWindow.plausible(times[i], now)) {
                keptDate = true;
            } else {
                warnings.add(name + ": its " + timeNames[i] + " " + times[i] + " " + implausible(now) + "; ignored");
                times[i] = null;
            }
        }

        List<ObservedUpdate> updates = new ArrayList<>();
        List<ObservedUpdate> byTime = new ArrayList<>(o.updates());
        byTime.sort(Comparator.comparing(ObservedUpdate::at, Comparator.nullsLast(Comparator.naturalOrder())));
        IncidentStatus previous = o.status() != null && !o.status().isClosed() ? o.status() : null;
        for (ObservedUpdate u : byTime) {
            if (u.at() != null) {
                hadDates = true;
                if (!DateWindow.plausible(u.at(), now)) {
                    warnings.add(name + ": an update dated " + u.at() + " was skipped: the date " + implausible(now));
                    continue;
                }
                keptDate = true;
            }
            String updateName = name + ", update " + (u.at() == null ? "without a date" : "of " + u.at());
            IncidentStatus status = u.status();
            if (status == null) {
                status = previous != null
                        ? previous
                        : o.maintenance() ? IncidentStatus.SCHEDULED : IncidentStatus.INVESTIGATING;
                warnings.add(updateName + ": "
                        + (u.vendorStatus() == null || u.vendorStatus().isBlank()
                                ? "no status"
                                : "the status '" + quote(u.vendorStatus()) + "' is not one Incidex knows")
                        + "; shown as " + status.label());
            }
            previous = status;
            String updateKey = u.vendorKey() == null ? null : VendorText.printable(u.vendorKey());
            if (updateKey != null && updateKey.length() > MAX_KEY) {
                updateKey = shortKey(updateKey);
                warnings.add(updateName + ": its id is longer than " + MAX_KEY + " characters and was shortened");
            }
            VendorText text = u.text() == null
                    ? VendorText.EMPTY
                    : new VendorText(
                            VendorText.printable(u.text().html()),
                            VendorText.printable(u.text().plain()));
            updates.add(new ObservedUpdate(
                    updateKey,
                    status,
                    cut(u.vendorStatus(), MAX_VENDOR_STATUS),
                    stored(u.at()),
                    u.exactTime(),
                    text,
                    stored(u.createdAt())));
        }
        if (hadDates && !keptDate) {
            warnings.add(name + " was skipped: none of its dates is plausible");
            return new Checked(null, warnings);
        }

        String title = o.title() == null
                ? ""
                : VendorText.printable(o.title()).replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            String firstText = updates.stream()
                    .map(u -> u.text().plain())
                    .filter(t -> t != null && !t.isBlank())
                    .findFirst()
                    .orElse(null);
            title = firstText != null ? VendorText.headline(firstText) : "Untitled incident";
            warnings.add(name + ": it has no title; shown as '" + quote(title) + "'");
        }
        if (title.length() > MAX_TITLE) {
            title = cut(title, MAX_TITLE);
            warnings.add(name + ": its title is longer than " + MAX_TITLE + " characters and was cut");
        }

        String url = VendorText.link(o.url());
        if (o.url() != null && !o.url().isBlank() && url == null) {
            warnings.add(name + ": its link '" + quote(o.url())
                    + "' was dropped (only absolute http and https links are kept)");
        }

        Set<String> components = new LinkedHashSet<>();
        for (String c : o.components()) {
            String n = c == null ? "" : VendorText.printable(c).strip();
            if (n.length() > MAX_COMPONENT) {
                warnings.add(name + ": a component name longer than " + MAX_COMPONENT + " characters was cut");
                n = cut(n, MAX_COMPONENT);
            }
            if (!n.isEmpty()) {
                components.add(n);
            }
        }

        ObservedIncident repaired = new ObservedIncident(
                key,
                title,
                o.impact(),
                o.status(),
                cut(o.vendorStatus() == null ? null : VendorText.printable(o.vendorStatus()), MAX_VENDOR_STATUS),
                o.maintenance(),
                stored(times[0]),
                stored(times[1]),
                stored(times[2]),
                stored(times[3]),
                o.exactTimes(),
                url,
                List.copyOf(components),
                updates,
                o.posts(),
                List.of(),
                o.keyMayChurn());
        return new Checked(repaired, warnings);
    }

    /**
     * A time as the database keeps it, to the microsecond, so what the merge compares and counts
     * ({@link VendorHours}) is what it stored: a vendor's nanoseconds would be rounded away on the way in.
     */
    static Instant stored(Instant at) {
        return at == null ? null : at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * An id over the column's limit, made to fit and stay the same on every poll (so the record keeps
     * its incident): its start and a hash of the whole.
     */
    static String shortKey(String key) {
        String hash = sha256(key);
        return cut(key, MAX_KEY - hash.length() - 1, "") + "#" + hash;
    }

    /** At most {@code max} characters, ending with "…" when cut, never splitting a surrogate pair. */
    static String cut(String text, int max) {
        return cut(text, max, "…");
    }

    private static String cut(String text, int max, String ellipsis) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - ellipsis.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ellipsis;
    }

    /** A vendor value short enough to quote in a warning, without line breaks or forbidden characters. */
    static String quote(String value) {
        return cut(VendorText.printable(value).replaceAll("\\s+", " ").strip(), QUOTE);
    }

    private static String implausible(Instant now) {
        return "is outside the plausible " + DateWindow.EARLIEST.toString().substring(0, 4) + " to "
                + DateWindow.latest(now).toString().substring(0, 10);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
