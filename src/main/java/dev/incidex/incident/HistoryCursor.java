package dev.incidex.incident;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a history page ends: the (sort time, id) of its last incident. The next page starts
 * strictly after it, so pages never skip or repeat rows even while new incidents arrive (keyset
 * paging, not offsets). Opaque to clients: base64url of "epochSecond.nanos.id".
 */
public record HistoryCursor(Instant sortAt, long id) {

    public static HistoryCursor after(Incident last) {
        return new HistoryCursor(last.sortAt, last.id);
    }

    public String encode() {
        String raw = sortAt.getEpochSecond() + "." + sortAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this class wrote */
    public static HistoryCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = raw.split("\\.");
            if (parts.length != 3) {
                throw new IllegalArgumentException("malformed cursor");
            }
            HistoryCursor cursor = new HistoryCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    Long.parseLong(parts[2]));
            if (!HistoryFilter.storable(cursor.sortAt())) {
                throw new IllegalArgumentException("cursor outside the years 1 to 9999"); // forged: no page ends there
            }
            return cursor;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "cursor " + dev.incidex.UserInput.quote(text) + " is not one this server issued", e);
        }
    }
}
