package app.candor.user;

import app.candor.system.CandorConfig;
import app.candor.system.Throttle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;

/**
 * Slows down password guessing, on the sign-in form and HTTP Basic alike, on every replica (the counts are in
 * the database): a few wrong passwords for an account, or many from one address, and further attempts wait,
 * longer after each failure. A refused attempt never reaches bcrypt and does not count, so guessing cannot
 * push the wait past {@link CandorConfig.Auth#accountMaxWait()} for an account's owner.
 */
@ApplicationScoped
public class SignInThrottle {

    @Inject
    Throttle throttle;

    @Inject
    CandorConfig config;

    /** How long a sign-in as {@code username} from {@code address} must still wait (zero: go ahead). */
    public Duration waitFor(String username, String address) {
        return throttle.blockedFor(List.of(account(username), address(address)));
    }

    /** A wrong password: counted against the account and the address. Returns the wait it causes. */
    public Duration failed(String username, String address) {
        CandorConfig.Auth auth = config.auth();
        Duration forAccount = throttle.failed(account(username),
                new Throttle.Policy(auth.accountFailures(), auth.failureWindow(), auth.firstWait(), auth.accountMaxWait()));
        Duration forAddress = throttle.failed(address(address),
                new Throttle.Policy(auth.addressFailures(), auth.failureWindow(), auth.firstWait(), auth.addressMaxWait()));
        return forAccount.compareTo(forAddress) > 0 ? forAccount : forAddress;
    }

    /** How long a bearer request from {@code address} must still wait: wrong tokens count as wrong passwords do. */
    public Duration waitForBearer(String address) {
        return throttle.blockedFor(List.of(address(address)));
    }

    /** An unknown, expired or revoked API token: counted against the address (there is no account to count it for). */
    public void bearerFailed(String address) {
        CandorConfig.Auth auth = config.auth();
        throttle.failed(address(address),
                new Throttle.Policy(auth.addressFailures(), auth.failureWindow(), auth.firstWait(), auth.addressMaxWait()));
    }

    /** The right password: the account's count starts again (the address's does not: it may be guessing others). */
    public void succeeded(String username) {
        throttle.clear(account(username));
    }

    private static String account(String username) {
        return "user:" + username;
    }

    private static String address(String address) {
        return "login:" + address;
    }

    /** "2 minutes", "40 seconds": for the sign-in page and the API's detail. */
    public static String describe(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
