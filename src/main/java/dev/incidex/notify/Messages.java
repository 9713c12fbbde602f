package dev.incidex.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What each kind of target receives for a notice: a JSON document for a webhook, Slack's message
 * shape for Slack, a plain-text email. Vendor text goes in as text only, never as markup.
 */
final class Messages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The most update text a Slack message or email quotes. */
    static final int QUOTED_TEXT = 1000;

    private Messages() {}

    /** The generic webhook's body; its fields are documented in docs/notifications.md. */
    static String webhook(Notice n) {
        ObjectNode root = JSON.createObjectNode();
        root.put("delivery", n.key());
        root.put("transition", n.kind().code());
        root.put("occurredAt", time(n.occurredAt()));
        ObjectNode vendor = root.putObject("vendor");
        vendor.put("slug", n.vendorSlug());
        vendor.put("name", n.vendorName());
        ObjectNode incident = root.putObject("incident");
        incident.put("id", n.incidentId());
        incident.put("url", n.page());
        incident.put("vendorUrl", n.vendorUrl());
        incident.put("title", n.title());
        incident.put("status", n.status() == null ? null : n.status().code());
        incident.put(
                "previousStatus",
                n.previousStatus() == null ? null : n.previousStatus().code());
        incident.put("impact", n.impact() == null ? null : n.impact().code());
        incident.put("startedAt", time(n.startedAt()));
        incident.put("resolvedAt", time(n.resolvedAt()));
        root.put("update", n.updateText());
        return root.toString();
    }

    /**
     * A Slack incoming-webhook message: {@code text} (the notification's one line) and {@code blocks}.
     * Slack reads {@code &}, {@code <} and {@code >} in text as markup, so vendor text has them escaped
     * and cannot make a link or mention anyone.
     */
    static String slack(Notice n) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", slackEscape(n.headline()));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode head = blocks.addObject();
        head.put("type", "section");
        ObjectNode headText = head.putObject("text");
        headText.put("type", "mrkdwn");
        headText.put(
                "text",
                "*" + slackEscape(n.vendorName()) + "*: <" + slackEscape(n.page()) + "|" + slackEscape(n.title())
                        + ">\n" + slackEscape(capitalized(n.what()))
                        + (n.impact() == null ? "" : " · impact " + n.impact().code()));
        if (n.updateText() != null && !n.updateText().isBlank()) {
            ObjectNode update = blocks.addObject();
            update.put("type", "section");
            ObjectNode updateText = update.putObject("text");
            // plain_text: whatever the vendor wrote is shown as written, never as formatting.
            updateText.put("type", "plain_text");
            updateText.put("text", cut(n.updateText(), QUOTED_TEXT));
        }
        return root.toString();
    }

    static String emailSubject(Notice n) {
        return oneLine("[Incidex] " + n.headline(), 200);
    }

    static String emailText(Notice n) {
        StringBuilder b = new StringBuilder();
        b.append(n.vendorName()).append(": ").append(n.title()).append('\n');
        b.append(capitalized(n.what())).append('\n');
        if (n.impact() != null) {
            b.append("Impact: ").append(n.impact().code()).append('\n');
        }
        if (n.startedAt() != null) {
            b.append("Started: ").append(time(n.startedAt())).append('\n');
        }
        if (n.resolvedAt() != null) {
            b.append("Resolved: ").append(time(n.resolvedAt())).append('\n');
        }
        if (n.updateText() != null && !n.updateText().isBlank()) {
            b.append('\n').append(cut(n.updateText(), QUOTED_TEXT)).append('\n');
        }
        b.append('\n').append("On Incidex: ").append(n.page()).append('\n');
        if (n.vendorUrl() != null) {
            b.append("The vendor's page: ").append(n.vendorUrl()).append('\n');
        }
        b.append("\n-- \nYou get this because a watchlist on Incidex notifies this address;"
                        + " remove it there to stop.\nDelivery ")
                .append(n.key())
                .append('\n');
        return b.toString();
    }

    /** Slack's escaping for text: only these three characters are control characters. */
    static String slackEscape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** A header-safe line: no line breaks or control characters, bounded. */
    static String oneLine(String text, int max) {
        return cut(text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip(), max);
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
