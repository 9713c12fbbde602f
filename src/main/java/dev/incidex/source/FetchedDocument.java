package dev.incidex.source;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.Locale;

/**
 * One document as the fetch stage received it: the bytes, the content type the server declared,
 * when it arrived (the reference time for formats whose dates lack a year or a zone), and the
 * settings of the source it was fetched for.
 */
public record FetchedDocument(URI url, String contentType, byte[] body, Instant receivedAt, SourceSettings source) {

    /** A document fetched for a source with no settings beyond its URL. */
    public FetchedDocument(URI url, String contentType, byte[] body, Instant receivedAt) {
        this(url, contentType, body, receivedAt, SourceSettings.of(url));
    }

    public InputStream stream() {
        return new ByteArrayInputStream(body);
    }

    /**
     * The body as text: a byte-order mark wins (AWS serves UTF-16 with a BOM), then the declared
     * charset, then UTF-8.
     */
    public String text() {
        if (body.length >= 2 && (body[0] & 0xff) == 0xfe && (body[1] & 0xff) == 0xff) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (body.length >= 2 && (body[0] & 0xff) == 0xff && (body[1] & 0xff) == 0xfe) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        return new String(body, declaredCharset());
    }

    private Charset declaredCharset() {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String p = part.trim().toLowerCase(Locale.ROOT);
                if (p.startsWith("charset=")) {
                    try {
                        return Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
