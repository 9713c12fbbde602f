package dev.incidex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    static final Duration INTERVAL = Duration.ofMinutes(2);
    static final Duration MAX = Duration.ofHours(1);

    @Test
    void doublesPerFailureUpToTheCap() {
        assertThat(Backoff.after(1, INTERVAL, MAX, null)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Backoff.after(2, INTERVAL, MAX, null)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Backoff.after(5, INTERVAL, MAX, null)).isEqualTo(Duration.ofMinutes(32));
        assertThat(Backoff.after(6, INTERVAL, MAX, null)).isEqualTo(MAX);
        assertThat(Backoff.after(1000, INTERVAL, MAX, null)).isEqualTo(MAX);
    }

    @Test
    void aLongerRetryAfterIsHonouredAShorterOneIsNot() {
        assertThat(Backoff.after(1, INTERVAL, MAX, Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(10));
        assertThat(Backoff.after(3, INTERVAL, MAX, Duration.ofSeconds(5))).isEqualTo(Duration.ofMinutes(8));
        assertThat(Backoff.after(1, INTERVAL, MAX, Duration.ofDays(30))).isEqualTo(Duration.ofDays(1));
    }
}
