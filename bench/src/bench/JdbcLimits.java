package bench;

import app.candor.closure.ClosureSweep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The limits beside Candor: the same statements and row writes over plain JDBC, in the bench's process,
 * on the same database (the app stopped: embedded H2 is one process's; on PostgreSQL too, so that nothing else runs), with no framework.
 */
final class JdbcLimits {

    // The app's own statements, from its jar (run.sh compiles against it). On PostgreSQL the sweep runs each step in rounds
    // (ClosureSweep.pgOverdueSql), the first one small, and so does this limit.
    static final Numbered OVERDUE_SQL = numbered(ClosureSweep.OVERDUE_SQL);
    static final Numbered DUE_SOON_SQL = numbered(ClosureSweep.DUE_SOON_SQL);

    private JdbcLimits() {
    }

    /** A statement with JPA's ?1, ?2 … as JDBC's plain ? (PostgreSQL's driver takes only ?), and which number each ? is. */
    record Numbered(String sql, int[] numbers) {

        /** Binds the values of ?1, ?2 … (a number may appear more than once). */
        void bind(PreparedStatement p, Object... values) throws SQLException {
            for (int i = 0; i < numbers.length; i++) {
                p.setObject(i + 1, values[numbers[i] - 1]);
            }
        }
    }

    static Numbered numbered(String sql) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\?(\\d+)").matcher(sql);
        List<Integer> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return new Numbered(sql.replaceAll("\\?\\d+", "?"), numbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One step of the sweep as ClosureSweep runs it: one statement, or on PostgreSQL its rounds (ClosureSweep.inRounds). */
    private static int step(Connection c, Numbered statement, java.util.function.IntFunction<String> round, Object... values)
            throws SQLException {
        if (!Bench.PG) {
            return update(c, statement, values);
        }
        return ClosureSweep.inRounds(limit -> {
            try {
                return update(c, numbered(round.apply(limit)), values);
            } catch (SQLException e) {
                throw new IllegalStateException(e); // the bench stops on it, as on any other failure
            }
        });
    }

    private static int update(Connection c, Numbered statement, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(statement.sql())) {
            statement.bind(p, values);
            return p.executeUpdate();
        }
    }

    /** What one sweep over JDBC did: newly overdue, newly due soon, milliseconds (statements and commit). */
    record Sweep(int overdue, int dueSoon, double ms) {
    }

    /**
     * The sweep's own three UPDATEs and a commit, as
     * ClosureSweep runs them in one transaction; without its bookkeeping row.
     */
    static Sweep sweep(String jdbc) throws Exception {
        try (Connection c = Seed.connect(jdbc)) {
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            LocalDate dueSoonUntil = nextBusinessDay(today);
            long start = System.nanoTime();
            int overdue = 0;
            for (int flag = 0; flag <= 1; flag++) {
                overdue += step(c, OVERDUE_SQL, ClosureSweep::pgOverdueSql, now, flag, today);
            }
            int dueSoon = step(c, DUE_SOON_SQL, ClosureSweep::pgDueSoonSql, now, today, dueSoonUntil);
            c.commit();
            return new Sweep(overdue, dueSoon, Stats.ms(System.nanoTime() - start));
        }
    }

    /**
     * PostgreSQL's plan of the sweep's statements as they run now (EXPLAIN ANALYZE with buffers and WAL), in a
     * transaction that is rolled back: what the sweep's time goes to inside the server.
     */
    static String explainSweep(String jdbc) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = Seed.connect(jdbc)) {
            c.setAutoCommit(false);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            for (int flag = 0; flag <= 1; flag++) {
                Numbered first = numbered(ClosureSweep.pgOverdueSql(ClosureSweep.PG_FIRST_ROUND));
                b.append("-- ").append(first.sql()).append("  [flag ").append(flag).append("; the first round]\n");
                try (PreparedStatement p = c.prepareStatement("explain (analyze, buffers, wal) " + first.sql())) {
                    first.bind(p, now, flag, today);
                    append(b, p);
                }
            }
            Numbered first = numbered(ClosureSweep.pgDueSoonSql(ClosureSweep.PG_FIRST_ROUND));
            b.append("-- ").append(first.sql()).append("  [the first round]\n");
            try (PreparedStatement p = c.prepareStatement("explain (analyze, buffers, wal) " + first.sql())) {
                first.bind(p, now, today, nextBusinessDay(today));
                append(b, p);
            }
            c.rollback();
        }
        return b.toString();
    }

    private static void append(StringBuilder b, PreparedStatement p) throws Exception {
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                b.append(rs.getString(1)).append('\n');
            }
        }
    }

    /** Candor's default work week (Monday to Friday, no holidays): one business day after today. */
    static LocalDate nextBusinessDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Stage moves per second with {@code clients} connections for {@code seconds}: per move one transaction
     * that does what ApplicationService.move writes through Hibernate: reads the application with its
     * requisition and candidate (findVisible), updates every column of the application (Hibernate's
     * update, with the version check), inserts the stage_change row (ids from the sequence, 50 at a
     * time, as Hibernate allocates them), commits.
     */
    static double moves(String jdbc, List<Long> pool, AtomicInteger cursor, int clients, double seconds) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        try {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                done.add(executor.submit(() -> {
                    int moves = 0;
                    try (Mover mover = new Mover(Seed.connect(jdbc))) {
                        while (System.nanoTime() < deadline) {
                            mover.move(pool.get(Math.floorMod(cursor.getAndIncrement(), pool.size())));
                            moves++;
                        }
                    }
                    return moves;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            executor.shutdownNow();
        }
    }

    /** The stage after {@code stage} in the bench's cycle: forward to OFFER, then back to SCREENING (a correction, with a note). */
    static String next(String stage) {
        return switch (stage) {
            case "SCREENING" -> "INTERVIEW";
            case "INTERVIEW" -> "FINAL_INTERVIEW";
            case "FINAL_INTERVIEW" -> "OFFER";
            default -> "SCREENING";
        };
    }

    /** Candor's default promise per stage, in business days (candor.promise-days.*). */
    static int promiseDays(String stage) {
        return switch (stage) {
            case "SCREENING" -> 5;
            case "INTERVIEW" -> 7;
            case "FINAL_INTERVIEW" -> 10;
            default -> 3;
        };
    }

    private static final class Mover implements AutoCloseable {
        private final Connection c;
        private final PreparedStatement read;
        private final PreparedStatement update;
        private final PreparedStatement watch;
        private final PreparedStatement insert;
        private final PreparedStatement sequence;
        private long nextId;
        private long lastId = -1; // below nextId: the first id takes a nextval

        Mover(Connection c) throws Exception {
            this.c = c;
            c.setAutoCommit(false);
            read = c.prepareStatement("select a.*, w.*, r.*, c.* from application a left join closure_watch w on w.application_id = a.id"
                    + " join requisition r on r.id = a.requisition_id join candidate c on c.id = a.candidate_id where a.id = ?");
            update = c.prepareStatement("update application set candidate_id = ?, chased_at = ?, closed_at = ?, closed_late = ?, closure_due = ?,"
                    + " closure_state = ?, created_at = ?, promise_lapsed = ?,"
                    + " promised_decision_date = ?, recruiter_id = ?, requisition_id = ?, stage = ?, stage_entered_at = ?, updated_at = ?,"
                    + " version = ? where id = ? and version = ?");
            // A new promise is a new watch for the sweep: its closure_watch row, as Hibernate writes it (V26).
            watch = c.prepareStatement("update closure_watch set due = ?, flag = 0, due_soon_at = null, overdue_at = null where application_id = ?");
            insert = c.prepareStatement("insert into stage_change (application_id, changed_at, changed_by, correction, from_stage, note,"
                    + " promised_decision_date, to_stage, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            sequence = c.prepareStatement("select nextval('stage_change_seq')");
        }

        void move(long id) throws Exception {
            read.setLong(1, id);
            try (ResultSet a = read.executeQuery()) {
                if (!a.next()) {
                    throw new IllegalStateException("no application " + id);
                }
                String from = a.getString("stage");
                String to = next(from);
                boolean correction = "SCREENING".equals(to);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                LocalDate promise = LocalDate.now(ZoneOffset.UTC).plusDays(promiseDays(to));
                int version = a.getInt("version");
                update.setLong(1, a.getLong("candidate_id"));
                update.setObject(2, a.getObject("chased_at"));
                update.setObject(3, a.getObject("closed_at"));
                update.setObject(4, a.getObject("closed_late"));
                update.setObject(5, promise);
                update.setString(6, a.getString("closure_state"));
                update.setObject(7, a.getObject("created_at"));
                update.setBoolean(8, a.getBoolean("promise_lapsed"));
                update.setObject(9, promise);
                update.setLong(10, a.getLong("recruiter_id"));
                update.setLong(11, a.getLong("requisition_id"));
                update.setString(12, to);
                update.setObject(13, now);
                update.setObject(14, now);
                update.setInt(15, version + 1);
                update.setLong(16, id);
                update.setInt(17, version);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("application " + id + " changed underneath");
                }
                watch.setObject(1, promise);
                watch.setLong(2, id);
                watch.executeUpdate();
                insert.setLong(1, id);
                insert.setObject(2, now);
                insert.setString(3, "rita");
                insert.setBoolean(4, correction);
                insert.setString(5, from);
                insert.setString(6, correction ? "bench: back to screening for the next round" : null);
                insert.setObject(7, promise);
                insert.setString(8, to);
                insert.setLong(9, nextId());
                insert.executeUpdate();
            }
            c.commit();
        }

        /** Quarkus's default id optimizer (pooled-lo): one nextval per 50 ids, the ids from the value it returned. */
        private long nextId() throws Exception {
            if (nextId > lastId) {
                try (ResultSet rs = sequence.executeQuery()) {
                    rs.next();
                    nextId = rs.getLong(1);
                }
                lastId = nextId + 49;
            }
            return nextId++;
        }

        @Override
        public void close() throws Exception {
            c.close();
        }
    }

    /** Row counts, for the log: how many stage changes exist now. */
    static long stageChanges(String jdbc) throws Exception {
        try (Connection c = Seed.connect(jdbc); Statement s = c.createStatement()) {
            return Seed.id(s, "select count(*) from stage_change");
        }
    }
}
