package app.candor.system;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * The embedded default keeps mail on this machine (the mock mailer) until someone names an SMTP
 * server: with QUARKUS_MAILER_HOST set, this source turns the mock off. Its ordinal sits above
 * application.properties and below environment variables, so QUARKUS_MAILER_MOCK still decides last.
 */
public class MailModeConfigSource implements ConfigSource {

    static final String MOCK = "quarkus.mailer.mock";

    private final Map<String, String> properties;

    public MailModeConfigSource() {
        String host = System.getenv("QUARKUS_MAILER_HOST");
        if (host == null) {
            host = System.getProperty("quarkus.mailer.host");
        }
        properties = host == null || host.isBlank() ? Map.of() : Map.of(MOCK, "false");
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "candor-mail-mode";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }
}
