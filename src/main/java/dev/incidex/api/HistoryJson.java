package dev.incidex.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of incidents, newest first, and the absolute URL of the next page (null on the last). */
public record HistoryJson(
        List<IncidentJson> incidents,

        @Schema(
                description =
                        "The next page with the same filters, or null on the last page; also sent as a Link: rel=\"next\" header.",
                nullable = true)
        String next) {}
