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
 * The {@code mastodon} kind: an account's public statuses through the Mastodon REST API, url = the
 * profile URL ({@code https://mastodon.social/@SomeStatus}). The first poll looks the account up
 * ({@code /api/v1/accounts/lookup}) and keeps its id in the cursor; later polls read
 * {@code /api/v1/accounts/:id/statuses?min_id=<newest seen>}, so each fetches only what is new.
 * {@code min_id} (not {@code since_id}) returns the posts right after the last seen one, so a burst
 * of more than 40 posts is read over several polls instead of losing its oldest.
 */
@ApplicationScoped
public class MastodonAdapter extends PostsAdapter {

    private static final int LIMIT = 40;

    @Override
    public String kind() {
        return "mastodon";
    }

    @Override
    public List<URI> documents(SourceSettings source) {
        URI profile = source.url();
        String user = user(profile);
        // An instance served under a path prefix keeps it: https://host/prefix/@user → https://host/prefix/api/…
        String base = profile.getScheme() + "://" + profile.getRawAuthority()
                + profile.getRawPath().replaceAll("/@[^/]+/?$", "");
        PostCursor cursor = PostCursor.parse(source.cursor());
        if (cursor.accountId() == null) {
            return List.of(URI.create(
                    base + "/api/v1/accounts/lookup?acct=" + URLEncoder.encode(user, StandardCharsets.UTF_8)));
        }
        String statuses = base + "/api/v1/accounts/" + URLEncoder.encode(cursor.accountId(), StandardCharsets.UTF_8)
                + "/statuses?exclude_reblogs=true&limit=" + LIMIT;
        return List.of(URI.create(cursor.newestId() == null ? statuses : statuses + "&min_id=" + cursor.newestId()));
    }

    private static String user(URI profile) {
        String path = profile.getPath() == null ? "" : profile.getPath();
        if (profile.getScheme() == null
                || profile.getRawAuthority() == null
                || !path.matches("(?:/[^/@]+)*/@[A-Za-z0-9_.@-]+/?")) {
            throw new SourceConfigurationException("a mastodon source's url must be the account's profile URL, "
                    + "e.g. https://mastodon.social/@SomeStatus (got " + profile + ")");
        }
        return path.replaceAll("^.*/@|/$", "");
    }

    @Override
    protected List<Post> posts(FetchedDocument document) throws UnreadableDocumentException {
        if (isLookup(document)) {
            accountId(document);
            return List.of();
        }
        JsonNode statuses = parse(document);
        if (!statuses.isArray()) {
            throw new UnreadableDocumentException(
                    "not a Mastodon status list: " + statuses.path("error").asText("no JSON array"));
        }
        List<Post> posts = new ArrayList<>();
        for (JsonNode s : statuses) {
            if (!s.path("reblog").isNull() && !s.path("reblog").isMissingNode()) {
                continue; // someone else's post, boosted
            }
            String id = s.path("id").asText(null);
            Instant at = VendorDates.posted(s.path("created_at").asText(null));
            if (id == null || at == null) {
                throw new UnreadableDocumentException("a Mastodon status without id or created_at");
            }
            String replyTo = s.path("in_reply_to_id").isTextual()
                    ? s.path("in_reply_to_id").asText()
                    : null;
            posts.add(new Post(
                    id,
                    replyTo,
                    at,
                    VendorText.ofHtml(s.path("content").asText("")),
                    s.path("url").asText(null)));
        }
        return posts;
    }

    @Override
    public String cursorAfter(FetchedDocument document, String cursor) {
        PostCursor current = PostCursor.parse(cursor);
        try {
            if (isLookup(document)) {
                String account = accountId(document);
                return new PostCursor(account, account.equals(current.accountId()) ? current.newestId() : null)
                        .format();
            }
            return new PostCursor(current.accountId(), newer(current.newestId(), newestId(posts(document)))).format();
        } catch (UnreadableDocumentException e) {
            return cursor;
        }
    }

    private static boolean isLookup(FetchedDocument document) {
        return document.url().getPath().endsWith("/api/v1/accounts/lookup");
    }

    private String accountId(FetchedDocument document) throws UnreadableDocumentException {
        String id = parse(document).path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new UnreadableDocumentException("the Mastodon account lookup returned no account id");
        }
        return id;
    }

    private JsonNode parse(FetchedDocument document) throws UnreadableDocumentException {
        try {
            return JsonDocuments.tree(document.text());
        } catch (IOException e) {
            throw new UnreadableDocumentException("not JSON from the Mastodon API: " + e.getMessage(), e);
        }
    }
}
