package dev.incidex.source.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.UnreadableDocumentException;
import java.net.URI;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Shared plumbing of the JSON adapters: parsing a body that may be an HTML error page, and null-safe field reads. */
public final class JsonDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonDocuments() {}

    /**
     * Text as a JSON tree, through the one mapper the adapters share (a mapper is thread-safe once
     * configured); for adapters whose error messages say more than {@link #parse} would.
     */
    public static JsonNode tree(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }

    /** The body as JSON; an HTML page or broken JSON is unreadable, described after {@code expected}. */
    public static JsonNode parse(FetchedDocument document, String expected) throws UnreadableDocumentException {
        String type =
                document.contentType() == null ? "" : document.contentType().toLowerCase(Locale.ROOT);
        String text = document.text();
        if (type.contains("html") || text.stripLeading().startsWith("<")) {
            throw new UnreadableDocumentException(
                    expected + ", got " + (type.contains("html") ? type.split(";")[0].trim() : "an HTML body"));
        }
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new UnreadableDocumentException(expected + ", got an empty body");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new UnreadableDocumentException(expected + ", got unparsable JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A field as text (numbers too: vendors send ids as either); null when missing, null or blank. */
    public static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.path(field);
        if (v == null || v.isMissingNode() || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s.trim();
    }

    /** The elements of an array field; a missing or null array (vendors omit empty ones) is empty. */
    public static List<JsonNode> array(JsonNode n, String field) throws UnreadableDocumentException {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw new UnreadableDocumentException("expected \"" + field + "\" to be an array, got " + v.getNodeType());
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    /** Reads one record of a vendor's document (an incident, a notice, a maintenance). */
    @FunctionalInterface
    public interface RecordReader {
        ObservedIncident read(JsonNode record) throws UnreadableDocumentException;
    }

    /**
     * Each record through {@code reader}. A record with a date no rule reads is skipped, named by its
     * {@code idField}, and the document's other records are kept: one bad record never costs the rest.
     */
    public static List<ObservedIncident> records(Iterable<JsonNode> records, String idField, RecordReader reader)
            throws UnreadableDocumentException {
        List<ObservedIncident> result = new ArrayList<>();
        for (JsonNode record : records) {
            try {
                result.add(reader.read(record));
            } catch (DateTimeParseException e) {
                result.add(ObservedIncident.skipped(
                        "incident " + quoted(text(record, idField)) + " was skipped: " + e.getMessage()));
            }
        }
        return result;
    }

    /** The records of a document whose root is a bare array, as {@link #records} reads them. */
    public static List<ObservedIncident> arrayRecords(
            FetchedDocument document, String expected, String idField, RecordReader reader)
            throws UnreadableDocumentException {
        JsonNode root = parse(document, expected);
        if (!root.isArray()) {
            throw new UnreadableDocumentException(expected + ", got " + describe(root));
        }
        return records(root, idField, reader);
    }

    /** A vendor's id for a message, bounded: it may be anything. */
    public static String quoted(String id) {
        return id == null ? "without an id" : "'" + (id.length() > 60 ? id.substring(0, 59) + "…" : id) + "'";
    }

    /** Describes a JSON root for an error message. */
    public static String describe(JsonNode root) {
        if (!root.isObject()) {
            return "a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT);
        }
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        return "an object with keys " + keys;
    }

    /** {@code base} + {@code path}, without doubling the slash a catalog URL may end with. */
    public static URI under(URI base, String path) {
        String b = base.toString();
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == '/') {
            end--;
        }
        return URI.create(b.substring(0, end) + path);
    }
}
