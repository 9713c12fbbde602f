package dev.incidex.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;

/**
 * The reader's zone for the layout's footer, available to every template without each page
 * passing it (pages that format times still take their zone as a parameter).
 */
@TemplateGlobal
public class ReaderZoneGlobal {

    static ZoneId readerZone() {
        var request = Arc.container().instance(CurrentVertxRequest.class);
        RoutingContext current = request.isAvailable() ? request.get().getCurrent() : null;
        Cookie cookie = current == null ? null : current.request().getCookie(ReaderZone.COOKIE);
        return ReaderZone.fromCookie(cookie == null ? null : cookie.getValue());
    }
}
