package dev.incidex.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Titles of incidents told by posts: a short summary of the first post, never the post cut mid-word. */
class PostSummaryTest {

    @Test
    void aShortFirstSentenceIsTheTitleWithoutItsLeadIn() {
        // Microsoft's first DZ534539 tweet, as the seed's article quotes it.
        assertThat(VendorText.summary("We're investigating an issue where legitimate URL links are being incorrectly"
                        + " marked as malicious by the Microsoft Defender service. Additionally, some of the alerts are"
                        + " not showing content as expected. Further details can be found under DZ534539."))
                .isEqualTo(
                        "Legitimate URL links are being incorrectly marked as malicious by the Microsoft Defender service");
        assertThat(VendorText.summary("Outlook on the web is down.")).isEqualTo("Outlook on the web is down");
    }

    @Test
    void aLongSentenceNamesTheServiceAndIsCutAtAWordBoundary() {
        String title = VendorText.summary("We're investigating an issue where some users may experience delays"
                + " receiving email messages that are processed by Microsoft Defender for Office 365. Further details"
                + " can be found under DZ534539 in the admin center.");
        assertThat(title).isEqualTo("Microsoft Defender for Office 365: some users may experience delays receiving…");
        assertThat(title.length()).isLessThanOrEqualTo(80);
    }

    @Test
    void withoutAServiceALongSentenceIsCutAtAWordNeverInsideOne() {
        String post = "Our engineers are looking at elevated error rates across several regions while requests to"
                + " the dashboard and to the public endpoints time out intermittently for a portion of customers";
        String title = VendorText.summary(post);
        assertThat(title).endsWith("…").hasSizeLessThanOrEqualTo(81);
        String words = title.substring(0, title.length() - 1);
        assertThat(post).startsWith(words);
        assertThat(post.charAt(words.length())).isEqualTo(' ');
        assertThat(words).doesNotEndWith(" the").doesNotEndWith(" to");
    }
}
