package app.candor.support;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for what happens after commit (delivery), always with a deadline: Awaitility with our wording. */
public final class Eventually {

    private static final Duration STEP = Duration.ofMillis(50);

    private Eventually() {
    }

    private static ConditionFactory polling(String what) {
        return Awaitility.await(what).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(STEP);
    }

    /** Polls {@code probe} until {@code done} accepts its value, for at most {@code within}; returns that value. */
    public static <T> T await(String what, Duration within, Supplier<T> probe, Predicate<T> done) {
        return polling(what).atMost(within).until(probe::get, done::test);
    }

    public static void await(String what, Duration within, BooleanSupplier condition) {
        polling(what).atMost(within).until(condition::getAsBoolean);
    }

    /** Checks that {@code condition} holds the whole time, polling for {@code period} (e.g. "nothing is sent"). */
    public static void holdsFor(String what, Duration period, BooleanSupplier condition) {
        polling(what)
                .failFast("stopped holding: " + what, () -> !condition.getAsBoolean())
                .during(period)
                .atMost(period.plusSeconds(2))
                .until(condition::getAsBoolean);
    }
}
