package dev.incidex.source.social;

import com.fasterxml.jackson.databind.JsonNode;
import dev.incidex.fetch.Authorization;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code x} kind: an account's posts through the X API v2, url = the profile URL
 * ({@code https://x.com/MSFT365Status}). The API base and the bearer token come from configuration
 * ({@code incidex.x.*}), never from the catalog. The first poll resolves the user id
 * ({@code /2/users/by/username/…}) into the cursor; later polls read
 * {@code /2/users/:id/tweets?since_id=<newest seen>}.
 */
@ApplicationScoped
public class XAdapter extends PostsAdapter {

    @Override
    public String kind() {
        return "x";
    }

    @Override
    public List<URI> documents(SourceSettings source) {
        String user = user(source.url());
        String base = config.x().apiBase().replaceAll("/+$", "");
        PostCursor cursor = PostCursor.parse(source.cursor());
        if (cursor.accountId() == null) {
            return List.of(URI.create(base + "/2/users/by/username/" + user));
        }
        String tweets = base + "/2/users/" + cursor.accountId() + "/tweets?max_results=100&exclude=retweets"
                + "&tweet.fields=created_at,conversation_id,referenced_tweets";
        return List.of(URI.create(cursor.newestId() == null ? tweets : tweets + "&since_id=" + cursor.newestId()));
    }

    @Override
    public Authorization authorization(SourceSettings source) {
        String token = config.x()
                .bearerToken()
                .filter(t -> !t.isBlank())
                .orElseThrow(() -> new SourceConfigurationException("set incidex.x.bearer-token to read X timelines"));
        return new Authorization.Bearer(token);
    }

    static String user(URI profile) {
        String path = profile.getPath() == null ? "" : profile.getPath();
        if (profile.getHost() == null || !path.matches("/@?[A-Za-z0-9_]{1,15}/?")) {
            throw new SourceConfigurationException(
                    "an x source's url must be the profile URL, e.g. https://x.com/MSFT365Status (got " + profile
                            + ")");
        }
        return path.replaceAll("^/@?|/$", "");
    }

    @Override
    protected List<Post> posts(FetchedDocument document) throws UnreadableDocumentException {
        JsonNode root = parse(document);
        if (isLookup(document)) {
            userId(root);
            return List.of();
        }
        if (!root.has("data") && !root.has("meta")) {
            throw new UnreadableDocumentException("not an X timeline: "
                    + root.path("errors")
                            .path(0)
                            .path("message")
                            .asText(root.path("title").asText("no data")));
        }
        String user = user(document.source().url());
        List<Post> posts = new ArrayList<>();
        for (JsonNode t : root.path("data")) {
            String id = t.path("id").asText(null);
            Instant at = VendorDates.posted(t.path("created_at").asText(null));
            if (id == null || at == null) {
                throw new UnreadableDocumentException(
                        "a tweet without id or created_at (ask for tweet.fields=created_at)");
            }
            String replyTo = null;
            for (JsonNode ref : t.path("referenced_tweets")) {
                if ("replied_to".equals(ref.path("type").asText())) {
                    replyTo = ref.path("id").asText(null);
                }
            }
            String conversation = t.path("conversation_id").asText(null);
            if (replyTo == null && conversation != null && !conversation.equals(id)) {
                replyTo = conversation;
            }
            posts.add(new Post(
                    id,
                    replyTo,
                    at,
                    VendorText.ofPlain(t.path("text").asText("")),
                    "https://x.com/" + user + "/status/" + id));
        }
        return posts;
    }

    @Override
    public String cursorAfter(FetchedDocument document, String cursor) {
        PostCursor current = PostCursor.parse(cursor);
        try {
            JsonNode root = parse(document);
            if (isLookup(document)) {
                String id = userId(root);
                return new PostCursor(id, id.equals(current.accountId()) ? current.newestId() : null).format();
            }
            String newest = root.path("meta").path("newest_id").asText(null);
            return new PostCursor(
                            current.accountId(), newer(current.newestId(), newer(newest, newestId(posts(document)))))
                    .format();
        } catch (UnreadableDocumentException e) {
            return cursor;
        }
    }

    private static boolean isLookup(FetchedDocument document) {
        return document.url().getPath().contains("/2/users/by/username/");
    }

    private static String userId(JsonNode root) throws UnreadableDocumentException {
        String id = root.path("data").path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new UnreadableDocumentException("the X user lookup returned no user id");
        }
        return id;
    }

    private JsonNode parse(FetchedDocument document) throws UnreadableDocumentException {
        try {
            return JsonDocuments.tree(document.text());
        } catch (IOException e) {
            throw new UnreadableDocumentException("not JSON from the X API: " + e.getMessage(), e);
        }
    }
}
