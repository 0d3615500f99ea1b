package app.candor.system;

import app.candor.support.DatabaseNeutral;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The H2 we ship keeps a CHECK constraint working after the connection that created it is closed. H2 2.4.240
 * (the Quarkus BOM's) did not: the constraint kept the creating session, and once the pool retired the
 * connection that had run the migrations, every write it checks failed with "Check constraint invalid" (issue 16).
 * Plain JDBC, as Flyway and then the pool use it: one connection creates, another writes.
 */
@DatabaseNeutral
class H2ConstraintAcrossConnectionsTest {

    private static final String URL = "jdbc:h2:mem:constraint-across-connections;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

    @Test
    void aCheckConstraintStillChecksAfterTheConnectionThatCreatedItIsClosed() throws SQLException {
        try (Connection keepsTheDatabase = DriverManager.getConnection(URL, "sa", "")) {
            try (Connection migrating = DriverManager.getConnection(URL, "sa", "");
                 Statement ddl = migrating.createStatement()) {
                ddl.execute("create table stage_move (id bigint primary key, stage varchar(20) not null"
                        + " constraint ck_stage_move_stage check (stage in ('APPLIED', 'SCREENING', 'REJECTED')))");
            }

            try (Connection later = DriverManager.getConnection(URL, "sa", "");
                 Statement write = later.createStatement()) {
                write.executeUpdate("insert into stage_move (id, stage) values (1, 'APPLIED')");
                write.executeUpdate("update stage_move set stage = 'SCREENING' where id = 1");
                assertThatThrownBy(() -> write.executeUpdate("insert into stage_move (id, stage) values (2, 'LOST')"))
                        .as("a value outside the constraint is still refused, by the constraint")
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23513"))
                        .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("ck_stage_move_stage"));
                try (ResultSet rows = write.executeQuery("select stage from stage_move")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("SCREENING");
                    assertThat(rows.next()).isFalse();
                }
            }
            try (Statement drop = keepsTheDatabase.createStatement()) {
                drop.execute("drop all objects");
            }
        }
    }
}
