package app.candor.closure;

import app.candor.message.Leases;
import app.candor.support.NeedsPostgres;
import app.candor.support.NumberedSql;
import app.candor.support.PostgresSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans PostgreSQL chooses for the queries that must stay cheap as the data grows: the outbox claim,
 * the closure sweep, the board's counts and pages, the digest and the metrics. A schema of its own
 * ({@value #SCHEMA}) is migrated with the app's Flyway migrations and filled with a realistic volume
 * ({@value #APPLICATIONS} applications, one in ten open; {@value #MESSAGES} messages, nearly all sent), then
 * analysed. Each query is run under {@code EXPLAIN (ANALYZE, FORMAT JSON)} in a transaction that is rolled
 * back, with the parameters the app would bind; the test asserts the index it must use (by name), that no
 * sequential scan reads application or message, and a bound on the rows the scans examine (rows returned
 * plus rows removed by a filter): what must not grow with the table does not. Timings are logged, never asserted.
 *
 * <p>The SQL is the app's own where it is native (the constants of Leases, ClosureSweep, ClosureDigest,
 * ClosureMetrics). The board's and the digest's queries are HQL built at run time: their SQL below is what
 * Hibernate generated for them on PostgreSQL (quarkus.hibernate-orm.log.sql, ClosureBoardTest and
 * ClosureDigestTest with -Ppostgresql), with the select lists shortened; keep them in step with the HQL.
 *
 * <p>Database from CANDOR_TEST_PG_URL (as in PostgresMigrationTest): skipped without it, failed on CI.
 */
@NeedsPostgres
class QueryPlansPostgresTest {

    private static final Logger LOG = Logger.getLogger(QueryPlansPostgresTest.class);
    private static final String SCHEMA = "plans_test";
    private static final ObjectMapper JSON = new ObjectMapper();

    static final int USERS = 61; // 1-50 recruiters, 51-60 hiring managers, 61 an admin
    static final int RECRUITERS = 50;
    static final int REQUISITIONS = 2_000;
    static final int CANDIDATES = 150_000;
    static final int APPLICATIONS = 200_000;
    static final int MESSAGES = 200_000;
    static final int INTERVIEWS = 20_000;

    /** A Wednesday; the next business day is the last one that counts as due soon. */
    static final LocalDate TODAY = LocalDate.parse("2031-06-04");
    static final LocalDate DUE_SOON_UNTIL = TODAY.plusDays(1);
    static final Instant NOW = Instant.parse("2031-06-04T08:00:00Z");
    /** The recruiter whose "mine" board and digest are explained. */
    static final long RECRUITER = 7;
    static final int PAGE = 50;

    static final List<String> CANDIDATE_KINDS = List.of("OFFER", "REJECTION", "ROLE_ON_HOLD", "ROLE_CANCELLED", "ROLE_FILLED",
            "ROLE_REOPENED", "DECISION_DELAYED", "WITHDRAWAL_ACKNOWLEDGEMENT", "INTERVIEW_INVITATION", "INTERVIEW_RESCHEDULED",
            "INTERVIEW_CANCELLED", "FEEDBACK", "INTERVIEW_DEBRIEF");
    static final List<String> CLOSING_KINDS = List.of("OFFER", "REJECTION", "ROLE_CANCELLED", "ROLE_FILLED", "WITHDRAWAL_ACKNOWLEDGEMENT");
    static final List<String> UNTOLD = List.of("CALL_PENDING", "FAILED", "SCHEDULED", "QUEUED");
    static final List<String> PIPELINE = List.of("APPLIED", "SCREENING", "INTERVIEW", "FINAL_INTERVIEW", "OFFER");

    private static PostgresSchema schema;

    @BeforeAll
    static void seed() throws Exception {
        long started = System.nanoTime();
        schema = PostgresSchema.fresh(SCHEMA);
        schema.migrate();
        try (Connection c = connect(true); Statement s = c.createStatement()) {
            for (String sql : seedSql()) {
                s.execute(sql);
            }
            // What autovacuum does in production: statistics, and the visibility map that lets index-only scans skip the heap.
            s.execute("vacuum analyze");
        }
        LOG.infof("QueryPlansPostgresTest: schema %s seeded and analysed in %d s", SCHEMA, (System.nanoTime() - started) / 1_000_000_000);
    }

    /**
     * One query to explain: its SQL and parameters, the indexes it may use (one of them; none: it reads no table), how
     * many rows its scans may examine, and statements run first in the same (rolled back) transaction.
     */
    record Case(String name, String sql, List<Object> params, Set<String> indexes, long maxExamined, List<String> before) {

        Case(String name, String sql, List<Object> params, Set<String> indexes, long maxExamined) {
            this(name, sql, params, indexes, maxExamined, List.of());
        }

        Case(String name, String sql, Set<String> indexes, long maxExamined, Object... params) {
            this(name, sql, List.of(params), indexes, maxExamined, List.of());
        }
    }

    @TestFactory
    Stream<DynamicTest> eachQueryUsesItsIndexAndExaminesFewRows() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    // --- the queries ---

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Timestamp now = Timestamp.from(NOW);

        // Outbox: the claim as PostgreSQL runs it, the due select and the lease update in one statement. 2 600 due (a
        // bulk notice being delivered, 200 of them leased elsewhere) among 196 000 sent: read in due order up to the
        // batch; never the sent ones.
        cases.add(new Case("outbox claim (one statement)", Leases.CLAIM_DUE_SQL, Set.of("ix_message_due_order"), 500,
                "dispatcher-plans", Timestamp.from(NOW.plusSeconds(300)), now, 50));
        // A backlog of 22 600 (say, the mail server was away for an hour): PostgreSQL reads them in due order from
        // ix_message_due_order and stops at the batch, instead of reading and sorting all of them for every batch.
        String backlog = "update message set state = 'QUEUED', due_at = timestamptz '" + NOW + "' - (id % 3600) * interval '1 second',"
                + " sent_at = null where id % 10 = 3 and state = 'SENT'";
        cases.add(new Case("outbox claim, backlog of 22 600", Leases.CLAIM_DUE_SQL,
                List.of("dispatcher-plans", Timestamp.from(NOW.plusSeconds(300)), now, 50), Set.of("ix_message_due_order"), 500,
                List.of(backlog, "analyze message")));
        // The same right after a bulk enqueue, before autovacuum's ANALYZE: the statistics still say 2 600 are due.
        // Offered ix_message_due (state, due_at), PostgreSQL fetched them all and sorted them for every batch.
        cases.add(new Case("outbox claim, bulk enqueued, statistics behind", Leases.CLAIM_DUE_SQL,
                List.of("dispatcher-plans", Timestamp.from(NOW.plusSeconds(300)), now, 50), Set.of("ix_message_due_order"), 500,
                List.of(backlog)));
        // The same after a quiet time: the statistics say nothing is queued. Given the state on the updated rows, PostgreSQL
        // found the batch's rows through ix_message_due too, reading every queued message's row for each batch.
        String quiet = "update message set state = 'SENT', due_at = null, sent_at = timestamptz '" + NOW + "'"
                + " where state in ('QUEUED', 'SCHEDULED')";
        cases.add(new Case("outbox claim, bulk enqueued after a quiet time, statistics behind", Leases.CLAIM_DUE_SQL,
                List.of("dispatcher-plans", Timestamp.from(NOW.plusSeconds(300)), now, 50), Set.of("ix_message_due_order"), 500,
                List.of(quiet, "analyze message", backlog)));
        // The dispatcher's window of claimed messages (DeliveryWindow.read), by primary key alone however many are queued, in
        // the generic plan PostgreSQL caches for a statement the driver has prepared five times. Given the state as well,
        // that plan intersected the ids with ix_message_due's entries for every queued message. Each with its candidate's
        // flag, by the candidate's primary key.
        cases.add(new Case("outbox window read, generic plan, after a quiet time", "select m1_0.id, m1_0.body_html, m1_0.body_text,"
                + " m1_0.lease_owner, m1_0.lease_until, m1_0.state, case when c1_0.email_undeliverable is null then false else true end"
                + " from Message m1_0 left join candidate c1_0 on c1_0.id = m1_0.candidate_id where m1_0.id" + in(16)
                + " order by m1_0.due_at, m1_0.id",
                windowIds(), Set.of("message_pkey"), 32, List.of(quiet, "analyze message", backlog, "set local plan_cache_mode = force_generic_plan")));

        // Closure sweep: each step seeks the unflagged rows of its kind; with nothing new it reads nothing. On PostgreSQL in
        // rounds: the first one's select must be a plain index scan in due order (ClosureSweep.pgOverdueSql says why).
        for (int limit : List.of(ClosureSweep.PG_FIRST_ROUND, ClosureSweep.PG_ROUND)) {
            String round = limit == ClosureSweep.PG_FIRST_ROUND ? ", first round" : ", later round";
            cases.add(new Case("sweep overdue (flag 0)" + round, ClosureSweep.pgOverdueSql(limit), Set.of("ix_closure_watch_sweep"), 1_000,
                    now, 0, TODAY));
            cases.add(new Case("sweep overdue (flag 1)" + round, ClosureSweep.pgOverdueSql(limit), Set.of("ix_closure_watch_sweep"), 1_000,
                    now, 1, TODAY));
            cases.add(new Case("sweep due soon" + round, ClosureSweep.pgDueSoonSql(limit), Set.of("ix_closure_watch_sweep"), 1_000,
                    now, TODAY, DUE_SOON_UNTIL));
        }
        cases.add(new Case("sweep prune runs", ClosureSweep.PRUNE_RUNS_SQL, Set.of("ix_closure_sweep_started"), 1_000,
                Timestamp.from(NOW.minus(ClosureSweep.KEEP_RUNS))));

        // Board counts, team and mine (ClosureBoard.parts): answered from an index, never from application rows one by one.
        for (Long me : new Long[] {null, RECRUITER}) {
            String scope = me == null ? "team" : "mine";
            String mine = me == null ? "" : " and a1_0.recruiter_id=" + me;
            // The team's counts are index-only reads of either board index (both lead with the state, then chased_at).
            Set<String> board = me == null ? Set.of("ix_application_board_count", "ix_application_board_mine")
                    : Set.of("ix_application_board_mine");
            Set<String> chased = me == null ? Set.of("ix_application_chased", "ix_application_board_count") : board;
            cases.add(new Case("board count overdue+chased (" + scope + ")", BOARD_COUNT + OVERDUE_CHASED + mine, chased, 1_000,
                    "OPEN", Timestamp.from(ClosureBoard.CHASED_SINCE), Timestamp.from(ClosureBoard.CHASED_UNTIL), TODAY));
            // Counting the overdue reads each of them (10 000 of the 20 000 open): from the index, never the table.
            cases.add(new Case("board count overdue (" + scope + ")", BOARD_COUNT + OVERDUE + mine, board, 11_000, "OPEN", TODAY));
            cases.add(new Case("board count chased (" + scope + ")", BOARD_COUNT + CHASED + mine, chased, 1_000,
                    "OPEN", Timestamp.from(ClosureBoard.CHASED_SINCE), Timestamp.from(ClosureBoard.CHASED_UNTIL), TODAY));
            cases.add(new Case("board count due soon (" + scope + ")", BOARD_COUNT + DUE_SOON + mine, board, 1_000,
                    "OPEN", TODAY, DUE_SOON_UNTIL));

            String byPromise = me == null ? " order by a1_0.closure_state, a1_0.chased_at, a1_0.closure_due, a1_0.requisition_id, a1_0.id"
                    : " order by a1_0.closure_state, a1_0.recruiter_id, a1_0.chased_at, a1_0.closure_due, a1_0.id";
            // The application sections' pages in two steps (ClosureBoard.slice): the page's ids off the board index alone
            // (index-only: the index ends in the id, V13), reading offset + page entries; then those rows by primary key.
            cases.add(new Case("board page 1 ids overdue+chased (" + scope + ")", BOARD_IDS + OVERDUE_CHASED + mine
                    + " order by a1_0.closure_due, a1_0.id" + PAGED, chased, 1_000,
                    "OPEN", Timestamp.from(ClosureBoard.CHASED_SINCE), Timestamp.from(ClosureBoard.CHASED_UNTIL), TODAY, 0, PAGE));
            cases.add(new Case("board page 1 ids overdue (" + scope + ")", BOARD_IDS + OVERDUE + mine + byPromise + PAGED, board, PAGE,
                    "OPEN", TODAY, 0, PAGE));
            cases.add(new Case("board page 20 ids overdue (" + scope + ")", BOARD_IDS + OVERDUE + mine + byPromise + PAGED, board, 20 * PAGE,
                    "OPEN", TODAY, 19 * PAGE, PAGE));
            cases.add(new Case("board page 1 ids chased (" + scope + ")", BOARD_IDS + CHASED + mine + " order by a1_0.chased_at, a1_0.id" + PAGED,
                    chased, 1_000, "OPEN", Timestamp.from(ClosureBoard.CHASED_SINCE), Timestamp.from(ClosureBoard.CHASED_UNTIL), TODAY, 0, PAGE));
            cases.add(new Case("board page 1 ids due soon (" + scope + ")", BOARD_IDS + DUE_SOON + mine + byPromise + PAGED, board, PAGE,
                    "OPEN", TODAY, DUE_SOON_UNTIL, 0, PAGE));
            String messagesMine = me == null ? "" : " and r1_0.recruiter_id=" + me;
            for (String state : List.of("CALL_PENDING", "FAILED")) {
                List<Object> params = new ArrayList<>();
                params.add(state);
                params.addAll(padded(CANDIDATE_KINDS));
                cases.add(new Case("board count " + state + " (" + scope + ")", (me == null ? BOARD_MESSAGE_COUNT : BOARD_MESSAGE_COUNT_MINE)
                        + in(16) + messagesMine, params, Set.of("ix_message_due"), 1_000));
                List<Object> paged = new ArrayList<>(params);
                paged.add(0);
                paged.add(PAGE);
                cases.add(new Case("board page 1 " + state + " (" + scope + ")", BOARD_MESSAGE_PAGE + in(16)
                        + (me == null ? "" : " and r2_0.id=" + me) + " order by m1_0.created_at, m1_0.id" + PAGED,
                        paged, Set.of("ix_message_due"), 1_000));
            }
        }

        // Board: the closing letters still untold for the page's applications (BoardRows.facts).
        List<Object> facts = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            facts.add((long) Math.min(50, i + 1) * 1_000); // 50 application ids, padded to 64 as Hibernate pads IN lists
        }
        facts.addAll(padded(CLOSING_KINDS));
        facts.addAll(UNTOLD);
        cases.add(new Case("board untold letters of a page", "select m1_0.application_id, m1_0.id, m1_0.kind, m1_0.state from Message m1_0"
                + " where m1_0.application_id" + in(64) + " and m1_0.kind" + in(8) + " and m1_0.state" + in(4)
                + " order by m1_0.created_at, m1_0.id", facts, Set.of("ix_message_application"), 1_000));

        // Board: interviews whose feedback is missing.
        List<Object> feedback = new ArrayList<>(List.of("SCHEDULED", "CLOSED"));
        feedback.addAll(padded(PIPELINE));
        feedback.add("SUBMITTED");
        cases.add(new Case("board count feedback missing", "select count(i1_0.id) from Interview i1_0"
                + " join Application a1_0 on a1_0.id=i1_0.application_id join Requisition r1_0 on r1_0.id=a1_0.requisition_id"
                + " join app_user hm1_0 on hm1_0.id=r1_0.hiring_manager_id" + FEEDBACK_MISSING, feedback,
                Set.of("ix_interview_feedback_reminded"), 1_000));

        // Digest: who is still waiting for today's, the claim, and each recruiter's counts and first rows.
        cases.add(new Case("digest pending recruiters", ClosureDigest.PENDING_SQL, Set.of("pk_closure_digest"), 1_000, TODAY));
        // The claim reads nothing: the primary key refuses a day already claimed (yesterday's, here).
        cases.add(new Case("digest claim", ClosureDigest.CLAIM_SQL, Set.of(), 0, RECRUITER, TODAY.minusDays(1), now));
        cases.add(new Case("digest count overdue", "select count(*) from Application a1_0 where a1_0.recruiter_id=? and a1_0.closure_state=?"
                + " and a1_0.closure_due<?", Set.of("ix_application_board_mine"), 1_000, RECRUITER, "OPEN", TODAY));
        cases.add(new Case("digest count due soon", "select count(*) from Application a1_0 where a1_0.recruiter_id=?"
                + " and a1_0.closure_state=? and a1_0.closure_due>=? and a1_0.closure_due<=?", Set.of("ix_application_board_mine"), 1_000,
                RECRUITER, "OPEN", TODAY, DUE_SOON_UNTIL));
        // In date order through the team's overdue promises until 50 are the recruiter's (see the README): at most
        // every open overdue application, once per recruiter and day.
        cases.add(new Case("digest rows overdue", DIGEST_PAGE + " and a1_0.closure_due<?" + DIGEST_ORDER,
                Set.of("ix_application_board_mine", "ix_application_closure_due"), 11_000, RECRUITER, "OPEN", TODAY, PAGE));
        cases.add(new Case("digest rows due soon", DIGEST_PAGE + " and a1_0.closure_due>=? and a1_0.closure_due<=?" + DIGEST_ORDER,
                Set.of("ix_application_board_mine"), 1_000, RECRUITER, "OPEN", TODAY, DUE_SOON_UNTIL, PAGE));

        // Metrics: the gauges' two grouped counts.
        // Every open application is counted, from an index that leads with the state (index-only).
        // ... and the page's rows with their candidate, requisition and recruiter, by id (Hibernate pads the list to 64).
        List<Object> pageIds = new ArrayList<>();
        for (int i = 1; i <= 64; i++) {
            pageIds.add(10L * Math.min(i, PAGE));
        }
        cases.add(new Case("board page rows by id", BOARD_PAGE + " where a1_0.id" + in(64), pageIds, Set.of("application_pkey"), 64));
        cases.add(new Case("metrics open", ClosureMetrics.OPEN_SQL, Set.of("ix_application_closure_due", "ix_application_board_count"), 21_000,
                TODAY, DUE_SOON_UNTIL));
        cases.add(new Case("metrics closed in 28 days", ClosureMetrics.CLOSED_SQL, Set.of("ix_application_closed"), 10_000,
                Timestamp.from(NOW.minus(ClosureMetrics.ON_TIME_WINDOW))));
        return cases;
    }

    // Hibernate's SQL for the board's HQL (ClosureBoard.parts, .applications, .messages); select lists shortened.
    static final String BOARD_COUNT = "select count(*) from Application a1_0";
    static final String BOARD_IDS = "select a1_0.id from Application a1_0";
    static final String BOARD_PAGE = "select a1_0.*, c1_0.first_name, c1_0.last_name, r1_0.title, r2_0.full_name from Application a1_0"
            + " join Candidate c1_0 on c1_0.id=a1_0.candidate_id join Requisition r1_0 on r1_0.id=a1_0.requisition_id"
            + " join app_user r2_0 on r2_0.id=r1_0.recruiter_id";
    static final String OVERDUE_CHASED = " where a1_0.closure_state=? and a1_0.chased_at>=? and a1_0.chased_at<? and a1_0.closure_due<?";
    static final String OVERDUE = " where a1_0.closure_state=? and a1_0.closure_due<? and a1_0.chased_at is null";
    static final String CHASED = " where a1_0.closure_state=? and a1_0.chased_at>=? and a1_0.chased_at<?"
            + " and (a1_0.closure_due is null or a1_0.closure_due>=?)";
    static final String DUE_SOON = " where a1_0.closure_state=? and a1_0.chased_at is null and a1_0.closure_due>=? and a1_0.closure_due<=?";
    static final String PAGED = " offset ? rows fetch first ? rows only";
    static final String BOARD_MESSAGE_COUNT = "select count(*) from Message m1_0 where m1_0.state=? and m1_0.kind";
    static final String BOARD_MESSAGE_COUNT_MINE = "select count(*) from Message m1_0 join Requisition r1_0 on r1_0.id=m1_0.requisition_id"
            + " where m1_0.state=? and m1_0.kind";
    static final String BOARD_MESSAGE_PAGE = "select m1_0.*, c1_0.first_name, r1_0.title, r2_0.full_name, a1_0.stage from Message m1_0"
            + " join Candidate c1_0 on c1_0.id=m1_0.candidate_id join Requisition r1_0 on r1_0.id=m1_0.requisition_id"
            + " join app_user r2_0 on r2_0.id=r1_0.recruiter_id left join Application a1_0 on a1_0.id=m1_0.application_id"
            + " where m1_0.state=? and m1_0.kind";
    static final String FEEDBACK_MISSING = " where i1_0.state=? and i1_0.feedback_reminded_at is not null and a1_0.closure_state<>?"
            + " and a1_0.stage" + in(8) + " and not exists(select if1_0.id from interview_feedback if1_0 where if1_0.interview_id=i1_0.id"
            + " and if1_0.state=? and if1_0.author=hm1_0.username)";
    // Hibernate's SQL for ClosureDigest.digestFor's HQL.
    static final String DIGEST_PAGE = "select a1_0.*, c1_0.first_name, c1_0.last_name, r1_0.title from Application a1_0"
            + " join Candidate c1_0 on c1_0.id=a1_0.candidate_id join Requisition r1_0 on r1_0.id=a1_0.requisition_id"
            + " where a1_0.recruiter_id=? and a1_0.closure_state=?";
    static final String DIGEST_ORDER = " order by a1_0.closure_due, case when a1_0.chased_at is null then 1 else 0 end, a1_0.id"
            + " fetch first ? rows only";

    /** " in (?, ?, …)" with n markers. */
    static String in(int n) {
        return " in (" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }

    /** A window's ids as the dispatcher binds them: 10 messages of the backlog, padded to 16 as Hibernate pads IN lists. */
    static List<Object> windowIds() {
        List<Object> ids = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ids.add((long) Math.min(10, i + 1) * 10 + 3);
        }
        return ids;
    }

    /** Hibernate pads IN lists to the next power of two, repeating the last value. */
    static List<Object> padded(List<String> values) {
        int n = Integer.highestOneBit(values.size() - 1) << 1;
        List<Object> out = new ArrayList<>(values);
        while (out.size() < n) {
            out.add(values.get(values.size() - 1));
        }
        return out;
    }

    // --- explaining ---

    /** The tables that grow with the business; rows examined are counted in these (lookups of a page's candidates are not). */
    static final Set<String> GROWING = Set.of("application", "closure_watch", "message", "interview", "interview_feedback", "closure_sweep",
            "closure_digest");

    /** What the plan did: the indexes it used, the tables it read sequentially, rows its scans examined. */
    record Plan(Set<String> indexes, Set<String> seqScans, long examined, long returned, double ms, String shape) {
    }

    private static void check(Case c) throws Exception {
        Plan plan = explain(c);
        // The overdue step's range holds the most: every unflagged promise past its date, and the dead entries of all the rows a
        // busy sweep flagged. The two smaller steps (a day or two of promises) may be read with a bitmap scan: on closure_watch
        // (a row per open watch) that reads a few pages again, where on application it read thousands.
        if (c.name().startsWith("sweep overdue (flag 0)") && c.name().endsWith("first round")) {
            assertThat(plan.shape()).as("%s: a plain index scan, which marks dead entries dead", c.name()).contains("Index(")
                    .doesNotContain("Bitmap");
        }
        if (c.name().startsWith("board page") && c.name().contains(" ids ") && (c.name().contains("overdue (") || c.name().contains("due soon"))) {
            assertThat(plan.shape()).as("%s: the page's ids from the board index alone", c.name()).startsWith("Limit[Index Only(");
        }
        LOG.infof("%-45s %-70s examined %7d returned %6d in %7.2f ms", c.name(), plan.shape(), plan.examined(), plan.returned(), plan.ms());
        assertThat(plan.seqScans()).as("%s: sequential scans (plan: %s)", c.name(), plan.shape())
                .doesNotContain("application", "message");
        if (c.indexes().isEmpty()) {
            assertThat(plan.indexes()).as("%s reads no index (plan: %s)", c.name(), plan.shape()).isEmpty();
            assertThat(plan.seqScans()).as("%s reads no table (plan: %s)", c.name(), plan.shape()).isEmpty();
        } else {
            assertThat(plan.indexes()).as("%s: indexes used (plan: %s)", c.name(), plan.shape()).containsAnyElementsOf(c.indexes());
        }
        assertThat(plan.examined()).as("%s: rows examined (plan: %s)", c.name(), plan.shape()).isLessThanOrEqualTo(c.maxExamined());
    }

    /** Runs the query under EXPLAIN ANALYZE in a transaction that is rolled back (the updates change nothing). */
    static Plan explain(Case c) throws SQLException {
        // JPA's numbered parameters (?1 may appear twice) become JDBC's plain ones, bound in order of appearance.
        NumberedSql sql = NumberedSql.of(c.sql());
        try (Connection conn = connect(false);
             PreparedStatement ps = conn.prepareStatement("explain (analyze, format json) " + sql.jdbc())) {
            sql.bind(ps, c.params());
            String json;
            try (Statement s = conn.createStatement()) {
                for (String before : c.before()) {
                    s.execute(before); // in the transaction rolled back below; ANALYZE sees its own uncommitted rows
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            } finally {
                conn.rollback();
            }
            JsonNode root;
            try {
                root = JSON.readTree(json).get(0);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(json, e);
            }
            Plan plan = new Plan(new java.util.TreeSet<>(), new java.util.TreeSet<>(), 0, 0, root.path("Execution Time").asDouble(), "");
            long[] examined = {0};
            StringBuilder shape = new StringBuilder();
            walk(root.get("Plan"), plan, examined, shape);
            return new Plan(plan.indexes(), plan.seqScans(), examined[0], root.get("Plan").path("Actual Rows").asLong(), plan.ms(),
                    shape.toString());
        }
    }

    private static void walk(JsonNode node, Plan plan, long[] examined, StringBuilder shape) {
        String type = node.path("Node Type").asText();
        String relation = node.path("Relation Name").asText(null);
        String index = node.path("Index Name").asText(null);
        if (index != null) {
            plan.indexes().add(index);
        }
        node.path("Conflict Arbiter Indexes").forEach(i -> plan.indexes().add(i.asText()));
        if ("Seq Scan".equals(type)) {
            plan.seqScans().add(relation);
        }
        if (type.endsWith("Scan") && !type.startsWith("Bitmap Index") && relation != null && GROWING.contains(relation)) {
            long loops = Math.max(1, node.path("Actual Loops").asLong());
            examined[0] += (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                    + node.path("Rows Removed by Index Recheck").asLong()) * loops;
        }
        shape.append(type.replace(" Scan", "")).append(index != null ? "(" + index + ")" : relation != null ? "(" + relation + ")" : "");
        JsonNode children = node.path("Plans");
        if (children.size() > 0) {
            shape.append("[");
            for (int i = 0; i < children.size(); i++) {
                if (i > 0) {
                    shape.append(", ");
                }
                walk(children.get(i), plan, examined, shape);
            }
            shape.append("]");
        }
    }

    // --- the data ---

    /**
     * A team of 50 recruiters a year or two in: {@value #APPLICATIONS} applications over 2 000 requisitions,
     * one in ten still open with promises spread 60 days either side of today (those already past flagged
     * by earlier sweeps, yesterday's and today's not yet), one in a hundred on hold, the rest closed over
     * two years; 200 chased. One message per application, nearly all sent; a bulk notice of 2 000 being
     * delivered; 200 each queued and due, scheduled and due, due but leased to another instance, scheduled
     * later, retrying later, waiting for a call, failed, cancelled. Interviews on the open applications (their
     * feedback in, but for the 1% whose hiring manager was reminded), a year of digests, 30 days of sweeps.
     */
    static List<String> seedSql() {
        String today = "date '" + TODAY + "'";
        String now = "timestamptz '" + NOW + "'";
        String requisitionOf = "(1 + (g - 1) / 100)"; // 100 applications each, none twice for one candidate
        String due = "(" + today + " + ((g / 10) % 121 - 60))"; // the open ones: -60 … +60 days
        return List.of(
                "insert into app_user (id, username, password, roles, full_name, email, active, created_at)"
                        + " select g, 'user' || g, 'x', case when g <= " + RECRUITERS + " then 'recruiter' when g < " + USERS
                        + " then 'hiring-manager' else 'admin' end, 'User ' || g, 'user' || g || '@example.test', true, " + now
                        + " from generate_series(1, " + USERS + ") g",
                "insert into requisition (id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version)"
                        + " select g, 'Role ' || g, 1 + g % " + RECRUITERS + ", 51 + g % 10, case when g % 100 = 5 then 'ON_HOLD'"
                        + " when g % 10 = 3 then 'FILLED' else 'OPEN' end, " + now + " - (g % 700) * interval '1 day', " + now + ", 0"
                        + " from generate_series(1, " + REQUISITIONS + ") g",
                "insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language, created_at,"
                        + " updated_at, version) select g, 'Cand', 'Idate ' || g, false, 'c' || g || '@example.test', 'EMAIL', 'en', "
                        + now + ", " + now + ", 0 from generate_series(1, " + CANDIDATES + ") g",
                "insert into application (id, requisition_id, candidate_id, recruiter_id, stage, stage_entered_at, promised_decision_date,"
                        + " created_at, updated_at, version, closure_state, closure_due,"
                        + " promise_lapsed, closed_at, closed_late, chased_at)"
                        + " select g, " + requisitionOf + ", 1 + (g - 1) % " + CANDIDATES + ", 1 + " + requisitionOf + " % " + RECRUITERS + ","
                        + " case when g % 10 = 0 or g % 100 = 5 then (array['APPLIED', 'SCREENING', 'INTERVIEW', 'FINAL_INTERVIEW',"
                        + " 'OFFER'])[1 + (g / 10) % 5] when g % 7 = 0 then 'HIRED' else 'REJECTED' end,"
                        + " " + now + " - (g % 90) * interval '1 day', case when g % 10 = 0 then " + due + " end,"
                        + " " + now + " - (g % 800) * interval '1 day', " + now + ", 0,"
                        + " case when g % 10 = 0 then 'OPEN' when g % 100 = 5 then 'SUSPENDED' else 'CLOSED' end,"
                        + " case when g % 10 = 0 then " + due + " else " + today + " - g % 700 end,"
                        + " g % 10 = 0 and " + due + " < " + today + " - 1,"
                        + " case when g % 10 <> 0 and g % 100 <> 5 then " + now + " - ((g * 37) % 730) * interval '1 day' end,"
                        + " case when g % 10 <> 0 and g % 100 <> 5 then g % 3 = 0 end,"
                        + " case when g % 1000 = 0 then " + now + " - ((g / 1000) % 10) * interval '1 day' end"
                        + " from generate_series(1, " + APPLICATIONS + ") g",
                // The sweep's rows: one per open application, flagged as earlier sweeps left them.
                "insert into closure_watch (application_id, due, flag, due_soon_at, overdue_at) select id, closure_due,"
                        + " case when closure_due < " + today + " - 1 then 2 when closure_due <= " + today + " then 1 else 0 end,"
                        + " case when closure_due <= " + today + " then " + now + " - interval '1 day' end,"
                        + " case when closure_due < " + today + " - 1 then " + now + " end"
                        + " from application where closure_state = 'OPEN'",
                "insert into message (id, application_id, candidate_id, requisition_id, kind, channel, state, cause, recipient, language,"
                        + " subject, body_html, body_text, sender_username, sender_name, created_at, updated_at, due_at, lease_owner,"
                        + " lease_until, attempts, sent_at, message_id_header, version)"
                        + " select g, g, 1 + (g - 1) % " + CANDIDATES + ", " + requisitionOf + ","
                        + " (array['REJECTION', 'INTERVIEW_INVITATION', 'DECISION_DELAYED', 'OFFER'])[1 + g % 4],"
                        + " case when g % 1000 = 5 then 'PHONE' else 'EMAIL' end,"
                        + " case when g % 100 = 11 then 'QUEUED' else case g % 1000 when 1 then 'QUEUED' when 2 then 'SCHEDULED'"
                        + " when 3 then 'SCHEDULED' when 4 then 'QUEUED' when 5 then 'CALL_PENDING' when 6 then 'FAILED'"
                        + " when 7 then 'CANCELLED' when 8 then 'QUEUED' else 'SENT' end end,"
                        + " 'seed:' || g, 'c' || g || '@example.test', 'en', 'About your application',"
                        + " repeat('<p>Thank you for your interest in the role. ', 6), repeat('Thank you for your interest in the role. ', 6),"
                        + " 'user1', 'User 1', " + now + " - (g % 800) * interval '1 day', " + now + ","
                        + " case when g % 100 = 11 then " + now + " - interval '30 seconds' else case g % 1000"
                        + " when 1 then " + now + " - (g % 60) * interval '1 second' when 2 then " + now + " - interval '1 minute'"
                        + " when 3 then " + now + " + (g % 30) * interval '1 day' when 4 then " + now + " + interval '10 minutes'"
                        + " when 8 then " + now + " - interval '2 minutes' end end,"
                        + " case when g % 1000 = 8 then 'dispatcher-other' end,"
                        + " case when g % 1000 = 8 then " + now + " + interval '1 minute' end,"
                        + " case when g % 100 = 11 then 0 when g % 1000 in (4, 6) then 3 when g % 1000 in (1, 2, 3, 5, 7, 8) then 0 else 1 end,"
                        + " case when g % 100 <> 11 and (g % 1000 > 8 or g % 1000 = 0) then " + now + " - (g % 800) * interval '1 day' end,"
                        + " '<candor-' || g || '@candor.test>', 0 from generate_series(1, " + MESSAGES + ") g",
                "insert into interview (id, application_id, starts_at, duration_minutes, kind, state, created_by, created_at, updated_at,"
                        + " version, feedback_reminded_at) select g, g * 10, " + now + " - (g % 60) * interval '1 day', 60, 'VIDEO',"
                        + " 'SCHEDULED', 'user1', " + now + ", " + now + ", 0,"
                        + " case when g % 100 = 0 then " + now + " - interval '1 day' end from generate_series(1, " + INTERVIEWS + ") g",
                // The hiring manager's feedback is in, except on the interviews they were reminded of.
                "insert into interview_feedback (id, interview_id, author, author_name, recommendation, state, created_at, updated_at,"
                        + " submitted_at, version) select g, g, 'user' || (51 + (1 + (g * 10 - 1) / 100) % 10), 'HM', 'YES', 'SUBMITTED', "
                        + now + ", " + now + ", " + now + ", 0 from generate_series(1, " + INTERVIEWS + ") g where g % 100 <> 0",
                "insert into closure_digest (recruiter_id, digest_day, items, created_at) select r, " + today + " - d, 3, " + now
                        + " from generate_series(1, " + RECRUITERS + ") r, generate_series(1, 365) d",
                "insert into closure_sweep (id, started_at, finished_at, today, due_soon, overdue, duration_ms, instance)"
                        + " select g, " + now + " - g * interval '5 minutes', " + now + " - g * interval '5 minutes', " + today
                        + ", 0, 0, 3, 'sweep-seed' from generate_series(1, 8928) g");
    }

    private static Connection connect(boolean autoCommit) throws SQLException {
        Connection c = schema.connect();
        c.setAutoCommit(autoCommit);
        return c;
    }
}
