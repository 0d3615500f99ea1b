package app.candor.support;

import io.smallrye.config.common.MapBackedConfigSource;

import java.util.HashMap;
import java.util.Map;

/**
 * Points the test profile at PostgreSQL when the suite runs there ({@link TestDatabase#postgres()}):
 * the schema {@code candor} of the test database, emptied at every app start. Above
 * application.properties (250), below system properties and test profile overrides.
 */
public class TestDatabaseConfigSource extends MapBackedConfigSource {

    public TestDatabaseConfigSource() {
        super("candor-test-database", properties(), 275);
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        if (TestDatabase.postgres()) {
            properties.put("quarkus.datasource.db-kind", "postgresql");
            TestDatabase.own("candor").forEach((name, value) -> properties.put("%test." + name, value));
        }
        return properties;
    }
}
