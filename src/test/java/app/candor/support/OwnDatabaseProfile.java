package app.candor.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A test profile with a database of its own ({@link TestDatabase#own}) and a few settings of its own, given as
 * key-value pairs: {@code super("candor-digest", "candor.holidays", "2033-03-08")}. Every profile restarts the app,
 * so reuse {@link MailProfile} or the default where the settings allow.
 */
public abstract class OwnDatabaseProfile implements QuarkusTestProfile {

    private final String database;
    private final String[] settings;

    protected OwnDatabaseProfile(String database, String... settings) {
        if (settings.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in key-value pairs");
        }
        this.database = database;
        this.settings = settings;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = TestDatabase.own(database);
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        return config;
    }
}
