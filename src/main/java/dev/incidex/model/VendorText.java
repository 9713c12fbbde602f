package dev.incidex.model;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Vendor-written text made safe to show: the HTML keeps only harmless formatting and links,
 * the plain form is for feeds, search and summaries. Vendor text is untrusted: it only ever
 * enters the model through here.
 */
public record VendorText(String html, String plain) {

    private static final Safelist SAFE = Safelist.basic()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    public static final VendorText EMPTY = new VendorText("", "");

    /** From HTML written by the vendor: scripts, handlers, styles and unknown tags are dropped. */
    public static VendorText ofHtml(String html) {
        if (html == null || html.isBlank()) {
            return EMPTY;
        }
        String safe = Jsoup.clean(printable(html), "", SAFE, COMPACT).trim();
        return new VendorText(safe, plainText(Jsoup.parseBodyFragment(safe).body()));
    }

    /** Tags and entities that mark a "plain" vendor body as HTML after all. */
    private static final Pattern MARKUP = Pattern.compile(
            "<(?:/?(?:br|p|a|strong|b|i|em|u|ul|ol|li|code|pre|h[1-6]|div|span|small|blockquote)\\b[^>]*|br\\s*/?)>"
                    + "|&(?:[a-zA-Z]{2,8}|#\\d{1,6}|#x[0-9a-fA-F]{1,6});",
            Pattern.CASE_INSENSITIVE);

    /**
     * From a body the format calls plain text but vendors fill with HTML anyway (Statuspage's
     * {@code body}: {@code <br />}, links, lists, {@code &amp;} in most of GitHub's longer updates):
     * markup is kept as sanitized HTML, line breaks stay line breaks, and the plain form loses the tags.
     */
    public static VendorText ofVendorBody(String text) {
        if (text == null || text.isBlank() || !MARKUP.matcher(text).find()) {
            return ofPlain(text);
        }
        return ofHtml(text.strip().replace("\r\n", "\n").replace("\n", "<br>"));
    }

    private static final Set<String> BLOCKS =
            Set.of("p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre");

