package app.candor.application;

import app.candor.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * V27 (a Java migration, db.migration): on PostgreSQL autovacuum's threshold for application is 2 % of its rows; on H2
 * the migration does nothing and is recorded as applied, so both databases keep one sequence of versions. Each on a
 * database of its own (H2 in memory; on PostgreSQL a schema, when CANDOR_TEST_PG_URL is given).
 */
class ApplicationAutovacuumTest {

    private static final String SCHEMA = "autovacuum_migration_test";

    @Test
    void onH2TheVersionIsRecordedAndNothingElse() throws Exception {
        String url = "jdbc:h2:mem:autovacuum-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select type, success from flyway_schema_history where version = '27'")) {
            assertThat(rs.next()).as("V27 recorded").isTrue();
            assertThat(rs.getString(1)).isEqualTo("JDBC");
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }

    @Test
    void onPostgresAutovacuumVisitsApplicationAfterTwoPercentChanged() throws Exception {
        if (!TestDatabase.postgresGiven("ApplicationAutovacuumTest")) {
            abort("no PostgreSQL URL given (CANDOR_TEST_PG_URL)");
        }
        String url = TestDatabase.postgresUrl();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.postgresUser(), TestDatabase.postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        Flyway.configure().dataSource(url, TestDatabase.postgresUser(), TestDatabase.postgresPassword())
                .locations("classpath:db/migration").schemas(SCHEMA).load().migrate();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.postgresUser(), TestDatabase.postgresPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select array_to_string(c.reloptions, ',') from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                     + " where n.nspname = '" + SCHEMA + "' and c.relname = 'application'")) {
            assertThat(rs.next()).as("application in " + SCHEMA).isTrue();
            assertThat(rs.getString(1)).isEqualTo("autovacuum_vacuum_scale_factor=0.02");
        }
    }
}
