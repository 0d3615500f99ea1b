package app.candor.link;

import app.candor.system.CandorConfig;
import app.candor.system.Throttle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * Slows down guessing: an address that followed too many wrong or expired links within the window gets
 * "slow down" (429) instead of "unusable" for its further wrong links until the window has passed. Only
 * failures count and only failures are refused: a link that works always opens, so junk requests through a
 * shared proxy address cannot lock real candidates out. The counts are in the database (shared by every
 * replica). The address is the direct peer's, or the forwarded one only from a trusted proxy hop
 * (quarkus.http.proxy.trusted-proxies), so a forged X-Forwarded-For gains nothing.
 */
@ApplicationScoped
public class LinkGuard {

    @Inject
    CandorConfig config;

    @Inject
    Throttle throttle;

    public boolean slowedDown(String address) {
        return positive(throttle.blockedFor(List.of(subject(address))));
    }

    public void failed(String address) {
        Duration window = config.links().failureWindow();
        // maxFailures free within the window; the one after blocks until the window is over
        throttle.failed(subject(address), new Throttle.Policy(config.links().maxFailures() - 1, window, window, window));
    }

    private static boolean positive(Duration d) {
        return !d.isZero() && !d.isNegative();
    }

    private static String subject(String address) {
        return "link:" + address;
    }
}
