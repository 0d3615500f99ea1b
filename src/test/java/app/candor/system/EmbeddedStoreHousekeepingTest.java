package app.candor.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's housekeeping on a real H2 file written as Candor writes it (every commit a chunk,
 * {@code WRITE_DELAY=0}): many small commits leave most chunks nearly empty, and a run rewrites them, the data intact.
 * The retention time is 0 here so that the chunks just written may be rewritten (H2's default waits 45 s).
 */
class EmbeddedStoreHousekeepingTest {

    private static final int ROWS = 20_000;

    @Test
    void sparseChunksAreRewrittenAndTheDataStaysAsItWas(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("candor") + ";WRITE_DELAY=0;RETENTION_TIME=0";
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            churn(c);
            long sum = sum(c);

            EmbeddedStoreHousekeeping.Tidied tidied = EmbeddedStoreHousekeeping.tidy(c, Duration.ofSeconds(30));

            assertThat(tidied.fillBefore()).as("chunks left nearly empty by small commits").isLessThan(EmbeddedStoreHousekeeping.TARGET_FILL_PERCENT);
            assertThat(tidied.steps()).as("steps that rewrote chunks").isPositive();
            assertThat(tidied.fillAfter()).as("the chunks' fill after the run").isGreaterThan(tidied.fillBefore());
            assertThat(sum(c)).as("every row as it was").isEqualTo(sum);
        }
        try (Connection again = DriverManager.getConnection(url, "sa", "")) {
            assertThat(count(again)).as("rows after reopening the file").isEqualTo(ROWS);
        }
    }

    @Test
    void anInMemoryDatabaseHasNothingToTidy() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:housekeeping;MODE=PostgreSQL", "sa", "")) {
            try (Statement s = c.createStatement()) {
                s.execute("create table t (id int primary key)");
                s.execute("insert into t values (1)");
            }
            assertThat(EmbeddedStoreHousekeeping.tidy(c, Duration.ofSeconds(1))).isEqualTo(EmbeddedStoreHousekeeping.Tidied.NOTHING);
        }
    }

    /** A table written once, then updated a few rows per commit, as a busy app does: each commit leaves pages behind. */
    private static void churn(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("create table t (id int primary key, n int not null, v varchar(200) not null)");
            s.execute("insert into t select x, 0, repeat('x', 150) from system_range(1, " + ROWS + ")");
        }
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("update t set n = n + 1 where id = ?")) {
            for (int i = 0; i < 3_000; i++) {
                for (int j = 0; j < 5; j++) {
                    ps.setInt(1, 1 + (int) ((i * 7_919L + j * 104_729L) % ROWS));
                    ps.executeUpdate();
                }
                c.commit();
            }
        }
        c.setAutoCommit(true);
    }

    private static long sum(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select sum(n) + sum(length(v)) from t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
