package app.candor.support;

import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.util.Map;
import java.util.Optional;

/** What a config source factory makes of a setting, beside {@code properties} at application.properties' ordinal (250). */
public final class FactoryConfig {

    private FactoryConfig() {
    }

    public static Optional<String> value(ConfigSourceFactory factory, Map<String, String> properties, String name) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(factory)
                .build()
                .getOptionalValue(name, String.class);
    }
}
