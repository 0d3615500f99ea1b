package app.candor.system;

import app.candor.support.DatabaseNeutral;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19, finding 8: production needs an https:// public URL, since candidate link tokens travel in it. */
@DatabaseNeutral
class ProductionSettingsTest {

    private static final Map<String, String> GOOD = Map.of(
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://db/candor", "quarkus.datasource.username", "candor",
            "quarkus.datasource.password", "secret", "quarkus.mailer.host", "smtp.example.com",
            "candor.mail.from", "Candor <no-reply@example.com>", "quarkus.http.auth.session.encryption-key", "0123456789abcdef0123",
            "candor.public-url", "https://candor.example.com", "candor.company-name", "Example Ltd");

    private static java.util.List<String> problems(String publicUrl) {
        Map<String, String> config = new java.util.HashMap<>(GOOD);
        config.put("candor.public-url", publicUrl);
        return ProductionSettings.problems(config::get);
    }

    @Test
    void anHttpPublicUrlIsRefused() {
        assertThat(problems("https://candor.example.com")).isEmpty();
        assertThat(problems("http://candor.example.com")).singleElement().asString()
                .contains("CANDOR_PUBLIC_URL not an https:// address");
    }

    @Test
    void withoutTheCompanyNameProductionDoesNotStart() {
        // Issue 21: production signed its letters with the demo company's name.
        Map<String, String> config = new java.util.HashMap<>(GOOD);
        config.remove("candor.company-name");
        assertThat(ProductionSettings.problems(config::get)).singleElement().asString()
                .startsWith("CANDOR_COMPANY_NAME not set").contains("candor.company-name");
        config.put("candor.company-name", " ");
        assertThat(ProductionSettings.problems(config::get)).singleElement().asString().startsWith("CANDOR_COMPANY_NAME not set");
    }
}
