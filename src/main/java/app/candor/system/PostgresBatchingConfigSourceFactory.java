package app.candor.system;

import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * On PostgreSQL, the JDBC driver sends Hibernate's batches (statement-batch-size 50) as multi-row inserts
 * ({@code reWriteBatchedInserts}): a bulk role notice writes its thousands of messages and stage changes
 * in a few statements instead of one round trip per row. Only when the build's db-kind is PostgreSQL:
 * H2 refuses a connection with a setting it does not know. The ordinal is below application.properties,
 * so anyone can still set the property (to false) there or in the environment.
 */
public class PostgresBatchingConfigSourceFactory implements ConfigSourceFactory {

    static final String DB_KIND = "quarkus.datasource.db-kind";
    static final String REWRITE_BATCHED_INSERTS = "quarkus.datasource.jdbc.additional-jdbc-properties.reWriteBatchedInserts";
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue kind = context.getValue(DB_KIND);
        if (kind == null || kind.getValue() == null || !DatabaseKind.isPostgreSQL(kind.getValue().strip())) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(REWRITE_BATCHED_INSERTS, "true"), "candor-postgres-batching", ORDINAL));
    }
}
