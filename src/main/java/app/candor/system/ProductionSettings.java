package app.candor.system;

import io.quarkus.runtime.ExecutionMode;
import io.quarkus.runtime.ExecutionModeManager;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Production refuses to start without the settings it cannot run without, and says in one message
 * everything that is missing, so that a deployment is fixed in one go rather than one restart per
 * variable. Without CANDOR_COMPANY_NAME letters would be signed with the demo company's name; without CANDOR_SESSION_KEY every replica would invent its own key and reject the others'
 * sessions; without CANDOR_PUBLIC_URL candidate links would point nowhere; without SMTP host and
 * sender nothing reaches candidates.
 *
 * <p>It is a config source factory that contributes nothing: factories run while the runtime
 * configuration is being built, before the datasource, Flyway and Hibernate start (each of which
 * would otherwise fail first, with a stack trace about its own setting only). Quarkus prints a
 * {@link ConfigurationException} as its bare message. The first admin needs the database to know
 * whether one is required; user/AdminBootstrap checks it.
 */
public class ProductionSettings implements ConfigSourceFactory {

    static final int MIN_KEY_LENGTH = 16;
    static final int MIN_PASSWORD_COST = 10;

    /** A required setting: the environment variable deploy/ sets, the property it feeds, what is wrong with a value (null: fine). */
    record Required(String variable, String property, String meaning, Function<String, String> problem) {
        Required(String variable, String property, String meaning) {
            this(variable, property, meaning, value -> null);
        }
    }

    static final List<Required> REQUIRED = List.of(
            new Required("CANDOR_DB_URL", "quarkus.datasource.jdbc.url", "the JDBC URL of the database"),
            new Required("CANDOR_DB_USER", "quarkus.datasource.username", "the database login"),
            new Required("CANDOR_DB_PASSWORD", "quarkus.datasource.password", "the database password"),
            new Required("QUARKUS_MAILER_HOST", "quarkus.mailer.host", "the SMTP server candidate mail goes through"),
            new Required("QUARKUS_MAILER_FROM", "candor.mail.from", "the sender address of candidate mail"),
            // Letters are signed and sent in the company's name; a demo name in a real candidate's inbox is worse than no start.
            new Required("CANDOR_COMPANY_NAME", "candor.company-name", "the company name candidates see in letters and on their pages"),
            new Required("CANDOR_SESSION_KEY", "quarkus.http.auth.session.encryption-key",
                    "the login cookie key, the same on every replica (openssl rand -base64 32)",
                    value -> value.length() < MIN_KEY_LENGTH ? "shorter than " + MIN_KEY_LENGTH + " characters" : null),
            new Required("CANDOR_PUBLIC_URL", "candor.public-url", "the address candidates reach Candor at, e.g. https://candor.example.com",
                    // https only: candidate link tokens travel in these URLs
                    value -> value.matches("https://[^\\s/]+(/\\S*)?") ? null : "not an https:// address"));

    /** Needed only while the database has no active admin, which only user/AdminBootstrap can tell. */
    static final List<String> FIRST_ADMIN = List.of("CANDOR_ADMIN_USER", "CANDOR_ADMIN_PASSWORD");
    static final List<String> FIRST_ADMIN_PROPERTIES = List.of("candor.first-admin.username", "candor.first-admin.password");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // The build (augmentation) runs in the prod profile too, without any of these: check only when the app starts.
        if (ExecutionModeManager.getExecutionMode() == ExecutionMode.RUNTIME_INIT && context.getProfiles().contains("prod")) {
            List<String> problems = problems(name -> {
                ConfigValue value = context.getValue(name);
                return value == null ? null : value.getValue();
            });
            problems.addAll(signInProblems(name -> {
                ConfigValue value = context.getValue(name);
                return value == null ? null : value.getValue();
            }));
            if (!problems.isEmpty()) {
                throw new ConfigurationException(message(problems, missingFirstAdmin(context)));
            }
        }
        return List.of();
    }

    /** One line per required setting that is missing or unusable. */
    static List<String> problems(Function<String, String> config) {
        List<String> problems = new ArrayList<>();
        for (Required r : REQUIRED) {
            String value = config.apply(r.property());
            String problem = value == null || value.isBlank() ? "not set" : r.problem().apply(value);
            if (problem != null) {
                problems.add(r.variable() + " " + problem + ": " + r.meaning() + " (" + r.property() + ")");
            }
        }
        return problems;
    }

    /**
     * Someone must be able to sign in: with passwords off, single sign-on must be on, and single sign-on needs its
     * provider and client.
     */
    static List<String> signInProblems(Function<String, String> config) {
        List<String> problems = new ArrayList<>();
        boolean oidc = "true".equalsIgnoreCase(String.valueOf(config.apply("candor.oidc.enabled")).strip());
        boolean passwords = !"false".equalsIgnoreCase(String.valueOf(config.apply("candor.auth.local-passwords")).strip());
        String cost = config.apply("candor.auth.password-cost");
        if (cost != null && cost.strip().matches("[0-9]{1,9}") && Integer.parseInt(cost.strip()) < MIN_PASSWORD_COST) {
            problems.add("CANDOR_AUTH_PASSWORD_COST is " + cost.strip() + ": below " + MIN_PASSWORD_COST
                    + " a stolen database's passwords are cheap to guess (candor.auth.password-cost)");
        }
        if (!oidc && !passwords) {
            problems.add("CANDOR_AUTH_LOCAL_PASSWORDS is false but CANDOR_OIDC_ENABLED is not true: nobody could sign in");
        }
        if (oidc) {
            for (String[] r : new String[][]{{"QUARKUS_OIDC_AUTH_SERVER_URL", "quarkus.oidc.auth-server-url", "the identity provider's issuer URL"},
                    {"QUARKUS_OIDC_CLIENT_ID", "quarkus.oidc.client-id", "Candor's client id at the identity provider"}}) {
                String value = config.apply(r[1]);
                if (value == null || value.isBlank()) {
                    problems.add(r[0] + " not set: " + r[2] + " (" + r[1] + "), needed with CANDOR_OIDC_ENABLED");
                }
            }
        }
        return problems;
    }

    private static List<String> missingFirstAdmin(ConfigSourceContext context) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < FIRST_ADMIN.size(); i++) {
            ConfigValue value = context.getValue(FIRST_ADMIN_PROPERTIES.get(i));
            if (value == null || value.getValue() == null || value.getValue().isBlank()) {
                missing.add(FIRST_ADMIN.get(i));
            }
        }
        return missing;
    }

    static String message(List<String> problems, List<String> missingFirstAdmin) {
        StringBuilder message = new StringBuilder("Candor cannot start in production: ")
                .append(problems.size() == 1 ? "a required setting is" : problems.size() + " required settings are")
                .append(" missing or unusable.");
        problems.forEach(p -> message.append("\n  - ").append(p));
        if (!missingFirstAdmin.isEmpty()) {
            message.append("\n  Not set either: ").append(String.join(", ", missingFirstAdmin))
                    .append(" (the first admin; required while the database has no active admin, checked once it answers).");
        }
        return message.append("\nSet them in the environment (ConfigMap candor-config, Secret candor-secrets); see deploy/README.md.").toString();
    }
}
