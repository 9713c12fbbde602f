package dev.incidex.model;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

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
        return new VendorText(safe, Jsoup.parseBodyFragment(safe).body().wholeText().strip().replaceAll("[ \\t\\x0B\\f\\r]+", " "));
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
