package dev.incidex.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.KeptRenders;
import dev.incidex.incident.IncidentQueries.Stamp;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RenderedFeedsTest {

    private final RenderedFeeds feeds = new RenderedFeeds();
    private final AtomicInteger writes = new AtomicInteger();

    {
        feeds.database = () -> "primary";
    }

    private KeptRenders.Rendered write(int size) {
        writes.incrementAndGet();
        return new KeptRenders.Rendered(new byte[size], "etag" + writes.get(), null);
    }

    @Test
    void aFeedIsWrittenAgainOnlyWhenWhatItShowsChanged() {
        feeds.budget = () -> 1_000;
        Stamp before = new Stamp("2026-12-01 10:00:00", 3);
        assertThat(feeds.get("vendor inky", before, () -> write(100)).etag()).isEqualTo("etag1");
        assertThat(feeds.get("vendor inky", before, () -> write(100)).etag()).isEqualTo("etag1");
        assertThat(writes).hasValue(1);

        Stamp after = new Stamp("2026-12-01 10:05:00", 3);
        assertThat(feeds.get("vendor inky", after, () -> write(100)).etag()).isEqualTo("etag2");
        assertThat(feeds.get("vendor other", after, () -> write(100)).etag()).isEqualTo("etag3");
        assertThat(writes).hasValue(3);
    }

    @Test
    void theLeastRecentlyUsedFeedsGoFirstWhenTheBudgetIsSpentAndBigOnesAreNeverKept() {
        feeds.budget = () -> 1_000;
        Stamp stamp = new Stamp("t", 1);
        for (int n = 0; n < 4; n++) {
            feeds.get("feed " + n, stamp, () -> write(240));
        }
        feeds.get("feed 0", stamp, () -> write(240)); // kept, and now the most recently used
        feeds.get("feed 4", stamp, () -> write(240)); // over the budget: "feed 1" goes
        assertThat(writes).hasValue(5);
        feeds.get("feed 0", stamp, () -> write(240));
        assertThat(writes).hasValue(5);
        feeds.get("feed 1", stamp, () -> write(240));
        assertThat(writes).hasValue(6);

        feeds.get("huge", stamp, () -> write(600));
        feeds.get("huge", stamp, () -> write(600));
        assertThat(writes)
                .as("a feed over a quarter of the budget is written each time")
                .hasValue(8);
    }
}
