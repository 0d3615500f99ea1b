package app.candor.support;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Points the test profile at PostgreSQL when the suite runs there ({@link TestDatabase#postgres()}):
 * the schema {@code candor} of the test database, emptied at every app start. Above
 * application.properties (250), below system properties and test profile overrides.
 */
public class TestDatabaseConfigSource implements ConfigSource {

    private final Map<String, String> properties = new HashMap<>();

    public TestDatabaseConfigSource() {
        if (TestDatabase.postgres()) {
            properties.put("quarkus.datasource.db-kind", "postgresql");
            TestDatabase.own("candor").forEach((name, value) -> properties.put("%test." + name, value));
        }
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
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
        return "candor-test-database";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
