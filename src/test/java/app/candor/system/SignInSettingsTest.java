package app.candor.system;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Production refuses settings with which nobody could sign in, or with which passwords are cheap to guess. */
class SignInSettingsTest {

    @Test
    void passwordsOffNeedsSingleSignOnAndSingleSignOnNeedsItsProvider() {
        assertThat(ProductionSettings.signInProblems(Map.<String, String>of()::get)).isEmpty();
        assertThat(ProductionSettings.signInProblems(Map.of("candor.auth.local-passwords", "false")::get))
                .singleElement().asString().contains("nobody could sign in");
        assertThat(ProductionSettings.signInProblems(Map.of("candor.auth.local-passwords", "false", "candor.oidc.enabled", "true")::get))
                .hasSize(2).anySatisfy(p -> assertThat(p).startsWith("QUARKUS_OIDC_AUTH_SERVER_URL not set"))
                .anySatisfy(p -> assertThat(p).startsWith("QUARKUS_OIDC_CLIENT_ID not set"));
        assertThat(ProductionSettings.signInProblems(Map.of("candor.oidc.enabled", "true",
                "quarkus.oidc.auth-server-url", "https://sso.example.com/realms/acme", "quarkus.oidc.client-id", "candor")::get)).isEmpty();
    }

    @Test
    void productionRefusesACheapPasswordHash() {
        assertThat(ProductionSettings.signInProblems(Map.of("candor.auth.password-cost", "4")::get))
                .singleElement().asString().startsWith("CANDOR_AUTH_PASSWORD_COST is 4: below 10");
        assertThat(ProductionSettings.signInProblems(Map.of("candor.auth.password-cost", "10")::get)).isEmpty();
        assertThat(ProductionSettings.signInProblems(Map.of("candor.auth.password-cost", "12")::get)).isEmpty();
    }
}
