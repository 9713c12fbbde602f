package dev.incidex.source.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.model.VendorText;
import dev.incidex.source.FetchedDocument;
import dev.incidex.source.Fixtures;
import dev.incidex.source.SourceConfigurationException;
import dev.incidex.source.SourceSettings;
import dev.incidex.source.UnreadableDocumentException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Posts of a vendor's account becoming incident timelines: the grouping rules and each network's format. */
class SocialPostsTest {

    static final Pattern MICROSOFT_IDS = Pattern.compile("\\b[A-Z]{2}\\d{6,7}\\b");
    static final Pattern DEFENDER_IDS = Pattern.compile("\\bDZ\\d{6,7}\\b");
    static final Duration GAP = Duration.ofHours(3);

    private static SourceSettings settings(String url, Pattern ids, String cursor) {
        return new SourceSettings(URI.create(url), null, ids, cursor, "msft365-posts");
    }

    private static FetchedDocument doc(String fixture, String url, String type, SourceSettings settings) {
        FetchedDocument f = Fixtures.file(fixture, url, type);
        return new FetchedDocument(f.url(), f.contentType(), f.body(), f.receivedAt(), settings);
    }

    private static Post post(String id, String replyTo, String at, String text) {
        return new Post(id, replyTo, Instant.parse(at), VendorText.ofPlain(text), null);
    }

    // ---- grouping ------------------------------------------------------------------------

    @Test
    void mastodonStatusesOfDZ534539BecomeOneIncidentOfThreeUpdatesAndTheOtherIdItsOwn() throws Exception {
        MastodonAdapter mastodon = new MastodonAdapter();
        List<ObservedIncident> incidents = mastodon.read(doc(
                "mastodon-msft365status-statuses.json",
                "https://mastodon.example/api/v1/accounts/109311422038214201/statuses",
                "application/json",
                settings("https://mastodon.example/@MSFT365Status", MICROSOFT_IDS, "109311422038214201:")));

        assertThat(incidents).extracting(ObservedIncident::vendorKey).containsExactly("EX533921", "DZ534539");
        ObservedIncident dz = incidents.get(1);
        assertThat(dz.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.IDENTIFIED, IncidentStatus.RESOLVED);
        assertThat(dz.updates())
                .extracting(ObservedUpdate::vendorKey)
                .containsExactly("110106709327881804", "110106951614484731", "110108059303987240");
        assertThat(dz.updates().get(0).text().plain()).startsWith("We're investigating an issue where some users");
        assertThat(dz.startedAt()).isEqualTo(Instant.parse("2023-03-29T13:04:12Z"));
        assertThat(dz.resolvedAt()).isEqualTo(Instant.parse("2023-03-29T18:47:31Z"));
        // A short title naming the service, never the first post cut mid-word.
        assertThat(dz.title())
                .isEqualTo("Microsoft Defender for Office 365: some users may experience delays receiving…");
        assertThat(dz.posts().mayOpen()).isTrue();
    }

    @Test
    void withAPatternForOneIdFamilyAPostCitingAnotherIdOpensNothing() throws Exception {
        List<ObservedIncident> incidents = new MastodonAdapter()
                .read(doc(
                        "mastodon-msft365status-statuses.json",
                        "https://mastodon.example/api/v1/accounts/109311422038214201/statuses",
                        "application/json",
                        settings("https://mastodon.example/@MSFT365Status", DEFENDER_IDS, "109311422038214201:")));

        ObservedIncident other = incidents.stream()
                .filter(i -> !i.vendorKey().equals("DZ534539"))
                .findFirst()
                .orElseThrow();
        assertThat(other.posts().mayOpen())
                .as("the EX533921 post may only continue an incident")
                .isFalse();
        assertThat(incidents.stream().filter(i -> i.posts().mayOpen()))
                .extracting(ObservedIncident::vendorKey)
                .containsExactly("DZ534539");
    }

    @Test
    void twoIdsInOnePostJoinTheFirstIdsIncident() {
        List<ObservedIncident> incidents = PostGrouping.group(
                List.of(
                        post(
                                "1",
                                null,
                                "2023-06-05T14:00:00Z",
                                "We're investigating an issue with accessing Outlook on the web. Further details can be found under EX571516 in the admin center."),
                        post(
                                "2",
                                "1",
                                "2023-06-05T15:00:00Z",
                                "We've identified downstream impact for Microsoft Teams. We're providing full impact details via MO571683. Updates pertaining to Exchange will continue to be provided via EX571516.")),
                MICROSOFT_IDS,
                GAP);
        assertThat(incidents).extracting(ObservedIncident::vendorKey).containsExactly("EX571516", "MO571683");
        assertThat(incidents.get(0).updates()).hasSize(1);
        assertThat(incidents.get(1).updates())
                .extracting(ObservedUpdate::vendorKey)
                .containsExactly("2");
        assertThat(PostGrouping.ids("see MO571683 and EX571516, again MO571683", MICROSOFT_IDS))
                .containsExactly("MO571683", "EX571516");
    }

