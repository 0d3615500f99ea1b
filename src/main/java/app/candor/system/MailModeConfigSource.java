package app.candor.system;

import io.smallrye.config.common.MapBackedConfigSource;

import java.util.Map;

/**
 * The embedded default keeps mail on this machine (the mock mailer) until someone names an SMTP
 * server: with QUARKUS_MAILER_HOST set, this source turns the mock off. Its ordinal sits above
 * application.properties and below environment variables, so QUARKUS_MAILER_MOCK still decides last.
 */
public class MailModeConfigSource extends MapBackedConfigSource {

    static final String MOCK = "quarkus.mailer.mock";

    public MailModeConfigSource() {
        super("candor-mail-mode", properties(), 260);
    }

    private static Map<String, String> properties() {
        String host = System.getenv("QUARKUS_MAILER_HOST");
        if (host == null) {
            host = System.getProperty("quarkus.mailer.host");
        }
        return host == null || host.isBlank() ? Map.of() : Map.of(MOCK, "false");
    }
}
