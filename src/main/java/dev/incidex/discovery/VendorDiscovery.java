package dev.incidex.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.incidex.UserInput;
import dev.incidex.fetch.AddressPolicy;
import dev.incidex.fetch.FetchOutcome;
import dev.incidex.fetch.FetchOutcome.Failed;
import dev.incidex.fetch.FetchOutcome.Fetched;
import dev.incidex.fetch.FetchOutcome.Problem;
import dev.incidex.fetch.Fetcher;
import dev.incidex.fetch.Validators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Finds out what a URL a user gave is: a Statuspage, incident.io, Instatus or Cachet page (by their
 * documented endpoints), a feed, a page that links a feed, or a social profile, and which sources
 * to poll for it. Recognises shapes only; reading incidents is the adapters' job.
 */
@ApplicationScoped
public class VendorDiscovery {

    /** What was found: the vendor's name, the platform, and the sources to create. */
    public record Found(String name, String platform, List<FoundSource> sources, String pageTimeZone) {}

    /** One source to create. */
    public record FoundSource(String kind, String url) {}

    private static final Pattern MASTODON = Pattern.compile("^/@([A-Za-z0-9_]{1,30})/?$");
    private static final Pattern BLUESKY = Pattern.compile("^/profile/([A-Za-z0-9.:_-]{1,253})/?$");
    private static final Pattern X_HANDLE = Pattern.compile("^/([A-Za-z0-9_]{1,15})/?$");
    // Sites that use /@name paths but are not Mastodon.
    private static final Set<String> NOT_MASTODON = Set.of(
            "medium.com",
            "www.medium.com",
            "youtube.com",
            "www.youtube.com",
            "tiktok.com",
            "www.tiktok.com",
            "threads.net",
            "www.threads.net");
    private static final Set<String> X_HOSTS =
            Set.of("x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com");
    private static final Set<String> X_RESERVED =
            Set.of("home", "explore", "search", "i", "settings", "login", "intent", "share");
    private static final Set<String> INSTATUS_STATES = Set.of("UP", "HASISSUES", "UNDERMAINTENANCE");

    /** The application's mapper (Quarkus's bean), not one of our own. */
    @Inject
    ObjectMapper json;

    @Inject
    Fetcher fetcher;

    @Inject
    AddressPolicy policy;

