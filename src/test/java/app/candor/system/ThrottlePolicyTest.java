package app.candor.system;

import app.candor.support.DatabaseNeutral;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, finding 4: how failures turn into waits (per account and per address alike). */
@DatabaseNeutral
class ThrottlePolicyTest {

    @Test
    void freeFailuresThenADoublingWaitUpToTheMaximum() {
        Throttle.Policy address = new Throttle.Policy(20, Duration.ofMinutes(15), Duration.ofSeconds(15), Duration.ofMinutes(15));
        assertThat(address.waitAfter(20)).isZero();
        assertThat(address.waitAfter(21)).isEqualTo(Duration.ofSeconds(15));
        assertThat(address.waitAfter(22)).isEqualTo(Duration.ofSeconds(30));
        assertThat(address.waitAfter(25)).isEqualTo(Duration.ofMinutes(4));
        assertThat(address.waitAfter(10_000)).isEqualTo(Duration.ofMinutes(15));
        Throttle.Policy account = new Throttle.Policy(5, Duration.ofMinutes(15), Duration.ofSeconds(15), Duration.ofMinutes(2));
        assertThat(account.waitAfter(40)).as("an owner never waits longer than this").isEqualTo(Duration.ofMinutes(2));
    }
}
