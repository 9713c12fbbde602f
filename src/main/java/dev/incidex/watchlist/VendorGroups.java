package dev.incidex.watchlist;

import dev.incidex.catalog.Vendor;
import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The watchlist form's vendors grouped by first letter, for a list of 300 names that a reader scans
 * or jumps through (A–Z index) without script, and filters as they type with it.
 */
@TemplateExtension
public final class VendorGroups {

    private VendorGroups() {}

    /** One vendor of the form: what the filter matches is its name and slug in lower case. */
    public record Choice(String slug, String name, String key) {}

    /** The vendors under one letter ("#" for names that start with a digit or a sign). */
    public record Group(String letter, String anchor, List<Choice> vendors) {}

    /** Vendors (already by name) grouped by their first letter, in order. */
    static List<Group> byLetter(List<Vendor> vendors) {
        Map<String, List<Choice>> groups = new LinkedHashMap<>();
        for (Vendor v : vendors) {
            char first = v.name.isEmpty() ? '#' : Character.toUpperCase(v.name.charAt(0));
            String letter = first >= 'A' && first <= 'Z' ? String.valueOf(first) : "#";
            groups.computeIfAbsent(letter, k -> new ArrayList<>())
                    .add(new Choice(v.slug, v.name, (v.name + " " + v.slug).toLowerCase(Locale.ROOT)));
        }
        List<Group> result = new ArrayList<>();
        // "#" first, as directories list names starting with digits before A.
        List<Choice> signs = groups.remove("#");
        if (signs != null) {
            result.add(new Group("#", "other", signs));
        }
        groups.forEach((letter, list) -> result.add(new Group(letter, letter.toLowerCase(Locale.ROOT), list)));
        return result;
    }
}
