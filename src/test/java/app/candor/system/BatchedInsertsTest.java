package app.candor.system;

import app.candor.support.FactoryConfig;
import app.candor.support.TestDatabase;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static app.candor.system.PostgresBatchingConfigSourceFactory.REWRITE_BATCHED_INSERTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batched writes: on PostgreSQL the driver is told to rewrite Hibernate's JDBC batches into multi-row
 * inserts; on H2 (which refuses unknown connection settings) nothing is added. Runs on whichever
 * database the suite runs on (-Ppostgresql or H2) and checks the app's own connection pool.
 */
@QuarkusTest
class BatchedInsertsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theAppsConnectionsRewriteBatchesOnPostgresqlAndCarryNoSuchSettingOnH2() throws Exception {
        Optional<String> rewrite = ConfigProvider.getConfig().getOptionalValue(REWRITE_BATCHED_INSERTS, String.class);
        int[] counts;
        QuarkusTransaction.begin(); // four sweep rows written to see how the driver sends them, then rolled back
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("insert into closure_sweep (id, started_at, finished_at, today, due_soon,"
                     + " overdue, duration_ms, instance) values (?, ?, ?, ?, 0, 0, 0, 'batch-test')")) {
            for (long id = 1; id <= 4; id++) {
                ps.setLong(1, 900_000_000L + id);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setObject(4, LocalDate.now());
                ps.addBatch();
            }
            counts = ps.executeBatch();
        } finally {
            QuarkusTransaction.rollback();
        }
        if (TestDatabase.postgres()) {
            assertThat(rewrite).contains("true");
            // A rewritten batch goes out as multi-row inserts (the driver splits it into powers of two, here one of four
            // rows), and then cannot say which row counted what.
            assertThat(counts).containsOnly(Statement.SUCCESS_NO_INFO).hasSize(4);
        } else {
            assertThat(rewrite).isEmpty();
            assertThat(counts).containsExactly(1, 1, 1, 1);
        }
    }

    @Test
    void onlyAPostgresqlBuildGetsTheSettingAndAnExplicitValueStillWins() {
        assertThat(rewriteWith(Map.of("quarkus.datasource.db-kind", "postgresql"))).contains("true");
        assertThat(rewriteWith(Map.of("quarkus.datasource.db-kind", "pgsql"))).as("an alias of postgresql").contains("true");
        assertThat(rewriteWith(Map.of("quarkus.datasource.db-kind", "h2"))).isEmpty();
        assertThat(rewriteWith(Map.of())).isEmpty();
        assertThat(rewriteWith(Map.of("quarkus.datasource.db-kind", "postgresql", REWRITE_BATCHED_INSERTS, "false")))
                .as("application.properties or the environment can turn it off").contains("false");
    }

    private static Optional<String> rewriteWith(Map<String, String> properties) {
        return FactoryConfig.value(new PostgresBatchingConfigSourceFactory(), properties, REWRITE_BATCHED_INSERTS);
    }
}
