package dev.incidex.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The time zone a reader chose (the {@code tz} cookie), UTC when they chose none or the cookie is not a zone.
 * {@link #current()} is the one way the zone reaches code and templates: every template, tags included, reads it as
 * {@code reader:zone}, and no page passes it as a parameter.
 */
public final class ReaderZone {

    public static final String COOKIE = "tz";
    public static final ZoneId UTC = ZoneId.of("UTC");

    /** The zones the footer offers; the settings page offers every zone Java knows. */
    static final List<String> COMMON = List.of(
            "UTC",
            "America/Los_Angeles",
            "America/Denver",
            "America/Chicago",
            "America/New_York",
            "America/Sao_Paulo",
            "Europe/London",
            "Europe/Paris",
            "Europe/Berlin",
            "Europe/Helsinki",
            "Europe/Moscow",
            "Africa/Johannesburg",
            "Asia/Dubai",
            "Asia/Kolkata",
            "Asia/Singapore",
            "Asia/Shanghai",
            "Asia/Tokyo",
            "Australia/Sydney",
            "Pacific/Auckland");

    private ReaderZone() {}

    /** The zone of the request being answered; UTC outside a request. */
    @TemplateExtension(namespace = "reader", matchName = "zone")
    public static ZoneId current() {
        var request = Arc.container().instance(CurrentVertxRequest.class);
        RoutingContext current = request.isAvailable() ? request.get().getCurrent() : null;
        Cookie cookie = current == null ? null : current.request().getCookie(COOKIE);
        return fromCookie(cookie == null ? null : cookie.getValue());
    }

    /** The zone named by a cookie; a stale or forged cookie reads as UTC rather than failing the page. */
    public static ZoneId fromCookie(String value) {
        return parse(value).orElse(UTC);
    }

    /** An IANA zone id Java knows ("Europe/Berlin", "UTC"); empty for anything else, offsets included. */
    public static Optional<ZoneId> parse(String value) {
        if (value == null
                || value.isBlank()
                || value.length() > 64
                || !(value.equals("UTC") || ZoneId.getAvailableZoneIds().contains(value))) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(value));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The footer's choices: the common zones, and the reader's own if it is not among them. */
    static List<String> choices(ZoneId current) {
        if (COMMON.contains(current.getId())) {
            return COMMON;
        }
        return java.util.stream.Stream.concat(COMMON.stream(), java.util.stream.Stream.of(current.getId()))
                .toList();
    }

    static Set<String> all() {
        Set<String> all = new TreeSet<>(ZoneId.getAvailableZoneIds());
        all.add("UTC");
        return all;
    }
}
