package app.candor.user;

import app.candor.system.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a password must be, wherever one is set (admin pages and API, a user's own change, the first admin):
 * at least 12 characters; at most 72 bytes, because bcrypt ignores everything after them (a longer password
 * and its 72-byte prefix would both work); not a placeholder such as the Secret template's CHANGE_ME; not
 * containing the username; and hard to guess by nbvcxz's estimate (common passwords, words, keyboard patterns,
 * dates), at least {@link #MIN_ENTROPY} bits.
 */
@ApplicationScoped
public class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_BYTES = 72;
    static final double MIN_ENTROPY = 40;

    private final Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder().setMinimumEntropy(MIN_ENTROPY).createConfiguration());

    /** Throws a 400 naming {@code field} unless {@code password} is acceptable for {@code username}. */
    public void requireAcceptable(String password, String username, String field) {
        String problem = problem(password, username);
        if (problem != null) {
            throw ProblemException.invalidField(field, problem);
        }
    }

    /** What is wrong with the password, or null. */
    public String problem(String password, String username) {
        if (password == null || password.isBlank()) {
            return "is required";
        }
        String folded = password.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        if (folded.contains("changeme") || folded.contains("placeholder")) {
            return "is a placeholder; choose a real password";
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "must be at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "must be at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " plain letters)";
        }
        if (username != null && username.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            return "must not contain the username";
        }
        Result result = estimator.estimate(password);
        if (!result.isMinimumEntropyMet()) {
            return "is too easy to guess (common words, names, sequences or keyboard patterns); use a longer passphrase";
        }
        return null;
    }
}
