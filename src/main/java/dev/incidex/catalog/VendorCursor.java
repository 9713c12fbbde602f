package dev.incidex.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Where a page of vendors ends: the (lower-case name, slug) of its last vendor. Vendors are listed by
 * name and the next page starts strictly after it (keyset paging, as for incidents), so a vendor added
 * meanwhile never shifts a page. Opaque to clients: base64url of "name\nslug".
 */
public record VendorCursor(String name, String slug) {

    public static VendorCursor after(Vendor last) {
        return new VendorCursor(last.name.toLowerCase(Locale.ROOT), last.slug);
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((name + "\n" + slug).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this class wrote */
    public static VendorCursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int cut = raw.lastIndexOf('\n');
            if (cut < 0 || cut == raw.length() - 1) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new VendorCursor(raw.substring(0, cut), raw.substring(cut + 1));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "cursor " + dev.incidex.UserInput.quote(text) + " is not one this server issued", e);
        }
    }
}
