package app.candor.application;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V27 (a Java migration, db.migration) on H2: it does nothing and is recorded as applied, so both databases keep one
 * sequence of versions. What it sets on PostgreSQL is checked by PostgresMigrationTest, on the schema it migrates.
 */
class ApplicationAutovacuumTest {

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
}
