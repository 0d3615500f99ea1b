package app.candor.system;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;

/**
 * Production refuses to start with a setting that would silently misbehave: without
 * CANDOR_SESSION_KEY Quarkus would invent a key per pod, and every replica would reject the
 * sessions of the others; without CANDOR_PUBLIC_URL the links in candidate mail would point nowhere.
 * (A missing database URL already stops the start, naming the datasource.)
 */
@ApplicationScoped
public class ProductionCheck {

    static final int MIN_KEY_LENGTH = 16;

    void check(@Observes @Priority(1) StartupEvent event) {
        if (!ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        Optional<String> key = ConfigProvider.getConfig().getOptionalValue("quarkus.http.auth.session.encryption-key", String.class);
        if (key.isEmpty() || key.get().isBlank()) {
            throw new IllegalStateException("CANDOR_SESSION_KEY is not set: production needs the same session key on every replica "
                    + "(at least " + MIN_KEY_LENGTH + " characters, e.g. from `openssl rand -base64 32`); see deploy/README.md");
        }
        if (key.get().length() < MIN_KEY_LENGTH) {
            throw new IllegalStateException("CANDOR_SESSION_KEY is shorter than " + MIN_KEY_LENGTH + " characters; see deploy/README.md");
        }
        // Links in candidate mail must point at the address candidates can reach, not at the pod.
        Optional<String> publicUrl = ConfigProvider.getConfig().getOptionalValue("candor.public-url", String.class);
        if (publicUrl.isEmpty() || !publicUrl.get().matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalStateException("CANDOR_PUBLIC_URL is not set to an http(s) address: candidate links in mail "
                    + "need the address candidates reach Candor at, e.g. https://candor.example.com; see deploy/README.md");
        }
    }
}
