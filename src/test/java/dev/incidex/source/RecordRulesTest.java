package dev.incidex.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.model.IncidentStatus;
import dev.incidex.model.ObservedIncident;
import dev.incidex.model.ObservedUpdate;
import dev.incidex.source.feed.RssAdapter;
import dev.incidex.source.support.VendorDates;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 8: how printed times and single feed items are read, on real-shaped documents. */
class RecordRulesTest {

    @Test
    void parsePrintsPstAllYearAndItsSummerTimesAreReadAtTheDaylightOffset() throws Exception {
        // Real-shaped Parse history.rss: "Jul 10, 14:02 PST" beside a pubDate of 14:02 -0700.
        List<ObservedIncident> all = new RssAdapter()
                .read(Fixtures.file(
                        "parse/history-summer-pst.rss", "http://status.parse.com/history.rss", "application/rss+xml"));
        ObservedIncident summer = byKey(all, "5lx6yq3b1b2c");
        assertThat(summer.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(Instant.parse("2013-07-10T20:15:00Z"), Instant.parse("2013-07-10T21:02:00Z"));
        // The resolved update is the item's pubDate, as the vendor stamped it.
        assertThat(summer.resolvedAt()).isEqualTo(Instant.parse("2013-07-10T21:02:00Z"));
        assertThat(summer.status()).isEqualTo(IncidentStatus.RESOLVED);

        // In winter PST is right, and is read as -08:00.
        ObservedIncident winter = byKey(all, "p9hy357zjvb4");
        assertThat(winter.updates())
                .extracting(ObservedUpdate::at)
                .containsExactly(Instant.parse("2012-12-24T16:58:00Z"), Instant.parse("2012-12-24T19:21:00Z"));
    }

    @Test
    void aUsStandardLabelIsItsRegionWhileDaylightLabelsAndArizonaStayFixed() {
        Instant july = Instant.parse("2024-07-20T00:00:00Z");
        assertThat(VendorDates.printed("Jul 10, 2024 14:02 EST", null, july))
                .isEqualTo(Instant.parse("2024-07-10T18:02:00Z"));
        assertThat(VendorDates.printed("Jul 10, 2024 14:02 PDT", null, july))
                .isEqualTo(Instant.parse("2024-07-10T21:02:00Z"));
        assertThat(VendorDates.printed("Jul 10, 2024 14:02 MST", null, july))
                .isEqualTo(Instant.parse("2024-07-10T21:02:00Z"));
        assertThat(VendorDates.printed("Jan 10, 2024 14:02 PST", ZoneOffset.UTC, july))
                .isEqualTo(Instant.parse("2024-01-10T22:02:00Z"));
    }

    static ObservedIncident byKey(List<ObservedIncident> all, String key) {
        return all.stream()
                .filter(i -> key.equals(i.vendorKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no incident " + key + " among "
                        + all.stream().map(ObservedIncident::vendorKey).toList()));
    }
}
