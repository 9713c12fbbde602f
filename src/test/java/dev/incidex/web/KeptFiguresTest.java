package dev.incidex.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.incidex.incident.IncidentQueries;
import dev.incidex.incident.Selection;
import dev.incidex.incident.VendorStats;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vendor page's figures are computed again exactly when the vendor's stamp, the reader's zone or the minute moves. */
class KeptFiguresTest {

    static final Instant NOW = Instant.parse("2026-12-02T03:00:10Z");

    /** The vendor's stamp as the database would answer it: the test moves it as a merge would. */
    String changedAt = "2026-12-01 10:00:00";

    long incidents = 3;
    final AtomicInteger computed = new AtomicInteger();
    KeptFigures kept;

    @BeforeEach
    void wire() {
        kept = new KeptFigures();
        kept.queries = new IncidentQueries() {
            @Override
            public Stamp stamp(Selection selection) {
                assertThat(selection).isEqualTo(Selection.vendor("keptco"));
                return new Stamp(changedAt, incidents);
            }
        };
        kept.stats = new VendorStats() {
            @Override
            public List<Month> perMonth(String vendorSlug, ZoneId zone, Instant now) {
                computed.incrementAndGet();
                return List.of(new Month(YearMonth.from(now.atZone(zone)), incidents));
            }

            @Override
            public ResolveTimes resolveTimes(String vendorSlug, Instant now) {
                return new ResolveTimes(incidents, Duration.ofMinutes(1), Duration.ofMinutes(incidents));
            }

            @Override
            public List<Day> recentDays(String vendorSlug, ZoneId zone, Instant now) {
                return List.of();
            }

            @Override
            public List<String> components(String vendorSlug) {
                return List.of("API");
            }
        };
    }

    @Test
    void theSameStampZoneAndMinuteReuseTheFigures() {
        KeptFigures.Figures first = kept.of("keptco", ZoneOffset.UTC, NOW);
        KeptFigures.Figures again = kept.of("keptco", ZoneOffset.UTC, NOW.plusSeconds(40));

        assertThat(again).isSameAs(first);
        assertThat(computed).hasValue(1);
        assertThat(first.times().resolved()).isEqualTo(3);
        assertThat(first.components()).containsExactly("API");
    }

    @Test
    void aChangedIncidentMovesTheStampAndTheFiguresFollow() {
        kept.of("keptco", ZoneOffset.UTC, NOW);
        changedAt = "2026-12-02 02:59:00";
        incidents = 4;

        KeptFigures.Figures after = kept.of("keptco", ZoneOffset.UTC, NOW);

        assertThat(computed).hasValue(2);
        assertThat(after.times().resolved()).isEqualTo(4);
        assertThat(after.months().get(0).incidents()).isEqualTo(4);
    }

    @Test
    void anotherZoneOrTheNextMinuteIsComputedAgain() {
        kept.of("keptco", ZoneOffset.UTC, NOW);
        kept.of("keptco", ZoneId.of("Pacific/Kiritimati"), NOW);
        kept.of("keptco", ZoneOffset.UTC, NOW.plusSeconds(60));

        assertThat(computed).hasValue(3);
    }
}
