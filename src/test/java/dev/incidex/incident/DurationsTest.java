package dev.incidex.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void inkyLastedTwentyTwoHoursSevenMinutesNotEight() {
        Instant started = Instant.parse("2023-03-29T14:04:37.405Z");
        Instant resolved = Instant.parse("2023-03-30T12:12:05.614Z");

        assertThat(Durations.format(Duration.between(started, resolved))).isEqualTo("22h 7m");
        // The trap: subtracting the minutes the page displays gives one minute more.
        Duration displayed =
                Duration.between(started.truncatedTo(ChronoUnit.MINUTES), resolved.truncatedTo(ChronoUnit.MINUTES));
        assertThat(Durations.format(displayed)).isEqualTo("22h 8m");
    }

    @Test
    void daysHoursAndMinutes() {
        assertThat(Durations.format(Duration.ofHours(50).plusMinutes(3).plusSeconds(59)))
                .isEqualTo("2d 2h 3m");
        assertThat(Durations.format(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59m");
        assertThat(Durations.format(Duration.ofHours(24))).isEqualTo("1d 0h 0m");
        assertThat(Durations.format(Duration.ofSeconds(59))).isEqualTo("<1m");
    }

    @Test
    void aNegativeDurationIsRefusedNotPrinted() {
        assertThatThrownBy(() -> Durations.format(Duration.ofMinutes(-5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAgeIsItsLargestUnitFloored() {
        assertThat(Durations.age(Duration.ofSeconds(30))).isEqualTo("<1 min");
        assertThat(Durations.age(Duration.ofMinutes(59).plusSeconds(59))).isEqualTo("59 min");
        assertThat(Durations.age(Duration.ofHours(3).plusMinutes(59))).isEqualTo("3 h");
        assertThat(Durations.age(Duration.ofHours(47))).isEqualTo("47 h");
        assertThat(Durations.age(Duration.ofHours(48))).isEqualTo("2 days");
        assertThat(Durations.age(Duration.ofDays(75))).isEqualTo("2 months");
        assertThat(Durations.age(Duration.ofDays(800))).isEqualTo("2 years");
        assertThatThrownBy(() -> Durations.age(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
