package dev.incidex;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The GET pages and API lists as last rendered ({@link KeptRenders}), shared by the web pages and the API under one
 * byte budget. A page with a thousand vendors or a long history cost several milliseconds to render per request; its
 * stamp ({@code incident.PageStamps}) is a few aggregates.
 */
@ApplicationScoped
public class KeptPages {

    /** Enough for the front page, the vendor list and a few thousand vendor and incident pages (20–60 KB each). */
    static final long BUDGET = 64L << 20;

    public static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    ReadReplica replica;

    private final KeptRenders kept = new KeptRenders(() -> BUDGET, () -> replica.readFrom());

    /**
     * The key of a page a reader sees: what it is ({@code parts}: its path and the parameters it reads), the
     * reader's zone (its times and dates), and the minute (its relative times: "ongoing for 12 minutes", today).
     */
    public static String key(ZoneId zone, Instant now, Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            key.append(part).append('\u0001');
        }
        return key.append(zone.getId())
                .append('\u0001')
                .append(now.truncatedTo(ChronoUnit.MINUTES))
                .toString();
    }

    /** An HTML page: the one kept under {@code key} while {@code stamp} is the same, else {@code render}'s. */
    public Response html(Request request, String key, Object stamp, Supplier<String> render) {
        return answer(
                request,
                HTML,
                key,
                stamp,
                () -> KeptRenders.Rendered.of(render.get().getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    /** Any answer: the one kept under {@code key} while {@code stamp} is the same, else {@code render}'s. */
    public Response answer(
            Request request, MediaType type, String key, Object stamp, Supplier<KeptRenders.Rendered> render) {
        return KeptRenders.answer(request, type, kept.get(key, stamp, render));
    }

    /** How many answers were rendered rather than reused: tests count them. */
    public long renders() {
        return kept.renders();
    }
}
