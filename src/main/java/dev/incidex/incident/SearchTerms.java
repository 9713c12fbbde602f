package dev.incidex.incident;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns text into the words the search index stores and a query looks up: lower case, accents
 * folded (Unicode NFKD without combining marks), split on anything but letters and digits, without
 * one-character words and a few stop words. Index and query share it, so "Café" finds "cafe".
 */
public final class SearchTerms {

    /** Longer words are cut here on both sides, so they still match themselves. */
    public static final int MAX_TERM_LENGTH = 64;

    /** An incident with endless text keeps its first words; enough to find it, bounded in rows. */
    public static final int MAX_TERMS_PER_INCIDENT = 400;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Set<String> STOP_WORDS = Set.of(
            "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "of", "on",
            "or", "that", "the", "this", "to", "was", "we", "were", "will", "with");

    private SearchTerms() {}

    /** The distinct searchable words of these texts, in order of first appearance, at most {@link #MAX_TERMS_PER_INCIDENT}. */
    public static Set<String> of(List<String> texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            for (String word : words(text)) {
                if (terms.size() >= MAX_TERMS_PER_INCIDENT) {
                    return terms;
                }
                terms.add(word);
            }
        }
        return terms;
    }

    /** The searchable words of one text, in order, repeats kept. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : split(text)) {
            if (!ignored(w)) {
                words.add(w.length() > MAX_TERM_LENGTH ? cut(w) : w);
            }
        }
        return words;
    }

    /** The words of a query that search leaves out (common words, single letters), for the page to say so. */
    public static List<String> ignoredWords(String text) {
        return split(text).stream().filter(SearchTerms::ignored).distinct().toList();
    }

    private static boolean ignored(String word) {
        return word.codePointCount(0, word.length()) < 2 || STOP_WORDS.contains(word);
    }

    private static List<String> split(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(SEPARATORS.split(folded))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /**
     * The smallest string greater than every string that starts with {@code prefix}, for a range
     * {@code term >= prefix and term < upper} that any btree index serves (a LIKE would need a
     * special operator class on PostgreSQL).
     */
    public static String prefixUpperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    private static String cut(String w) {
        int end = MAX_TERM_LENGTH;
        if (Character.isHighSurrogate(w.charAt(end - 1))) {
            end--;
        }
        return w.substring(0, end);
    }
}
