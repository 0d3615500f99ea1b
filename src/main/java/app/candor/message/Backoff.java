package app.candor.message;

import java.time.Duration;

/**
 * How long to wait before trying again: exponential (initial, 2x, 4x …) capped at the maximum, each spread by ±20%
 * so that retries after a shared outage do not arrive in herds.
 */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code attempts}-th failed attempt (1 for the first); {@code random} in [0, 1) spreads it. */
    public Duration after(int attempts, double random) {
        double exponential = initial.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
        double capped = Math.min(exponential, max.toMillis());
        double jitter = 0.8 + random * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
    }
}
