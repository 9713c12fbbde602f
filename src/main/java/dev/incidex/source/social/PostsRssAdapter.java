package dev.incidex.source.social;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.FeedEntries;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code posts-rss} kind: an RSS (or Atom) feed of one account's posts, from Nitter, Mastodon's
 * {@code /@user.rss} or another RSS bridge, grouped into incidents like the APIs' posts. Tweets are
 * keyed by their tweet id and linked as {@code https://x.com/<user>/status/<id>}, so the same tweet
 * from two bridges is one post; Nitter's {@code RT by @x: }, {@code R to @x: } and {@code Pinned: }
 * title prefixes are dropped.
 */
@ApplicationScoped
public class PostsRssAdapter extends PostsAdapter {

    /** Nitter and X links: {@code https://<instance>/<user>/status/<id>#m}. */
    private static final Pattern STATUS_LINK =
            Pattern.compile("^https?://[^/]+/([A-Za-z0-9_]{1,15})/status(?:es)?/(\\d+)");
    /** Mastodon links: {@code https://<instance>/@<user>/<id>}. */
    private static final Pattern MASTODON_LINK = Pattern.compile("^https?://[^/]+/@[^/]+/(\\d+)");

    private static final Pattern PREFIX = Pattern.compile("^(?:RT by @\\w+: |R to @\\w+: |Pinned: )+");

    @Override
    public String kind() {
        return "posts-rss";
    }

    @Override
    protected List<Post> posts(FetchedDocument document) throws UnreadableDocumentException {
        SyndFeed feed = FeedEntries.parse(document);
        List<Post> posts = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            Instant at = entry.getPublishedDate() != null
                    ? VendorDates.of(entry.getPublishedDate())
                    : VendorDates.of(entry.getUpdatedDate());
            String link = entry.getLink() == null ? null : entry.getLink().trim();
            String guid = entry.getUri() == null ? null : entry.getUri().trim();
            String id = postId(guid, link);
            if (at == null || id == null) {
                continue; // a post with no date or no identity cannot be placed on a timeline
            }
            posts.add(new Post(id, null, at, text(entry), canonicalLink(link != null ? link : guid)));
        }
        return posts;
    }

    /** The post's id on its network: the tweet or status number when the guid or link carries one. */
    static String postId(String guid, String link) {
        if (guid != null && guid.matches("\\d+")) {
            return guid; // Nitter's isPermaLink="false" guid for newer tweets
        }
        for (String candidate : new String[] {guid, link}) {
            if (candidate == null) {
                continue;
            }
            Matcher status = STATUS_LINK.matcher(candidate);
            if (status.find()) {
                return status.group(2);
            }
            Matcher toot = MASTODON_LINK.matcher(candidate);
            if (toot.find()) {
                return toot.group(1);
            }
        }
        return guid != null && !guid.isBlank() ? guid : link;
    }

    /** Nitter links point at one of many instances; the tweet's own address is x.com's. */
    static String canonicalLink(String link) {
        if (link == null) {
            return null;
        }
        Matcher status = STATUS_LINK.matcher(link);
        return status.find() ? "https://x.com/" + status.group(1) + "/status/" + status.group(2) : link;
    }

    private static VendorText text(SyndEntry entry) {
        String html = FeedEntries.body(entry);
        if (html != null && !html.isBlank()) {
            return VendorText.ofHtml(PREFIX.matcher(html.strip()).replaceFirst(""));
        }
        String title = entry.getTitle() == null ? "" : entry.getTitle().strip();
        return VendorText.ofPlain(PREFIX.matcher(title).replaceFirst(""));
    }
}