    /** Text as a reader sees it: line breaks for {@code <br>} and between blocks, entities decoded, tags gone. */
    private static String plainText(Element body) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            out.append(t.getWholeText());
                        } else if (node instanceof Element e && e.normalName().equals("br")) {
                            out.append('\n');
                        } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            endLine();
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                            endLine();
                        }
                    }

                    private void endLine() {
                        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                            out.append('\n');
                        }
                    }
                },
                body);
        return out.toString()
                .replaceAll("[ \\t\\x0B\\f\\r]+", " ")
                .replaceAll(" ?\n ?", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }

    /** From plain text (Statuspage update bodies): escaped, with line breaks kept. */
    public static VendorText ofPlain(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String plain = printable(text).strip().replace("\r\n", "\n");
        String html = Entities.escape(plain).replace("\n", "<br>");
        return new VendorText(html, plain);
    }

    private static final int HEADLINE_LENGTH = 80;

    /**
     * A title for items that have none (posts, Mastodon feed items): the text's first words, cut at
     * a word boundary near 80 characters.
     */
    public static String headline(String plain) {
        String p = plain.replaceAll("\\s+", " ").trim();
        if (p.length() <= HEADLINE_LENGTH) {
            return p;
        }
        int cut = p.lastIndexOf(' ', HEADLINE_LENGTH - 1);
        return p.substring(0, cut > HEADLINE_LENGTH / 2 ? cut : HEADLINE_LENGTH - 1) + "…";
    }

    /** A whole first sentence is kept up to this long; a longer one is cut near {@link #HEADLINE_LENGTH}. */
    private static final int SENTENCE_LENGTH = 100;

    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?](?=\\s+\\S)|\\n");

    /** "We're investigating an issue where": the words every first post starts with, which say nothing. */
    private static final java.util.regex.Pattern LEAD_IN = java.util.regex.Pattern.compile(
            "^(?:we(?:'re|’re| are)\\s+(?:currently\\s+)?(?:investigating|looking into|aware of)"
                    + "(?:\\s+(?:an?|the)\\s+(?:potential\\s+)?(?:issue|problem|reports?))?"
                    + "(?:\\s+(?:where|in which|with|affecting|impacting|of|that))?\\s+)",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** A product's name: capitalised words, possibly joined by "for", "of", "and" or numbers ("Microsoft Defender for Office 365"). */
    private static final java.util.regex.Pattern SERVICE = java.util.regex.Pattern.compile(
            "\\b[A-Z][\\w.&-]*(?:\\s+(?:(?:for|of|and|&)\\s+)?(?:[A-Z][\\w.&-]*|\\d+))+");

    private static final java.util.Set<String> TRAILING_FILLER = java.util.Set.of(
            "a", "an", "the", "by", "of", "to", "for", "in", "on", "with", "that", "which", "where", "and", "or", "are",
            "is", "be", "being", "may", "some", "as", "at", "from");

    /**
     * A short title for an incident told by posts: the first post's first sentence without its "We're
     * investigating an issue where" lead-in, whole when it is short enough; otherwise the service it names
     * first ("Microsoft Defender for Office 365: some users may experience delays…") and the sentence cut
     * at a word boundary, so a title never ends mid-word nor runs on into a whole post.
     */
    public static String summary(String plain) {
        String p =
                plain == null ? "" : plain.replaceAll("[ \\t\\x0B\\f\\r]+", " ").strip();
        java.util.regex.Matcher end = SENTENCE_END.matcher(p);
        String sentence = (end.find() ? p.substring(0, end.start()) : p)
                .replaceAll("\\s+", " ")
                .strip();
        sentence = sentence.replaceAll("[.!?:;,]+$", "");
        String rest = LEAD_IN.matcher(sentence).replaceFirst("");
        if (rest.length() >= 12) {
            sentence = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
        }
        if (sentence.isEmpty()) {
            return headline(p);
        }
        if (sentence.length() <= SENTENCE_LENGTH) {
            return sentence;
        }
        java.util.regex.Matcher service = SERVICE.matcher(sentence);
        String named = null;
        while (service.find()) {
            if (service.start() > 0 && service.group().length() <= HEADLINE_LENGTH / 2) {
                named = service.group();
                break;
            }
        }
        if (named == null) {
            return cut(sentence, HEADLINE_LENGTH);
        }
        String body = sentence;
        int at = body.indexOf(named);
        String after = body.substring(at + named.length()).strip();
        if (after.isEmpty() || after.equalsIgnoreCase("service")) { // "… by the Microsoft Defender service"
            body = stripFiller(body.substring(0, at).strip());
        }
        if (body.length() > 1
                && !Character.isUpperCase(body.charAt(1))) { // "Some users" reads "some users"; "URL" stays
            body = Character.toLowerCase(body.charAt(0)) + body.substring(1);
        }
        return named + ": " + cut(body, HEADLINE_LENGTH - named.length() - 2);
    }

    /** The text cut at a word boundary to at most {@code max} characters, filler words dropped, with "…" when cut. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max - 1);
        String kept = stripFiller(text.substring(0, space > max / 3 ? space : max - 1));
        return kept + "…";
    }

    private static String stripFiller(String text) {
        String t = text.replaceAll("[\\s,;:.-]+$", "");
        while (true) {
            int space = t.lastIndexOf(' ');
            if (space < 0 || !TRAILING_FILLER.contains(t.substring(space + 1).toLowerCase(java.util.Locale.ROOT))) {
                return t;
            }
            t = t.substring(0, space).replaceAll("[\\s,;:.-]+$", "");
        }
    }

    /** Longest link kept (the database's column); a longer one is dropped, never cut into another address. */
    public static final int MAX_LINK = 2000;

    /**
     * A link a vendor gave (an incident's page, a site), or null when it is not an absolute {@code http}
     * or {@code https} URL: {@code javascript:}, {@code data:} and their obfuscated spellings never
     * reach a page, a feed or the API.
     */
    public static String link(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        if (u.isEmpty()
                || u.length() > MAX_LINK
                || !printable(u).equals(u)
                || u.chars().anyMatch(c -> c <= ' ')) {
            return null;
        }
        try {
            java.net.URI parsed = new java.net.URI(u);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(java.util.Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web
                            && parsed.getRawAuthority() != null
                            && !parsed.getRawAuthority().isEmpty()
                    ? u
                    : null;
        } catch (java.net.URISyntaxException unreadable) {
            return null;
        }
    }

    /**
     * The text without the characters XML 1.0 forbids (NUL and the other C0 controls but tab and line
     * breaks, U+FFFE, U+FFFF, lone surrogates): they break feeds, and PostgreSQL refuses NUL. The same
     * string when there are none.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && allowed(text, i)) {
            i += Character.isHighSurrogate(text.charAt(i)) ? 2 : 1;
        }
        if (i >= text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, i);
        while (i < text.length()) {
            boolean pair = Character.isHighSurrogate(text.charAt(i)) && allowed(text, i);
            if (allowed(text, i)) {
                out.append(text, i, pair ? i + 2 : i + 1);
            }
            i += pair ? 2 : 1;
        }
        return out.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false; // a pair's low half is consumed with its high half
        }
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }
}
