package app.candor.message;

import app.candor.support.DatabaseNeutral;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@DatabaseNeutral
class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30));

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        assertThat(backoff.after(1, 0.5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(2, 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.after(4, 0.5)).isEqualTo(Duration.ofSeconds(240));
        assertThat(backoff.after(20, 0.5)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void spreadsEachWaitByTwentyPercentEitherWay() {
        assertThat(backoff.after(2, 0.0)).isEqualTo(Duration.ofSeconds(48));
        assertThat(backoff.after(2, 0.999_999)).isBetween(Duration.ofSeconds(71), Duration.ofSeconds(72));
        assertThat(backoff.after(40, 0.999_999)).isLessThanOrEqualTo(Duration.ofMinutes(36));
    }

    @Test
    void neverZeroEvenWithoutAnInitialWait() {
        assertThat(new Backoff(Duration.ZERO, Duration.ZERO).after(1, 0)).isEqualTo(Duration.ofMillis(1));
    }
}
