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
        String safe = Jsoup.clean(html, "", SAFE, COMPACT).trim();
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

    private static final Set<String> BLOCKS = Set.of("p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre");

    /** Text as a reader sees it: line breaks for {@code <br>} and between blocks, entities decoded, tags gone. */
    private static String plainText(Element body) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
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
        }, body);
        return out.toString().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" ?\n ?", "\n")
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    /** From plain text (Statuspage update bodies): escaped, with line breaks kept. */
    public static VendorText ofPlain(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String plain = text.strip().replace("\r\n", "\n");
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
}