    @Test
    void aReplyCitingAnotherIdDoesNotJoinTheOpenIncident() {
        List<ObservedIncident> incidents = PostGrouping.group(
                List.of(
                        post("1", null, "2023-03-29T13:00:00Z", "We're investigating delays, see DZ534539."),
                        post("2", "1", "2023-03-29T13:30:00Z", "We're investigating calendar errors under EX533921.")),
                MICROSOFT_IDS,
                GAP);
        assertThat(incidents).extracting(ObservedIncident::vendorKey).containsExactly("DZ534539", "EX533921");
    }

    @Test
    void withoutIdsRepliesFormOneThreadAndItsKeyIsTheRootPost() {
        List<ObservedIncident> incidents = PostGrouping.group(
                List.of(
                        post("10", null, "2023-03-29T09:00:00Z", "We are investigating login failures."),
                        post("11", "10", "2023-03-29T15:00:00Z", "Still on it."),
                        post("12", "11", "2023-03-29T19:00:00Z", "All fixed now, logins work again.")),
                null,
                GAP);
        assertThat(incidents).hasSize(1);
        ObservedIncident thread = incidents.get(0);
        assertThat(thread.vendorKey()).isEqualTo("10");
        assertThat(thread.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.INVESTIGATING, IncidentStatus.RESOLVED);
        assertThat(thread.posts().mayOpen()).isTrue();
        assertThat(thread.posts().replyTo()).isEmpty();
    }

    @Test
    void withoutIdsOrThreadPostsCloseInTimeJoinTheOpenIncidentAndLaterOnesStartAnother() {
        List<ObservedIncident> incidents = PostGrouping.group(
                List.of(
                        post("1", null, "2023-03-29T09:00:00Z", "Some customers see errors when paying."),
                        post("2", null, "2023-03-29T10:30:00Z", "We have identified the cause."),
                        post("3", null, "2023-03-29T11:00:00Z", "Payments are working again; this is resolved."),
                        post("4", null, "2023-03-29T12:00:00Z", "We're investigating slow page loads."),
                        post("5", null, "2023-03-29T18:00:00Z", "We're investigating failed e-mails.")),
                null,
                GAP);
        assertThat(incidents).extracting(ObservedIncident::vendorKey).containsExactly("1", "4", "5");
        assertThat(incidents.get(0).updates()).hasSize(3);
        assertThat(incidents.get(0).resolvedAt()).isEqualTo(Instant.parse("2023-03-29T11:00:00Z"));
        assertThat(incidents.get(1).updates())
                .as("a resolved incident takes no more posts by time")
                .hasSize(1);
    }

    @Test
    void aPostWithoutIncidentWordsOpensNothing() {
        assertThat(PostGrouping.group(
                        List.of(
                                post(
                                        "1",
                                        null,
                                        "2023-03-29T09:00:00Z",
                                        "Join our webinar on Thursday: what's new in 5.0!"),
                                post("2", null, "2023-03-29T09:05:00Z", "Our team is hiring engineers in Berlin.")),
                        null,
                        GAP))
                .isEmpty();
    }

