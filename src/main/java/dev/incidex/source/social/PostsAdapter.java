package dev.incidex.source.social;

import dev.incidex.IncidexConfig;
import dev.incidex.model.ObservedIncident;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.SourceAdapter;
import dev.incidex.source.UnreadableDocumentException;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.util.List;

/**
 * What the social adapters share: a document's posts become incidents by {@link PostGrouping}'s
 * rules with the source's incident-id pattern and the configured gap.
 */
public abstract class PostsAdapter implements SourceAdapter {

    @Inject
    IncidexConfig config;

    /** The posts one fetched document holds; empty for a document that holds none (an account lookup). */
    protected abstract List<Post> posts(FetchedDocument document) throws UnreadableDocumentException;

    @Override
    public List<ObservedIncident> read(FetchedDocument document) throws UnreadableDocumentException {
        List<Post> posts = posts(document);
        return PostGrouping.group(posts, document.source().incidentIdPattern(), gap());
    }

    java.time.Duration gap() {
        return config == null ? java.time.Duration.ofHours(3) : config.posts().gap();
    }

    /** The larger of two snowflake ids (numbers too long for a long on some networks); null-safe. */
    static String newer(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        if (b == null || b.isBlank()) {
            return a;
        }
        try {
            return new BigInteger(a).compareTo(new BigInteger(b)) >= 0 ? a : b;
        } catch (NumberFormatException notNumeric) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    /** The newest post id among these, or null. */
    static String newestId(List<Post> posts) {
        String newest = null;
        for (Post p : posts) {
            newest = newer(newest, p.id());
        }
        return newest;
    }
}
