package app.candor.user;

import app.candor.support.DatabaseNeutral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, finding 8: what a password must be, wherever one is set. */
@DatabaseNeutral
class PasswordRulesTest {

    private final PasswordRules rules = new PasswordRules();

    @Test
    void shortGuessableAndPlaceholderPasswordsAreRefused() {
        assertThat(rules.problem("aaaaaaaa", "rita")).contains("at least 12");
        assertThat(rules.problem("aaaaaaaaaaaa", "rita")).contains("too easy to guess");
        assertThat(rules.problem("Passw0rd1234", "rita")).contains("too easy to guess");
        assertThat(rules.problem("correcthorsebatterystaple", "rita")).contains("too easy to guess");
        assertThat(rules.problem("CHANGE_ME", "admin")).contains("placeholder");
        assertThat(rules.problem("CHANGE_ME-amber-kite-river-42", "admin")).contains("placeholder");
        assertThat(rules.problem("rita-amber-kite-river-42", "rita")).contains("username");
        assertThat(rules.problem("   ", "rita")).isEqualTo("is required");
    }

    @Test
    void passwordsBcryptWouldCutAreRefused() {
        String seventyTwo = "amber-kite-river-42-" + "x".repeat(52);
        assertThat(seventyTwo.length()).isEqualTo(72);
        assertThat(rules.problem(seventyTwo, "rita")).isNull();
        assertThat(rules.problem(seventyTwo + "y", "rita")).contains("at most 72 bytes");
        assertThat(rules.problem("amber-kite-river-" + "é".repeat(28), "rita")).as("bytes, not characters").contains("at most 72 bytes");
    }

    @Test
    void aLongUnusualPassphraseIsAccepted() {
        assertThat(rules.problem("amber-kite-river-42", "rita")).isNull();
        assertThat(rules.problem("sunny-walnut-ledger", "admin")).isNull();
    }
}
