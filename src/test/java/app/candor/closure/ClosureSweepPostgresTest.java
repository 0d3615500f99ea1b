package app.candor.closure;

import app.candor.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The closure sweep's own SQL ({@link ClosureSweep#OVERDUE_SQL}, {@link ClosureSweep#DUE_SOON_SQL}) on a
 * real PostgreSQL, as two instances would run it at the same moment: the second sweep's UPDATE waits on
 * the first one's row locks (observed in pg_stat_activity, not timed), then finds those rows flagged and
 * flags nothing. Database from CANDOR_TEST_PG_URL (as in PostgresMigrationTest); its own schema.
 */
class ClosureSweepPostgresTest {

    private static final Logger LOG = Logger.getLogger(ClosureSweepPostgresTest.class);
    private static final String SCHEMA = "sweep_test";
    private static final int OVERDUE = 2000;
    private static final int DUE_SOON = 500;
    private static final LocalDate TODAY = LocalDate.parse("2031-06-04"); // a Wednesday
    private static String url;
    private static String user;
    private static String password;

    @BeforeAll
    static void freshSchema() throws Exception {
        if (!TestDatabase.postgresGiven("ClosureSweepPostgresTest")) {
            return;
        }
        url = TestDatabase.postgresUrl();
        user = TestDatabase.postgresUser();
        password = TestDatabase.postgresPassword();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").schemas(SCHEMA).load().migrate();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("insert into app_user (id, username, password, roles, full_name, active, created_at) values"
                    + " (1, 'rita', 'x', 'recruiter', 'Rita', true, now()), (2, 'harry', 'x', 'hiring-manager', 'Harry', true, now())");
            s.execute("insert into requisition (id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version)"
                    + " values (1, 'Sweep Role', 1, 2, 'OPEN', now(), now(), 0)");
            int total = OVERDUE + DUE_SOON + 1000;
            s.execute("insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language,"
                    + " created_at, updated_at, version) select g, 'C', 'N' || g, false, 'c' || g || '@example.test', 'EMAIL', 'en',"
                    + " now(), now(), 0 from generate_series(1, " + total + ") g");
            // OVERDUE promises passed, DUE_SOON due tomorrow, the rest next month.
            s.execute("insert into application (id, requisition_id, candidate_id, stage, stage_entered_at, created_at, updated_at,"
                    + " version, closure_due) select g, 1, g, 'SCREENING', now(), now(), now(), 0, case when g <= " + OVERDUE
                    + " then date '2031-06-01' when g <= " + (OVERDUE + DUE_SOON) + " then date '2031-06-05' else date '2031-07-15' end"
                    + " from generate_series(1, " + total + ") g");
        }
    }

    @Test
    void twoSweepsAtOnceFlagEachApplicationOnce() throws Exception {
        if (url == null || url.isBlank()) {
            abort("no PostgreSQL URL given (CANDOR_TEST_PG_URL)");
        }
        Instant first = Instant.parse("2031-06-04T06:00:00Z");
        Instant second = Instant.parse("2031-06-04T06:00:01Z");
        try (Connection a = connect(); Connection b = connect(); Connection watcher = connect()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            int[] byFirst = sweep(a, first); // holds its row locks until commit
            CompletableFuture<int[]> secondSweep = CompletableFuture.supplyAsync(() -> {
                try {
                    int[] counts = sweep(b, second);
                    b.commit();
                    return counts;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitBlockedOnLock(watcher, Duration.ofSeconds(30));
            a.commit();
            int[] bySecond = secondSweep.get(60, TimeUnit.SECONDS);

            assertThat(byFirst[0] + bySecond[0]).as("overdue flags").isEqualTo(OVERDUE);
            assertThat(byFirst[1] + bySecond[1]).as("due-soon flags").isEqualTo(DUE_SOON);
            assertThat(bySecond).as("the second sweep found everything flagged").containsExactly(0, 0);
            try (Statement s = watcher.createStatement();
                 ResultSet rs = s.executeQuery("select count(*), count(distinct overdue_at), min(overdue_at) from " + SCHEMA
                         + ".application where closure_flag = 2")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(OVERDUE);
                assertThat(rs.getInt(2)).as("each written once, by the first sweep").isEqualTo(1);
                assertThat(rs.getTimestamp(3).toInstant()).isEqualTo(first);
            }
            // A third sweep later finds nothing new.
            int[] third = sweep(a, Instant.parse("2031-06-04T07:00:00Z"));
            a.commit();
            assertThat(third).containsExactly(0, 0);
        }
    }

    /** The sweep's statements, in the sweep's order, in the connection's open transaction: [overdue, due soon]. */
    private static int[] sweep(Connection c, Instant now) throws SQLException {
        LocalDate dueSoonUntil = TODAY.plusDays(1); // Thursday: the next business day
        int overdue = 0;
        for (int flag = 0; flag <= 1; flag++) {
            try (PreparedStatement ps = c.prepareStatement(jdbc(ClosureSweep.OVERDUE_SQL))) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setInt(2, flag);
                ps.setObject(3, TODAY);
                overdue += ps.executeUpdate();
            }
        }
        int dueSoon;
        try (PreparedStatement ps = c.prepareStatement(jdbc(ClosureSweep.DUE_SOON_SQL))) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setObject(2, TODAY);
            ps.setObject(3, dueSoonUntil);
            dueSoon = ps.executeUpdate();
        }
        return new int[] {overdue, dueSoon};
    }

    /** JPA's numbered parameters (?1, ?2 …, each used once and in order) as JDBC's plain ones. */
    private static String jdbc(String sql) {
        return sql.replaceAll("\\?\\d+", "?");
    }

    private static void awaitBlockedOnLock(Connection watcher, Duration within) throws SQLException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try (Statement s = watcher.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                         + " and query like 'update application set closure_flag%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        fail("the second sweep never waited for the first one's row locks");
    }

    private static Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA + ", public");
        }
        return c;
    }
}
