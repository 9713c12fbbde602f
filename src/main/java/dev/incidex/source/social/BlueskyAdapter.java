package dev.incidex.source.social;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceConfigurationException;
import dev.incidex.source.SourceSettings;
import dev.incidex.source.UnreadableDocumentException;
import dev.incidex.source.support.JsonDocuments;
import dev.incidex.source.support.VendorDates;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bluesky} kind: an account's posts through the public {@code app.bsky.feed.getAuthorFeed}
 * (no auth), url = the profile URL ({@code https://bsky.app/profile/<handle>}). The feed pages
 * newest first and its {@code cursor} leads to older pages, so "only what is new" is kept the other
 * way: the cursor is the newest post time seen, and older posts in later answers are skipped.
 * Reposts (a {@code reason}) are someone else's posts and are skipped. The filter is
 * {@code posts_and_author_threads}: a vendor threads its updates as replies to itself, which
 * {@code posts_no_replies} would drop.
 */
@ApplicationScoped
public class BlueskyAdapter extends PostsAdapter {

    @Override
    public String kind() {
        return "bluesky";
    }

    @Override
    public List<URI> documents(SourceSettings source) {
        String path = source.url().getPath() == null ? "" : source.url().getPath();
        if (!path.matches("/profile/[A-Za-z0-9:._-]+/?")) {
            throw new SourceConfigurationException("a bluesky source's url must be the profile URL, "
                    + "e.g. https://bsky.app/profile/status.example.com (got " + source.url() + ")");
        }
        String actor = path.replaceAll("^/profile/|/$", "");
        return List.of(URI.create(config.bluesky().apiBase().replaceAll("/+$", "")
                + "/xrpc/app.bsky.feed.getAuthorFeed?actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8)
                + "&filter=posts_and_author_threads&limit=50"));
    }

    @Override
    protected List<Post> posts(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root;
        try {
            root = JsonDocuments.tree(document.text());
        } catch (IOException e) {
            throw new UnreadableDocumentException("not JSON from Bluesky: " + e.getMessage(), e);
        }
        if (!root.path("feed").isArray()) {
            throw new UnreadableDocumentException(
                    "not a Bluesky author feed: " + root.path("message").asText("no feed"));
        }
        Instant seen = seen(document.source().cursor());
        List<Post> posts = new ArrayList<>();
        for (JsonNode item : root.path("feed")) {
            if (item.hasNonNull("reason")) {
                continue;
            }
            JsonNode post = item.path("post");
            String uri = post.path("uri").asText(null);
            Instant at =
                    VendorDates.posted(post.path("record").path("createdAt").asText(null));
            if (uri == null || at == null) {
                throw new UnreadableDocumentException("a Bluesky post without uri or createdAt");
            }
            if (seen != null && !at.isAfter(seen)) {
                continue;
            }
            String parent =
                    post.path("record").path("reply").path("parent").path("uri").asText(null);
            String handle = post.path("author").path("handle").asText("");
            String rkey = uri.substring(uri.lastIndexOf('/') + 1);
            posts.add(new Post(
                    uri,
                    parent,
                    at,
                    VendorText.ofPlain(post.path("record").path("text").asText("")),
                    handle.isEmpty() ? null : "https://bsky.app/profile/" + handle + "/post/" + rkey));
        }
        return posts;
    }

    @Override
    public String cursorAfter(FetchedDocument document, String cursor) {
        try {
            Instant newest = seen(cursor);
            for (Post p : posts(document)) {
                newest = newest == null || p.at().isAfter(newest) ? p.at() : newest;
            }
            return newest == null ? cursor : newest.toString();
        } catch (UnreadableDocumentException e) {
            return cursor;
        }
    }

    private static Instant seen(String cursor) {
        return VendorDates.posted(cursor);
    }
}
