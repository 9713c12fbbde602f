package dev.incidex.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of vendors by name and the absolute URL of the next page (null on the last), as incident lists have. */
public record VendorsJson(
        List<VendorJson> vendors,

        @Schema(
                description = "The next page, or null on the last page; also sent as a Link: rel=\"next\" header.",
                nullable = true)
        String next) {}
