package app.candor.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for what happens after commit (delivery), always with a deadline; never a bare sleep as a check. */
public final class Eventually {

    private static final Duration STEP = Duration.ofMillis(50);

    private Eventually() {
    }

    /** Polls {@code probe} until {@code done} accepts its value, for at most {@code within}; returns that value. */
    public static <T> T await(String what, Duration within, Supplier<T> probe, Predicate<T> done) {
        long deadline = System.nanoTime() + within.toNanos();
        T last;
        while (true) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited " + within.toMillis() + " ms for " + what + "; last seen: " + last);
            }
            pause();
        }
    }

    public static void await(String what, Duration within, BooleanSupplier condition) {
        await(what, within, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Checks that {@code condition} holds the whole time, polling for {@code period} (e.g. "nothing is sent"). */
    public static void holdsFor(String what, Duration period, BooleanSupplier condition) {
        long end = System.nanoTime() + period.toNanos();
        do {
            if (!condition.getAsBoolean()) {
                throw new AssertionError("Expected " + what + " for " + period.toMillis() + " ms, but it stopped holding");
            }
            pause();
        } while (System.nanoTime() < end);
    }

    private static void pause() {
        try {
            Thread.sleep(STEP.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