    @Test
    void aReplyToAPostNotInThisDocumentContinuesTheStoredIncident() {
        List<ObservedIncident> incidents = PostGrouping.group(
                List.of(post("20", "12", "2023-03-29T20:00:00Z", "Update: root cause was an expired certificate.")),
                DEFENDER_IDS,
                GAP);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).posts().replyTo()).containsExactly("12");
        assertThat(incidents.get(0).posts().mayOpen()).isFalse();
        assertThat(incidents.get(0).posts().joinOpenWithin()).isEqualTo(GAP);
    }

    // ---- formats and cursors -------------------------------------------------------------

    @Test
    void mastodonLooksTheAccountUpFirstThenReadsOnlyNewStatuses() throws Exception {
        MastodonAdapter mastodon = new MastodonAdapter();
        SourceSettings fresh = settings("https://mastodon.example/@MSFT365Status", MICROSOFT_IDS, null);
        assertThat(mastodon.documents(fresh))
                .containsExactly(URI.create("https://mastodon.example/api/v1/accounts/lookup?acct=MSFT365Status"));

        FetchedDocument lookup = new FetchedDocument(
                URI.create("https://mastodon.example/api/v1/accounts/lookup?acct=MSFT365Status"),
                "application/json",
                "{\"id\":\"109311422038214201\",\"username\":\"MSFT365Status\"}".getBytes(),
                Fixtures.POLLED,
                fresh);
        assertThat(mastodon.read(lookup)).isEmpty();
        String cursor = mastodon.cursorAfter(lookup, null);
        assertThat(cursor).isEqualTo("109311422038214201:");
        assertThat(mastodon.documents(fresh.withCursor(cursor)))
                .containsExactly(
                        URI.create(
                                "https://mastodon.example/api/v1/accounts/109311422038214201/statuses?exclude_reblogs=true&limit=40"));

        FetchedDocument statuses = doc(
                "mastodon-msft365status-statuses.json",
                "https://mastodon.example/api/v1/accounts/109311422038214201/statuses",
                "application/json",
                fresh.withCursor(cursor));
        cursor = mastodon.cursorAfter(statuses, cursor);
        assertThat(cursor).isEqualTo("109311422038214201:110108059303987240");
        assertThat(mastodon.documents(fresh.withCursor(cursor)))
                .containsExactly(
                        URI.create(
                                "https://mastodon.example/api/v1/accounts/109311422038214201/statuses?exclude_reblogs=true&limit=40&min_id=110108059303987240"));
        assertThat(mastodon.cursorAfter(lookup, cursor))
                .as("a repeated lookup keeps the position")
                .isEqualTo(cursor);
    }

    @Test
    void mastodonRejectsAUrlThatIsNoProfileAndABodyThatIsNoStatusList() {
        assertThatThrownBy(
                        () -> new MastodonAdapter().documents(settings("https://mastodon.example/about", null, null)))
                .isInstanceOf(SourceConfigurationException.class)
                .hasMessageContaining("profile URL");
        FetchedDocument error = new FetchedDocument(
                URI.create("https://mastodon.example/api/v1/accounts/1/statuses"),
                "application/json",
                "{\"error\":\"This API requires an authenticated user\"}".getBytes(),
                Fixtures.POLLED,
                settings("https://mastodon.example/@a", null, "1:"));
        assertThatThrownBy(() -> new MastodonAdapter().read(error))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("requires an authenticated user");
    }

    @Test
    void nitterTweetsAreKeyedByTweetIdAndLinkedOnXCom() throws Exception {
        List<ObservedIncident> incidents = new PostsRssAdapter()
                .read(doc(
                        "nitter-msft365status.rss",
                        "https://nitter.example/MSFT365Status/rss",
                        "application/rss+xml",
                        settings("https://nitter.example/MSFT365Status/rss", DEFENDER_IDS, null)));
        ObservedIncident dz = incidents.stream()
                .filter(i -> i.vendorKey().equals("DZ534539"))
                .findFirst()
                .orElseThrow();
        assertThat(dz.updates())
                .extracting(ObservedUpdate::vendorKey)
                .containsExactly("1641063707440057582", "1641079213781943397", "1641150105908153155");
        assertThat(dz.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(
                        Instant.parse("2023-03-29T13:04:12Z"),
                        Instant.parse("2023-03-29T14:05:49Z"),
                        Instant.parse("2023-03-29T18:47:31Z"));
        assertThat(dz.url()).isEqualTo("https://x.com/MSFT365Status/status/1641063707440057582");
        assertThat(dz.updates().get(2).status()).isEqualTo(IncidentStatus.RESOLVED);
    }

    @Test
    void bridgeGuidFormsAndPrefixes() {
        assertThat(PostsRssAdapter.postId("https://nitter.example/MSFT365Status/status/1641150105908153155#m", null))
                .isEqualTo("1641150105908153155");
        assertThat(PostsRssAdapter.postId(
                        "2003421987654321098", "https://nitter.other/MSFT365Status/status/2003421987654321098#m"))
                .isEqualTo("2003421987654321098");
        assertThat(PostsRssAdapter.postId("https://mastodon.example/@MSFT365Status/110108059303987240", null))
                .isEqualTo("110108059303987240");
        assertThat(PostsRssAdapter.canonicalLink("https://nitter.poast.org/MSFT365Status/status/123#m"))
                .isEqualTo("https://x.com/MSFT365Status/status/123");
        String feed = """
                <rss version="2.0"><channel><title>t</title><link>https://nitter.example/Acme</link><description>d</description>
                <item><title>R to @Acme: We have identified the cause</title><pubDate>Wed, 29 Mar 2023 14:00:00 GMT</pubDate>
                <guid isPermaLink="false">2003421987654321098</guid><link>https://nitter.example/Acme/status/2003421987654321098#m</link></item>
                <item><title>Pinned: We're investigating checkout errors</title><pubDate>Wed, 29 Mar 2023 13:00:00 GMT</pubDate>
                <guid>https://nitter.example/Acme/status/2003421987654321000#m</guid><link>https://nitter.example/Acme/status/2003421987654321000#m</link></item>
                </channel></rss>""";
        FetchedDocument d = new FetchedDocument(
                URI.create("https://nitter.example/Acme/rss"),
                "application/rss+xml",
                feed.getBytes(),
                Fixtures.POLLED,
                settings("https://nitter.example/Acme/rss", null, null));
        List<ObservedIncident> incidents;
        try {
            incidents = new PostsRssAdapter().read(d);
        } catch (UnreadableDocumentException e) {
            throw new AssertionError(e);
        }
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).updates())
                .extracting(u -> u.text().plain())
                .containsExactly("We're investigating checkout errors", "We have identified the cause");
    }

    @Test
    void mastodonRssItemsWithoutTitleAreTheSamePostsAsTheApis() throws Exception {
        List<ObservedIncident> incidents = new PostsRssAdapter()
                .read(doc(
                        "mastodon-msft365status.rss",
                        "https://mastodon.example/@MSFT365Status.rss",
                        "application/rss+xml",
                        settings("https://mastodon.example/@MSFT365Status.rss", MICROSOFT_IDS, null)));
        assertThat(incidents).extracting(ObservedIncident::vendorKey).containsExactly("EX533921", "DZ534539");
        assertThat(incidents.get(1).updates())
                .extracting(ObservedUpdate::vendorKey)
                .containsExactly("110106709327881804", "110106951614484731", "110108059303987240");
    }

    @Test
    void xTimelineRepliesJoinTheirConversationAndTheCursorIsTheNewestId() throws Exception {
        XAdapter x = new XAdapter();
        SourceSettings s = settings("https://x.com/MSFT365Status", MICROSOFT_IDS, "2966489463:");
        FetchedDocument tweets = doc(
                "x-api-v2-users-tweets-msft365status.json",
                "https://api.x.com/2/users/2966489463/tweets",
                "application/json",
                s);
        List<ObservedIncident> incidents = x.read(tweets);
        assertThat(incidents).extracting(ObservedIncident::vendorKey).containsExactly("EX533921", "DZ534539");
        assertThat(incidents.get(1).updates()).hasSize(3);
        assertThat(incidents.get(1).url()).isEqualTo("https://x.com/MSFT365Status/status/1641063707440057582");
        assertThat(x.cursorAfter(tweets, "2966489463:")).isEqualTo("2966489463:1641150105908153155");
        assertThatThrownBy(() -> XAdapter.user(URI.create("https://x.com/settings/profile")))
                .isInstanceOf(SourceConfigurationException.class);
    }

    @Test
    void blueskySkipsRepostsAndMarketingAndThreadsSelfReplies() throws Exception {
        BlueskyAdapter bluesky = new BlueskyAdapter();
        SourceSettings s = settings("https://bsky.app/profile/status.example.com", null, null);
        FetchedDocument feed = doc(
                "bluesky-getauthorfeed-status.json",
                "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed",
                "application/json",
                s);
        List<ObservedIncident> incidents = bluesky.read(feed);
        assertThat(incidents).hasSize(1);
        ObservedIncident invoices = incidents.get(0);
        assertThat(invoices.vendorKey())
                .isEqualTo("at://did:plc:statusexample000000000000/app.bsky.feed.post/3kqcsz2hbtc2a");
        assertThat(invoices.updates())
                .extracting(ObservedUpdate::status)
                .containsExactly(IncidentStatus.INVESTIGATING, IncidentStatus.RESOLVED);
        assertThat(invoices.url()).isEqualTo("https://bsky.app/profile/status.example.com/post/3kqcsz2hbtc2a");

        String cursor = bluesky.cursorAfter(feed, null);
        assertThat(cursor).isEqualTo("2023-03-29T16:02:10Z");
        FetchedDocument again = doc(
                "bluesky-getauthorfeed-status.json",
                "https://public.api.bsky.app/xrpc/app.bsky.feed.getAuthorFeed",
                "application/json",
                s.withCursor(cursor));
        assertThat(bluesky.read(again))
                .as("posts up to the cursor were read before")
                .isEmpty();
    }

    @Test
    void timesAreExactToTheSecond() throws Exception {
        ObservedIncident dz = new MastodonAdapter()
                .read(doc(
                        "mastodon-msft365status-statuses.json",
                        "https://mastodon.example/api/v1/accounts/1/statuses",
                        "application/json",
                        settings("https://mastodon.example/@MSFT365Status", MICROSOFT_IDS, "1:")))
                .get(1);
        assertThat(dz.updates()).allMatch(ObservedUpdate::exactTime);
        assertThat(dz.updates().get(1).at().atOffset(ZoneOffset.UTC).getSecond())
                .isEqualTo(49);
    }
}
