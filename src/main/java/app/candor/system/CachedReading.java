package app.candor.system;

import io.quarkus.logging.Log;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Counts read from the database for the metrics gauges, reused for a while so that a scraper (one per
 * replica, every few seconds) costs one query per period. Read again once older than the cache time, or
 * when the clock went back. A failed reading keeps the last one: a scrape must not fail because the
 * database is away for a moment.
 */
public final class CachedReading<T> {

    private final String what;
    private final Supplier<Duration> maxAge;
    private final Function<Instant, T> read;
    private T value;
    private Instant at;

    /** {@code none} is what the gauges show until the first reading succeeds. */
    public CachedReading(String what, T none, Supplier<Duration> maxAge, Function<Instant, T> read) {
        this.what = what;
        this.value = none;
        this.maxAge = maxAge;
        this.read = read;
    }

    public synchronized T get(Instant now) {
        if (at == null || now.isBefore(at) || !now.isBefore(at.plus(maxAge.get()))) {
            try {
                value = read.apply(now);
                at = now;
            } catch (RuntimeException e) {
                Log.warnf("%s: could not read the counts (%s); keeping the last reading", what, e.getMessage());
            }
        }
        return value;
    }
}
