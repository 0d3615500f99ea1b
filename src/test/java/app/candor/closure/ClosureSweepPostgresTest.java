package app.candor.closure;

import app.candor.support.NeedsPostgres;
import app.candor.support.NumberedSql;
import app.candor.support.PostgresSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The closure sweep's own SQL on PostgreSQL ({@link ClosureSweep#pgOverdueSql}, {@link ClosureSweep#pgDueSoonSql}, in
 * rounds as the sweep runs them) on a real PostgreSQL, as two instances would run it at the same moment: the second
 * sweep's UPDATE waits on the first one's row locks (observed in pg_stat_activity, not timed), then finds those rows
 * flagged and flags nothing. And what the rounds are for: once a sweep has flagged many rows, a sweep with nothing new
 * reads a few index pages, not every row the busy one flagged. Database from CANDOR_TEST_PG_URL (as in
 * PostgresMigrationTest); its own schema.
 */
@NeedsPostgres
class ClosureSweepPostgresTest {

    private static final Logger LOG = Logger.getLogger(ClosureSweepPostgresTest.class);
    private static final String SCHEMA = "sweep_test";
    private static final int OVERDUE = 2000;
    private static final int DUE_SOON = 500;
    private static final int CLOSED = 40_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.parse("2031-06-04"); // a Wednesday
    private static PostgresSchema schema;

    @BeforeAll
    static void freshSchema() throws Exception {
        schema = PostgresSchema.fresh(SCHEMA);
        schema.migrate();
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
            // Their watches, as ClosureWatch keeps them: a closure_watch row per open application.
            s.execute("insert into closure_watch (application_id, due, flag) select id, closure_due, 0 from application");
            // Closed applications beside them, as in any team's table: most of its rows, and none in closure_watch, so the
            // sweep never reads them.
            s.execute("insert into requisition (id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version)"
                    + " values (2, 'Filled Role', 1, 2, 'FILLED', now(), now(), 0)");
            s.execute("insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language,"
                    + " created_at, updated_at, version) select g, 'C', 'N' || g, false, 'c' || g || '@example.test', 'EMAIL', 'en',"
                    + " now(), now(), 0 from generate_series(" + (total + 1) + ", " + CLOSED + ") g");
            s.execute("insert into application (id, requisition_id, candidate_id, stage, stage_entered_at, created_at, updated_at,"
                    + " version, closure_due, closure_state, closed_at) select 100000 + g, 2, g, 'REJECTED', now(), now(),"
                    + " now(), 0, date '2031-01-01' + g % 150, 'CLOSED', now()"
                    + " from generate_series(1, " + CLOSED + ") g");
            s.execute("analyze");
        }
    }

    /** Each test starts with no promise flagged. */
    @BeforeEach
    void nothingFlagged() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("update closure_watch set flag = 0, overdue_at = null, due_soon_at = null where flag <> 0");
        }
    }

    @Test
    void twoSweepsAtOnceFlagEachApplicationOnce() throws Exception {
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
                         + ".closure_watch where flag = 2")) {
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

    @Test
    void aSweepWithNothingNewAfterABusyOneReadsAFewIndexPages() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            assertThat(sweep(c, Instant.parse("2031-06-04T08:00:00Z"))).containsExactly(OVERDUE, DUE_SOON);
            c.commit();
            // The first sweep with nothing new after it marks the flagged rows' old index entries dead. A transaction still
            // open elsewhere in this database may keep PostgreSQL from doing so for a moment: the next sweep then does it.
            long blocks = Long.MAX_VALUE;
            String plan = "";
            for (int attempt = 1; attempt <= 5 && blocks > 20; attempt++) {
                assertThat(sweep(c, Instant.parse("2031-06-04T09:00:00Z").plusSeconds(attempt))).containsExactly(0, 0);
                c.commit();
                plan = explainIdleOverdue(c);
                JsonNode top = JSON.readTree(plan).get(0).path("Plan");
                blocks = top.path("Shared Hit Blocks").asLong() + top.path("Shared Read Blocks").asLong();
            }
            LOG.infof("ClosureSweepPostgresTest: a sweep with nothing new after %d flagged read %d blocks", OVERDUE, blocks);
            // A bitmap scan visits the pages of every row flagged again (34 blocks here when measured, 10 000 at a million).
            assertThat(plan).as("the select reads the watch index in due order").contains("\"Index Scan\"")
                    .doesNotContain("\"Bitmap Heap Scan\"");
            assertThat(blocks).as("blocks read by a sweep with nothing new (plan: %s)", plan).isLessThanOrEqualTo(20);
        }
    }

    /** The overdue step's first round with nothing to flag (all an idle sweep runs), explained with its buffers. */
    private static String explainIdleOverdue(Connection c) throws SQLException {
        NumberedSql sql = NumberedSql.of(ClosureSweep.pgOverdueSql(ClosureSweep.PG_FIRST_ROUND));
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers, format json) " + sql.jdbc())) {
            sql.bind(ps, List.of(Timestamp.from(Instant.parse("2031-06-04T10:00:00Z")), 0, TODAY));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            } finally {
                c.rollback();
            }
        }
    }

    /** The sweep's statements, in the sweep's order and rounds, in the connection's open transaction: [overdue, due soon]. */
    private static int[] sweep(Connection c, Instant now) throws SQLException {
        LocalDate dueSoonUntil = TODAY.plusDays(1); // Thursday: the next business day
        Timestamp at = Timestamp.from(now);
        int overdue = 0;
        for (int flag = 0; flag <= 1; flag++) {
            overdue += inRounds(c, ClosureSweep::pgOverdueSql, List.of(at, flag, TODAY));
        }
        int dueSoon = inRounds(c, ClosureSweep::pgDueSoonSql, List.of(at, TODAY, dueSoonUntil));
        return new int[] {overdue, dueSoon};
    }

    /** A step as ClosureSweep runs it on PostgreSQL: its rounds ({@link ClosureSweep#inRounds(java.util.function.IntUnaryOperator)}). */
    private static int inRounds(Connection c, IntFunction<String> round, List<?> values) {
        return ClosureSweep.inRounds(limit -> {
            NumberedSql sql = NumberedSql.of(round.apply(limit));
            try (PreparedStatement ps = c.prepareStatement(sql.jdbc())) {
                sql.bind(ps, values);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void awaitBlockedOnLock(Connection watcher, Duration within) throws SQLException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            try (Statement s = watcher.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                         + " and query like 'update closure_watch set flag%'")) {
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
        return schema.connect();
    }
}
