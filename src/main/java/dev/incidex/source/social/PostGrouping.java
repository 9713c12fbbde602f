package dev.incidex.source.social;

import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.support.StatusWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups one account's posts into incidents, each post one update. Posts are taken oldest first:
 * <ol>
 *   <li>A post that cites an incident id (the source's {@code incident-id-pattern}) belongs to that
 *       id's incident, keyed by the id. With several ids, the first one counts; the others are only
 *       mentioned. Ids win over threads: a reply citing another id is another incident.
 *   <li>Otherwise a reply belongs to the incident of the post it answers.
 *   <li>Otherwise a post belongs to the newest still-open incident (its newest post not a resolution)
 *       whose newest post is at most {@code gap} older.
 *   <li>Otherwise it starts an incident of its own, keyed by its thread's root id, when its words
 *       state an incident ({@link StatusWords#stated}); a post with no incident words (marketing) starts
 *       none. When the source has an id pattern, an account that cites an id for every incident, a post
 *       without one only continues an incident (a stored one too, via its thread or the time rule) and
 *       never opens one.
 * </ol>
 * Each update's status comes from its words ({@link StatusWords#infer}); the incident's status is its
 * newest update's.
 */
final class PostGrouping {

    private PostGrouping() {}

    private static final class Group {
        final String key;
        final boolean byId;
        final List<Post> posts = new ArrayList<>();
        final Set<String> replyTo = new LinkedHashSet<>();
        boolean stated;

        Group(String key, boolean byId) {
            this.key = key;
            this.byId = byId;
        }

        Post newest() {
            return posts.get(posts.size() - 1);
        }

        boolean open() {
            return !StatusWords.infer(newest().text().plain()).isClosed();
        }
    }

    /**
     * The incidents these posts tell of.
     *
     * @param posts one document's posts, in any order
     * @param idPattern the vendor's incident ids, or null
     * @param gap the longest silence within one incident of posts without id or thread
     */
    static List<ObservedIncident> group(List<Post> posts, Pattern idPattern, Duration gap) {
        List<Post> sorted = new ArrayList<>(posts);
        sorted.sort(Comparator.comparing(Post::at).thenComparing(Post::id));
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<String, Group> byPost = new HashMap<>();
        for (Post post : sorted) {
            if (byPost.containsKey(post.id())) {
                continue;
            }
            Optional<String> id = firstId(post, idPattern);
            Group group;
            if (id.isPresent()) {
                group = groups.computeIfAbsent("id:" + id.get(), k -> new Group(id.get(), true));
            } else if (post.inReplyTo() != null && byPost.containsKey(post.inReplyTo())) {
                group = byPost.get(post.inReplyTo());
            } else {
                group = recentOpen(groups.values(), post, gap);
                if (group == null) {
                    boolean stated = StatusWords.stated(post.text().plain()).isPresent();
                    if (!stated && post.inReplyTo() == null) {
                        continue; // not about an incident and continues nothing
                    }
                    String root = post.inReplyTo() != null ? post.inReplyTo() : post.id();
                    group = groups.computeIfAbsent("thread:" + root, k -> new Group(root, false));
                }
            }
            if (post.inReplyTo() != null && !byPost.containsKey(post.inReplyTo())) {
                group.replyTo.add(post.inReplyTo());
            }
            group.stated |= StatusWords.stated(post.text().plain()).isPresent();
            group.posts.add(post);
            byPost.put(post.id(), group);
        }
        List<ObservedIncident> incidents = new ArrayList<>();
        for (Group g : groups.values()) {
            incidents.add(incident(g, idPattern != null, gap));
        }
        return incidents;
    }

    /** The ids the pattern finds in the text, in order of appearance. */
    static List<String> ids(String text, Pattern idPattern) {
        List<String> ids = new ArrayList<>();
        if (idPattern != null && text != null) {
            Matcher m = idPattern.matcher(text);
            while (m.find()) {
                if (!ids.contains(m.group())) {
                    ids.add(m.group());
                }
            }
        }
        return ids;
    }

    private static Optional<String> firstId(Post post, Pattern idPattern) {
        return ids(post.text().plain(), idPattern).stream().findFirst();
    }

    private static Group recentOpen(Iterable<Group> groups, Post post, Duration gap) {
        Group best = null;
        for (Group g : groups) {
            Post newest = g.newest();
            boolean close = !newest.at().isAfter(post.at())
                    && Duration.between(newest.at(), post.at()).compareTo(gap) <= 0;
            if (close
                    && g.open()
                    && (best == null || newest.at().isAfter(best.newest().at()))) {
                best = g;
            }
        }
        return best;
    }

    private static ObservedIncident incident(Group g, boolean sourceCitesIds, Duration gap) {
        List<ObservedUpdate> updates = new ArrayList<>();
        for (Post p : g.posts) {
            updates.add(new ObservedUpdate(p.id(), StatusWords.infer(p.text().plain()), null, p.at(), true, p.text()));
        }
        Post first = g.posts.get(0);
        ObservedUpdate newest = updates.get(updates.size() - 1);
        ObservedIncident.Posts joining = g.byId
                ? new ObservedIncident.Posts(List.of(), null, true)
                : new ObservedIncident.Posts(List.copyOf(g.replyTo), gap, g.stated && !sourceCitesIds);
        return new ObservedIncident(
                g.key,
                VendorText.summary(first.text().plain()),
                null,
                null,
                null,
                false,
                first.at(),
                newest.status().isClosed() ? newest.at() : null,
                null,
                null,
                true,
                first.url(),
                List.of(),
                updates,
                joining);
    }
}
