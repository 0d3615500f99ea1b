package app.candor.link;

import app.candor.system.CandorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing: an address that followed too many wrong or expired links within the window
 * is refused (429) until the window has passed. Kept in memory per instance, which is enough to make
 * guessing 256-bit tokens pointless; bounded, so a flood of addresses cannot grow it without end.
 */
@ApplicationScoped
public class LinkGuard {

    static final int MAX_TRACKED = 10_000;

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    private record Window(Instant start, int failures) {
    }

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public boolean slowedDown(String address) {
        Window w = windows.get(address);
        return w != null && !expired(w, clock.instant()) && w.failures() >= config.links().maxFailures();
    }

    public void failed(String address) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_TRACKED) {
            windows.values().removeIf(w -> expired(w, now));
        }
        if (windows.size() >= MAX_TRACKED && !windows.containsKey(address)) {
            return; // full of live entries: count nothing new rather than grow
        }
        windows.compute(address, (a, w) -> w == null || expired(w, now) ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    private boolean expired(Window w, Instant now) {
        return !w.start().plus(config.links().failureWindow()).isAfter(now);
    }
}