    /** Parses what a user typed: an absolute http(s) URL, or a bare host (then https). */
    public static URI parse(String input) {
        if (input == null || input.isBlank()) {
            throw new DiscoveryException(400, "give the URL of a status page, a feed or a social profile");
        }
        String text = input.strip();
        if (!text.contains("://")) {
            text = "https://" + text;
        }
        try {
            URI uri = new URI(text);
            if (uri.getRawAuthority() == null) {
                throw new DiscoveryException(400, UserInput.quote(input.strip()) + " is not a URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new DiscoveryException(400, UserInput.quote(input.strip()) + " is not a URL: " + e.getReason());
        }
    }

    /** How long detection may take when no budget is given. */
    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);

    public Found discover(String input) {
        return discover(input, DEFAULT_BUDGET);
    }

    /**
     * What the URL is, found within {@code budget} all told: each request gets only what is left of
     * it, so a host that answers one byte a second costs the budget, not a request's worth per probe.
     *
     * @throws DiscoveryException 400 for a bad or refused URL, 422 when nothing was recognised, 504 when
     *     the budget ran out first
     */
    public Found discover(String input, Duration budget) {
        URI url = check(input);
        long deadline = System.nanoTime() + budget.toNanos();
        Optional<Found> social = social(url);
        if (social.isPresent()) {
            return social.get();
        }
        String base = base(url);
        List<String> tried = new ArrayList<>();

        tried.add(base + "/api/v2/summary.json");
        JsonNode summary = fetchJson(base + "/api/v2/summary.json", deadline);
        if (summary != null
                && summary.path("page").hasNonNull("id")
                && summary.path("status").hasNonNull("indicator")) {
            String name = text(summary.path("page"), "name");
            String zone = text(summary.path("page"), "time_zone");
            tried.add(base + "/api/v1/summary");
            JsonNode widget = fetchJson(base + "/api/v1/summary", deadline);
            // incident.io serves a Statuspage-compatible API too; its own widget API tells them apart.
            if (widget != null && widget.isObject() && (widget.has("ongoing_incidents") || widget.has("page_title"))) {
                return found(name, url, "incidentio", List.of(new FoundSource("incidentio", base)), zone);
            }
            return found(name, url, "statuspage", List.of(new FoundSource("statuspage", base)), zone);
        }

        tried.add(base + "/summary.json");
        JsonNode instatus = fetchJson(base + "/summary.json", deadline);
        if (instatus != null && INSTATUS_STATES.contains(text(instatus.path("page"), "status"))) {
            return found(
                    text(instatus.path("page"), "name"),
                    url,
                    "instatus",
                    List.of(new FoundSource("instatus", base)),
                    null);
        }

        tried.add(base + "/api/v1/ping");
        Fetched ping = fetch(base + "/api/v1/ping", deadline);
        boolean cachet = ping != null && new String(ping.body(), StandardCharsets.UTF_8).contains("Pong!");
        if (!cachet) {
            tried.add(base + "/api/v1/incidents");
            JsonNode incidents = fetchJson(base + "/api/v1/incidents", deadline);
            cachet = incidents != null
                    && incidents.path("meta").has("pagination")
                    && incidents.path("data").isArray();
        }
        if (cachet) {
            Fetched home = fetch(base, deadline);
            String name = home == null ? null : htmlTitle(home);
            return found(name, url, "cachet", List.of(new FoundSource("cachet", base)), null);
        }

        String asGiven = withoutFragment(url);
        tried.add(asGiven);
        Fetched page = fetch(asGiven, deadline);
        if (page != null) {
            String body = new String(page.body(), StandardCharsets.UTF_8);
            String kind = feedKind(page.contentType(), body);
            if (kind != null) {
                Document feed = Jsoup.parse(body, asGiven, Parser.xmlParser());
                Element title = feed.selectFirst("channel > title, feed > title");
                return found(
                        title == null ? null : title.text(), url, kind, List.of(new FoundSource(kind, asGiven)), null);
            }
            Document html = Jsoup.parse(body, asGiven);
            for (Element link : html.select("link[rel~=(?i)alternate][href]")) {
                String type = link.attr("type").toLowerCase(Locale.ROOT).trim();
                String feedKind = type.startsWith("application/rss+xml")
                        ? "rss"
                        : type.startsWith("application/atom+xml") ? "atom" : null;
                String href = link.absUrl("href");
                URI feedUrl = feedKind == null || href.isBlank() ? null : uriOrNull(href);
                if (feedUrl != null) {
                    policy.refusal(feedUrl).ifPresent(message -> {
                        throw new DiscoveryException(400, "the page links a feed at " + href + ": " + message);
                    });
                    return found(html.title(), url, feedKind, List.of(new FoundSource(feedKind, href)), null);
                }
            }
        }
        List<String> paths = tried.stream()
                .map(t -> t.startsWith(base) && t.length() > base.length()
                        ? t.substring(base.length())
                        : "the URL itself")
                .toList();
        throw new DiscoveryException(
                422,
                "no status page found at " + UserInput.quote(url.toString()) + ": tried " + String.join(", ", paths)
                        + " (Statuspage, incident.io, Instatus and Cachet APIs, a feed, or a page linking a feed)");
    }

    /** The URL the input names, when it is one that may be fetched; checked before anything is sent. */
    public URI check(String input) {
        URI url = parse(input);
        policy.refusal(url).ifPresent(message -> {
            throw new DiscoveryException(400, message);
        });
        if (url.getHost() == null) {
            throw new DiscoveryException(400, UserInput.quote(input.strip()) + " has no usable host name");
        }
        if (url.getHost().length() > 253) {
            throw new DiscoveryException(
                    400, "the host name is " + url.getHost().length() + " characters long; DNS names have at most 253");
        }
        return url;
    }

    private Optional<Found> social(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getPath() == null ? "" : url.getPath();
        Matcher m;
        if (X_HOSTS.contains(host)
                && (m = X_HANDLE.matcher(path)).matches()
                && !X_RESERVED.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            return Optional.of(
                    new Found(m.group(1), "x", List.of(new FoundSource("x", "https://x.com/" + m.group(1))), null));
        }
        if (host.equals("bsky.app") && (m = BLUESKY.matcher(path)).matches()) {
            return Optional.of(new Found(
                    m.group(1),
                    "bluesky",
                    List.of(new FoundSource("bluesky", "https://bsky.app/profile/" + m.group(1))),
                    null));
        }
        if (!NOT_MASTODON.contains(host) && (m = MASTODON.matcher(path)).matches()) {
            return Optional.of(new Found(
                    m.group(1),
                    "mastodon",
                    List.of(new FoundSource(
                            "mastodon", url.getScheme() + "://" + url.getRawAuthority() + "/@" + m.group(1))),
                    null));
        }
        return Optional.empty();
    }

    private static Found found(String name, URI url, String platform, List<FoundSource> sources, String zone) {
        String clean = name == null
                ? ""
                : name.replaceAll("(?i)\\s*[-–|·]\\s*incident history\\s*$", "")
                        .replaceAll("(?i)\\s+status(\\s+page)?\\s*$", "")
                        .strip();
        return new Found(clean.isEmpty() ? url.getHost() : clean, platform, sources, zone);
    }

    /** The URL without query, fragment or trailing slashes: where a platform's API paths hang. */
    static String base(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority() + path;
    }

    private static String withoutFragment(URI url) {
        String s = url.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? s : s.substring(0, hash);
    }

    /** "rss" or "atom" when the body is a feed, by its root element (content types lie too often). */
    static String feedKind(String contentType, String body) {
        String head = body.stripLeading();
        if (!head.startsWith("<")) {
            return null;
        }
        Document doc = Jsoup.parse(head.length() > 4096 ? head.substring(0, 4096) : head, "", Parser.xmlParser());
        for (Element e : doc.children()) {
            String tag = e.tagName().toLowerCase(Locale.ROOT);
            if (tag.equals("rss") || tag.equals("rdf:rdf")) {
                return "rss";
            }
            if (tag.equals("feed")) {
                return "atom";
            }
            if (tag.equals("html")) {
                return null;
            }
        }
        return null;
    }

    private static URI uriOrNull(String href) {
        try {
            return new URI(href);
        } catch (URISyntaxException unreadable) {
            return null; // a link no client could follow: look for another
        }
    }

    private static String htmlTitle(Fetched page) {
        return Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8)).title();
    }

    private JsonNode fetchJson(String url, long deadline) {
        Fetched f = fetch(url, deadline);
        if (f == null) {
            return null;
        }
        try {
            JsonNode node = json.readTree(f.body());
            return node == null || !node.isObject() ? null : node;
        } catch (java.io.IOException notJson) {
            return null;
        }
    }

    /** The document, or null when it could not be had; an address the policy refuses ends discovery. */
    private Fetched fetch(String url, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new DiscoveryException(
                    504,
                    "detection took longer than its budget: " + UserInput.quote(url)
                            + " and the addresses before it did not answer in time");
        }
        FetchOutcome outcome = fetcher.fetchGuarded(URI.create(url), Validators.NONE, policy, Duration.ofNanos(left))
                .toCompletableFuture()
                .join();
        if (outcome instanceof Failed f && f.problem() == Problem.REFUSED_ADDRESS) {
            throw new DiscoveryException(400, f.message());
        }
        return outcome instanceof Fetched f ? f : null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? null : v.asText();
    }
}
