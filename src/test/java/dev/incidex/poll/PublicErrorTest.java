package dev.incidex.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the public may read of a source's error and warnings: short excerpts, no control characters, bounded. */
class PublicErrorTest {

    @Test
    void whatAParserQuotesFromABodyIsCutToAShortExcerpt() {
        // Jackson on the answer of a metadata service a redirect reached (the case), and a key listing.
        String jackson =
                "Unrecognized token 'AKIAIOSFODNN7EXAMPLEwJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYaaaaaaaaaaaa': was"
                        + " expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
        String excerpted = SourceBookkeeping.excerpted(jackson);
        assertThat(excerpted)
                .contains("'AKIAIOSFODNN7EXAMPLEwJalrXUtnFEMIK7MDEN…'")
                .doesNotContain("EXAMPLEKEY")
                .contains("'null', 'true' or 'false'");
    }

    @Test
    void errorsAndWarningsLoseControlCharactersAndStayBounded() {
        assertThat(SourceBookkeeping.publicError("got keys [\u0000AKIA\u0001]\n and more"))
                .isEqualTo("got keys [AKIA] and more");
        assertThat(SourceBookkeeping.publicError("x".repeat(50_000))).hasSize(SourceBookkeeping.MAX_ERROR);
        String summary = SourceBookkeeping.warningSummary(List.of("a", "b", "c", "d", "e", "f", "g", "a"));
        assertThat(summary).isEqualTo("a; b; c; d; e; and 2 more");
        assertThat(SourceBookkeeping.warningSummary(List.of())).isNull();
    }
}
