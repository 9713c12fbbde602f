package dev.incidex.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.incidex.incident.Incident;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * History as CSV (RFC 4180, with a header row), quoted by Jackson. Text cells that a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return) get a leading apostrophe.
 */
final class IncidentCsv {

    /** One row; the column order is the header's. */
    @JsonPropertyOrder({
        "id",
        "vendor",
        "title",
        "impact",
        "status",
        "startedAt",
        "resolvedAt",
        "durationSeconds",
        "detectedAt",
        "sourceUrl",
        "pageUrl"
    })
    record Row(
            long id,
            String vendor,
            String title,
            String impact,
            String status,
            String startedAt,
            String resolvedAt,
            Long durationSeconds,
            String detectedAt,
            String sourceUrl,
            String pageUrl) {}

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA =
            MAPPER.schemaFor(Row.class).withHeader().withLineSeparator("\r\n");

    private IncidentCsv() {}

    static String write(List<Incident> incidents, URI base) {
        List<Row> rows = incidents.stream()
                .map(i -> IncidentJson.of(i, base, false))
                .map(j -> new Row(
                        j.id(),
                        safe(j.vendor()),
                        safe(j.title()),
                        j.impact(),
                        j.status(),
                        text(j.startedAt()),
                        text(j.resolvedAt()),
                        j.durationSeconds(),
                        text(j.detectedAt()),
                        safe(j.sourceUrl()),
                        safe(j.pageUrl())))
                .toList();
        try {
            return MAPPER.writer(SCHEMA).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
