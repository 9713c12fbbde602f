package dev.incidex.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The piece of an incident's text that a search matched, for a result list: a window of the first text holding a
 * searched word, with every word that matches marked. Words match as the search does ({@link SearchTerms}): folded,
 * the last searched word as a prefix.
 */
public final class SearchSnippet {

    /** About two lines of a result list. */
    static final int LENGTH = 180;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+");

    /** A run of the snippet's text, marked when it is a matched word. */
    public record Part(String text, boolean marked) {}

    private SearchSnippet() {}

    /** The snippet of the first text (title, then updates in order) holding a searched word; empty when none does. */
    public static List<Part> of(String query, List<String> texts) {
        List<String> words = SearchTerms.words(query);
        if (words.isEmpty()) {
            return List.of();
        }
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String flat = text.strip().replaceAll("\\s+", " ");
            List<int[]> hits = new ArrayList<>();
            Matcher m = WORD.matcher(flat);
            while (m.find()) {
                if (matches(m.group(), words)) {
                    hits.add(new int[] {m.start(), m.end()});
                }
            }
            if (!hits.isEmpty()) {
                return window(flat, hits);
            }
        }
        return List.of();
    }

    private static boolean matches(String token, List<String> words) {
        List<String> folded = SearchTerms.words(token);
        if (folded.isEmpty()) {
            return false;
        }
        String word = folded.get(0);
        for (int n = 0; n < words.size(); n++) {
            boolean last = n == words.size() - 1;
            if (last ? word.startsWith(words.get(n)) : word.equals(words.get(n))) {
                return true;
            }
        }
        return false;
    }

    private static List<Part> window(String text, List<int[]> hits) {
        int start = Math.max(0, hits.get(0)[0] - LENGTH / 3);
        if (start > 0) {
            int space = text.indexOf(' ', start);
            start = space < 0 || space >= hits.get(0)[0] ? start : space + 1;
        }
        int end = Math.min(text.length(), start + LENGTH);
        if (end < text.length()) {
            int space = text.lastIndexOf(' ', end);
            end = space > hits.get(0)[1] ? space : end;
        }
        List<Part> parts = new ArrayList<>();
        int at = start;
        String lead = start > 0 ? "…" : "";
        for (int[] hit : hits) {
            if (hit[0] < start || hit[1] > end) {
                continue;
            }
            if (hit[0] > at || !lead.isEmpty()) {
                parts.add(new Part(lead + text.substring(at, hit[0]), false));
                lead = "";
            }
            parts.add(new Part(text.substring(hit[0], hit[1]), true));
            at = hit[1];
        }
        parts.add(new Part(text.substring(at, end) + (end < text.length() ? "…" : ""), false));
        return parts;
    }
}
