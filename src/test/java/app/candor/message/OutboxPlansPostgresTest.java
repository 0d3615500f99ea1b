package app.candor.message;

import app.candor.support.NeedsPostgres;
import app.candor.support.NumberedSql;
import app.candor.support.PostgresSchema;
import app.candor.system.TableStatistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dispatcher's statements after the outbox's statistics said it held next to no rows (TableStatistics). The JDBC
 * driver prepares a statement on the server from its fifth use on a connection; PostgreSQL then keeps a generic plan for
 * it, made from the statistics of the moment. Made while they said {@code message} was empty, that plan scans the whole
 * table, and it stays until the table is analysed again: here, 15 claims of an empty (analysed) outbox on each of two
 * connections, then 3 000 letters queued and not analysed, as a first bulk notice right after a new installation's
 * VACUUM ANALYZE. The same happens when the table is analysed while such a notice's insert is uncommitted: the
 * statistics then count its pages and none of its rows, and every plan expects one row.
 * <p>
 * The control connection runs a dispatcher transaction (the claim, and a window read by primary key) as before: it
 * must show the trap, every row of {@code message} read ({@code pg_stat_xact_user_tables}: by a sequential scan, or a
 * walk of a whole index), or this test no longer tests anything. The app's connection first does what the claim's
 * transaction does ({@link TableStatistics#keepCurrent}: its statistics are behind the table, so ANALYZE): then neither connection
 * reads more than the rows it needs, and the statistics are no longer behind.
 * <p>
 * Any table of ours can fall into the same trap: {@code stage_change}, analysed empty, then filled by the first moves,
 * had each move read every move made so far to show one application's history. The app's scheduled look at every
 * table ({@link TableStatistics#behind(Connection)}) analyses it.
 * <p>
 * Database from CANDOR_TEST_PG_URL (as in PostgresMigrationTest): skipped without it, failed on CI.
 */
@NeedsPostgres
class OutboxPlansPostgresTest {

    private static final String SCHEMA = "outbox_plans_test";
    private static final int LETTERS = 3_000;
    /** More than the driver's five uses before it prepares on the server, plus PostgreSQL's five custom plans before a generic one. */
    private static final int EMPTY_CLAIMS = 15;
    /** What a claim and a window read through the indexes, with room: the batch's rows, the window's, a few passed by. */
    private static final int FEW_ROWS = 100;
    private static final String WINDOW_SQL = "select id, state, lease_owner, lease_until, body_html from message where id in (?, ?, ?, ?, ?)";

    private static PostgresSchema schema;

    /** A schema of its own, migrated afresh for each test. */
    @BeforeEach
    void migrate() throws Exception {
        schema = PostgresSchema.fresh(SCHEMA);
        schema.migrate();
    }

    @Test
    void outboxStatisticsBehindTheTableAreBroughtUpToDateAndEveryConnectionFindsItsRowsByIndex() throws Exception {
        try (Connection app = connect(); Connection control = connect()) {
            emptyOutboxAnalysed(app);
            for (int i = 0; i < EMPTY_CLAIMS; i++) { // nothing to claim; an empty table is read by a (harmless) scan
                assertThat(keepCurrent(app)).as("statistics of an empty outbox, the table empty").isFalse();
                dispatcherTransaction(app);
                dispatcherTransaction(control);
            }
            queueLetters(app);

            trappedUntilTheClaimsCheck(app, control, "the generic plan made on the empty outbox");
        }
    }

    @Test
    void statisticsTakenWhileABulkInsertWasUncommittedAreBroughtUpToDateOnceItCommits() throws Exception {
        try (Connection app = connect(); Connection control = connect(); Connection notice = connect()) {
            emptyOutboxAnalysed(app);
            insertLetters(notice); // not committed yet
            try (Statement s = app.createStatement()) {
                s.execute("analyze message"); // as autovacuum, or an earlier rule of ours, may run it now
                app.commit();
            }
            assertThat(keepCurrent(app)).as("the insert uncommitted: nothing changed that ANALYZE could count").isFalse();
            commitCounted(notice);

            trappedUntilTheClaimsCheck(app, control, "statistics of the insert's pages and none of its rows");
        }
    }

    /**
     * With the letters committed: the control connection reads every letter (the trap, made by {@code cause}); the
     * claim's check on the app's connection finds the statistics behind and analyses; then neither connection reads
     * more than the rows it needs, and the statistics are no longer behind.
     */
    private static void trappedUntilTheClaimsCheck(Connection app, Connection control, String cause) throws SQLException {
        assertThat(dispatcherTransaction(control)).as("control: %s make plans that read every letter (PostgreSQL changed?)", cause)
                .isGreaterThanOrEqualTo(LETTERS);
        assertThat(keepCurrent(app)).as("%s, %d letters committed since", cause, LETTERS).isTrue();
        assertThat(dispatcherTransaction(app)).as("rows of message read in a claim's transaction, analysed").isLessThan(FEW_ROWS);
        assertThat(dispatcherTransaction(control)).as("rows of message read on the other connection, analysed").isLessThan(FEW_ROWS);
        assertThat(keepCurrent(app)).as("statistics analysed with the letters in").isFalse();
    }

    @Test
    void anyTableOfOursFilledAfterItWasAnalysedEmptyIsAnalysedByTheScheduledLook() throws Exception {
        try (Connection app = connect(); Connection control = connect()) {
            emptyOutboxAnalysed(app);
            for (int i = 0; i < EMPTY_CLAIMS; i++) {
                historyRead(control);
            }
            try (Statement s = app.createStatement()) { // the first moves, all of another application
                s.execute("insert into stage_change (id, application_id, from_stage, to_stage, changed_by, changed_at, correction)"
                        + " select g, 9002, 'APPLIED', 'SCREENING', 'plans-rita', now(), false from generate_series(10, " + (LETTERS + 9) + ") g");
            }
            commitCounted(app);

            assertThat(historyRead(control)).as("control: the generic plan made on an empty stage_change reads all of it (PostgreSQL changed?)")
                    .isGreaterThanOrEqualTo(LETTERS);
            java.util.Map<String, TableStatistics.Counts> behind = TableStatistics.behind(app);
            assertThat(behind).as("tables behind their statistics").containsOnlyKeys("stage_change");
            assertThat(TableStatistics.analyse(app, "stage_change")).as("ANALYZE by the tables' owner").isNull();
            app.commit();
            assertThat(historyRead(control)).as("rows of stage_change read for one application's history, analysed").isLessThan(10);
            assertThat(TableStatistics.behind(app)).as("tables behind their statistics, analysed").isEmpty();
            app.commit();
        }
    }

    /**
     * One application's history as an application's page or a move reads it, on {@code c}, in a transaction rolled back;
     * returns the rows of stage_change it read.
     */
    private static long historyRead(Connection c) throws SQLException {
        try {
            long before = rowsRead(c, "stage_change");
            try (PreparedStatement s = c.prepareStatement("select id, from_stage, to_stage, changed_by, changed_at, note from stage_change"
                    + " where application_id = ? order by changed_at, id")) {
                s.setLong(1, 9001);
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).as("application 9001's one move").isTrue();
                }
            }
            return rowsRead(c, "stage_change") - before;
        } finally {
            c.rollback();
        }
    }

    /** What {@link TableStatistics#keepCurrent} does at the start of a claim's transaction; whether it analysed. */
    private static boolean keepCurrent(Connection c) throws SQLException {
        try {
            if (!TableStatistics.counts(c, "message").behind()) {
                return false;
            }
            assertThat(TableStatistics.analyse(c, "message")).as("ANALYZE by the tables' owner").isNull();
            return true;
        } finally {
            c.commit();
        }
    }

    /**
     * One claim (a batch of 20) and one window read (5) in a transaction, as the dispatcher runs them on {@code c}; rolled
     * back, so that the outbox stays as it was. Returns the rows of message it read: a few dozen through the indexes, or
     * the whole table once more, through a sequential scan or a full walk of an index, with plans that expect one row.
     */
    private static long dispatcherTransaction(Connection c) throws SQLException {
        try {
            // Counted before and after: the server's pending counts may still hold earlier transactions' reads.
            long readBefore = rowsRead(c, "message");
            Instant now = Instant.now();
            long[] window = new long[5];
            int claimed = 0;
            NumberedSql claimSql = NumberedSql.of(Leases.CLAIM_DUE_SQL);
            try (PreparedStatement claim = c.prepareStatement(claimSql.jdbc())) {
                claimSql.bind(claim, List.of("plans-test", Timestamp.from(now.plusSeconds(300)), Timestamp.from(now), 20));
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        if (claimed < window.length) {
                            window[claimed] = rs.getLong(1);
                        }
                        claimed++;
                    }
                }
            }
            try (PreparedStatement read = c.prepareStatement(WINDOW_SQL)) {
                for (int i = 0; i < window.length; i++) {
                    read.setLong(i + 1, window[i]);
                }
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        assertThat(rs.getString("lease_owner")).isEqualTo("plans-test");
                    }
                }
            }
            return rowsRead(c, "message") - readBefore;
        } finally {
            c.rollback();
        }
    }

    /** The rows of {@code table} read so far in this transaction: by sequential scans, and fetched through any index. */
    private static long rowsRead(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select seq_tup_read + coalesce(idx_tup_fetch, 0) from pg_stat_xact_user_tables"
                     + " where schemaname = '" + SCHEMA + "' and relname = '" + table + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The rows a letter needs (a recruiter, a role, a candidate, an application with its first move), and another
     * application; no letter yet, analysed as autovacuum would.
     */
    private static void emptyOutboxAnalysed(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("insert into app_user (id, username, password, roles, full_name, email, active, created_at)"
                    + " values (9001, 'plans-rita', 'x', 'recruiter', 'Rita', 'rita@example.test', true, now())");
            s.execute("insert into requisition (id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version)"
                    + " values (9001, 'Role', 9001, 9001, 'OPEN', now(), now(), 0)");
            s.execute("insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language, created_at,"
                    + " updated_at, version) values (9001, 'Cand', 'Idate', false, 'c@example.test', 'EMAIL', 'en', now(), now(), 0)");
            s.execute("insert into application (id, requisition_id, candidate_id, recruiter_id, stage, stage_entered_at, created_at,"
                    + " updated_at, version, closure_state, closure_due, promise_lapsed)"
                    + " values (9001, 9001, 9001, 9001, 'APPLIED', now(), now(), now(), 0, 'OPEN', current_date + 10, false)");
            s.execute("insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language, created_at,"
                    + " updated_at, version) values (9002, 'Other', 'Idate', false, 'o@example.test', 'EMAIL', 'en', now(), now(), 0)");
            s.execute("insert into application (id, requisition_id, candidate_id, recruiter_id, stage, stage_entered_at, created_at,"
                    + " updated_at, version, closure_state, closure_due, promise_lapsed)"
                    + " values (9002, 9001, 9002, 9001, 'APPLIED', now(), now(), now(), 0, 'OPEN', current_date + 10, false)");
            s.execute("insert into stage_change (id, application_id, from_stage, to_stage, changed_by, changed_at, correction)"
                    + " values (1, 9001, null, 'APPLIED', 'plans-rita', now(), false)");
            c.commit();
            s.execute("analyze");
            c.commit();
        }
    }

    /** The letters of a bulk notice, committed, and counted in the server's statistics at once (see {@link #commitCounted}). */
    private static void queueLetters(Connection c) throws SQLException {
        insertLetters(c);
        commitCounted(c);
    }

    /** The letters of a bulk notice, in {@code c}'s transaction, left open. */
    private static void insertLetters(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("insert into message (id, application_id, candidate_id, requisition_id, kind, channel, state, cause, recipient,"
                    + " language, subject, body_html, body_text, sender_username, sender_name, created_at, updated_at, due_at, attempts,"
                    + " message_id_header, version) select g, 9001, 9001, 9001, 'ROLE_FILLED', 'EMAIL', 'QUEUED', 'plans:' || g, 'c@example.test',"
                    + " 'en', 'About your application', repeat('<p>The role has been filled. ', 40), repeat('The role has been filled. ', 40),"
                    + " 'plans-rita', 'Rita', now(), now(), now() - interval '1 minute', 0, '<plans-' || g || '@candor.test>', 0"
                    + " from generate_series(1, " + LETTERS + ") g");
        }
    }

    /**
     * Commits, with the transaction's counts handed to the server's statistics as the connection goes idle: a backend
     * otherwise hands them over at most once a second, and the check right after would not see them yet (the app's
     * dispatcher sees them on a later claim).
     */
    private static void commitCounted(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select pg_stat_force_next_flush()");
        }
        c.commit();
    }

    private static Connection connect() throws SQLException {
        Connection c = schema.connect();
        c.setAutoCommit(false);
        return c;
    }
}
