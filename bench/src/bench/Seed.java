package bench;

import io.quarkus.elytron.security.common.BcryptUtil;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The data, written over JDBC while the app is stopped (H2 embedded: one process holds the file).
 *
 * <p>{@code n} applications (default 1 000 000): application x pairs requisition x % 1000 with candidate
 * x / 1000; 90% closed over the last 12 weeks (one in seven late), 10% open: 10 000 newly overdue, 10 000
 * overdue and flagged already, 5 000 due soon, 1 000 chased, the rest due in 10 to 40 days. Those last ones
 * at SCREENING are the stage-change scenario's pool. Besides, {@code bulkRoles} roles with {@code bulk} open
 * applications each, for the bulk closure (closed and told by the time the board is measured, so that
 * the board then sees n / 10 open applications).
 */
final class Seed {

    static final long BULK_ROLE = 3_000_000;
    static final long BULK_CANDIDATE = 4_000_000;
    static final long BULK_APPLICATION = 5_000_000;
    /** Users with a bcrypt cost of 4 instead of the app's 10: what Candor costs without most of the password check. */
    static final String FAST_RECRUITER = "benchfast:bench-fast";
    static final String FAST_ADMIN = "benchadmin:bench-admin";
    /** DemoData's password: on H2 the demo users have it; on PostgreSQL the seed gives it to rita, rob and harry (and run.sh to the admin). */
    static final String DEMO_PASSWORD = "sunny-walnut-ledger";

    private Seed() {
    }

    /** Both databases take the role candor/candor (H2's file is created with it; run.sh creates it on PostgreSQL). */
    static Connection connect(String jdbc) throws Exception {
        return DriverManager.getConnection(jdbc, "candor", "candor");
    }

    static boolean postgres(String jdbc) {
        return jdbc.startsWith("jdbc:postgresql:");
    }

    /** Seeds; returns the stage-change pool (application ids at SCREENING, promise weeks away). */
    static List<Long> seed(String jdbc, int n, int bulkRoles, int bulk) throws Exception {
        pg = postgres(jdbc);
        try (Connection c = connect(jdbc); Statement s = c.createStatement()) {
            if (pg) {
                // The production build has no demo data: the scenarios' users as DemoData makes them (bcrypt cost 10, the
                // demo password); the admin is the first admin the first start created from CANDOR_ADMIN_USER.
                user(c, 902, "rita:" + DEMO_PASSWORD, "recruiter", 10);
                user(c, 903, "rob:" + DEMO_PASSWORD, "recruiter", 10);
                user(c, 904, "harry:" + DEMO_PASSWORD, "hiring-manager", 10);
            }
            long rita = id(s, "select id from app_user where username = 'rita'");
            long rob = id(s, "select id from app_user where username = 'rob'");
            long harry = id(s, "select id from app_user where username = 'harry'");
            user(c, 900, FAST_RECRUITER, "recruiter", 4);
            user(c, 901, FAST_ADMIN, "admin", 4);
            s.execute("alter sequence app_user_seq restart with 1000");
            s.execute("insert into requisition (id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version, debrief_enabled)"
                    + " select 1000000 + x, 'Bench role ' || x, case when mod(x, 2) = 0 then " + rita + " else " + rob + " end, " + harry
                    + ", 'OPEN', now(), now(), 0, true from " + range(0, 999));
            s.execute("insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language, created_at, updated_at, version)"
                    + " select 1000000 + x, 'Bench', 'Candidate ' || x, false, 'bench' || x || '@example.test', 'EMAIL', 'en', now(), now(), 0"
                    + " from " + range(0, n / 1000));
            // x % 10 <> 0: closed over the last 84 days, one in seven late. x % 10 = 0 (k = x / 10): open; k % 10 = 0 newly
            // overdue, k % 10 = 1 overdue and flagged, k % 20 = 2 due tomorrow, the rest 10 to 40 days ahead; k % 100 = 3 chased.
            String open = "mod(x, 10) = 0";
            String k = "(x / 10)";
            s.execute("insert into application (id, requisition_id, candidate_id, stage, stage_entered_at, promised_decision_date, created_at,"
                    + " updated_at, version, closure_state, closure_due, promise_lapsed, closed_at, closed_late, chased_at,"
                    + " recruiter_id)"
                    + " select 2000000 + x, 1000000 + mod(x, 1000), 1000000 + x / 1000,"
                    + " case when " + open + " then 'SCREENING' else 'REJECTED' end, now(),"
                    + " case when " + open + " then " + due(k) + " end,"
                    + " " + atDays("-(mod(x, 84) + 20)") + ", now(), 0,"
                    + " case when " + open + " then 'OPEN' else 'CLOSED' end,"
                    + " case when " + open + " then " + due(k) + " else " + dayPlus("-mod(x, 84)") + " end,"
                    + " case when " + open + " and mod(" + k + ", 10) = 1 then true else false end,"
                    + " case when " + open + " then null else " + atDays("-mod(x, 84)") + " end,"
                    + " case when " + open + " then null else mod(x, 7) = 0 end,"
                    + " case when " + open + " and mod(" + k + ", 100) = 3 then " + (pg ? "now() - interval '2 hours'" : "dateadd(HOUR, -2, now())") + " end"
                    + ", case when mod(mod(x, 1000), 2) = 0 then " + rita + " else " + rob + " end"
                    + " from " + range(1, n));
            s.execute("insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language, created_at, updated_at, version)"
                    + " select " + BULK_CANDIDATE + " + x, 'Bulk', 'Candidate ' || x, false, 'bulk' || x || '@example.test', 'EMAIL', 'en', now(), now(), 0"
                    + " from " + range(1, bulk));
            for (int role = 1; role <= bulkRoles; role++) {
                long roleId = BULK_ROLE + role;
                s.execute("insert into requisition (id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version, debrief_enabled)"
                        + " values (" + roleId + ", 'Bench bulk role " + role + "', " + rita + ", " + harry + ", 'OPEN', now(), now(), 0, true)");
                s.execute("insert into application (id, requisition_id, candidate_id, stage, stage_entered_at, promised_decision_date, created_at,"
                        + " updated_at, version, closure_state, closure_due, promise_lapsed, recruiter_id)"
                        + " select " + (BULK_APPLICATION + (long) role * bulk) + " + x, " + roleId + ", " + BULK_CANDIDATE + " + x, 'SCREENING', now(),"
                        + " " + dayPlus("20") + ", now(), now(), 0, 'OPEN', " + dayPlus("20") + ", false, " + rita
                        + " from " + range(1, bulk));
            }
            // The sweep's rows, as ClosureWatch keeps them: one per open application; the overdue ones flagged a day ago.
            s.execute("insert into closure_watch (application_id, due, flag, overdue_at) select id, closure_due,"
                    + " case when promise_lapsed then 2 else 0 end, case when promise_lapsed then " + atDays("-1") + " end"
                    + " from application a where closure_state = 'OPEN'"
                    + " and not exists (select 1 from closure_watch w where w.application_id = a.id)"); // H2: the demo's have theirs
            long next = BULK_APPLICATION + (long) (bulkRoles + 1) * bulk + 1_000_000;
            s.execute("alter sequence application_seq restart with " + next);
            s.execute("alter sequence candidate_seq restart with " + next);
            s.execute("alter sequence requisition_seq restart with " + next);
            // PostgreSQL: VACUUM too, as autovacuum would have done on a table this old (index-only scans need the visibility map).
            s.execute(pg ? "vacuum analyze" : "analyze");
        }
        List<Long> pool = new ArrayList<>();
        for (long k = 1; k <= n / 10; k++) {
            if (k % 10 >= 4) {
                pool.add(2_000_000 + 10 * k);
            }
        }
        return pool;
    }

    private static void user(Connection c, long id, String credentials, String role, int cost) throws Exception {
        String[] up = credentials.split(":");
        try (PreparedStatement p = c.prepareStatement("insert into app_user (id, username, password, roles, full_name, job_title, email, active,"
                + " created_at) values (?, ?, ?, ?, ?, null, ?, true, ?)")) {
            p.setLong(1, id);
            p.setString(2, up[0]);
            p.setString(3, BcryptUtil.bcryptHash(up[1], cost));
            p.setString(4, role);
            p.setString(5, "Bench " + up[0]);
            p.setString(6, up[0] + "@candor.test");
            p.setObject(7, OffsetDateTime.now());
            p.executeUpdate();
        }
    }

    static String due(String k) {
        return "case when mod(" + k + ", 10) in (0, 1) then " + dayPlus("-1 - mod(" + k + ", 20)")
                + " when mod(" + k + ", 20) = 2 then " + dayPlus("1") + " else " + dayPlus("10 + mod(" + k + ", 30)") + " end";
    }

    /** Which SQL the seed writes: H2's (system_range, dateadd) or PostgreSQL's (generate_series, date and interval arithmetic). */
    private static boolean pg;

    /** x from a to b, as a FROM item. */
    static String range(long a, long b) {
        return pg ? "generate_series(" + a + ", " + b + ") as r(x)" : "(select \"X\" as x from system_range(" + a + ", " + b + ")) r";
    }

    /** Today plus {@code days} (an SQL expression), a date. */
    static String dayPlus(String days) {
        return pg ? "(current_date + (" + days + "))" : "dateadd(DAY, " + days + ", current_date)";
    }

    /** Now plus {@code days} (an SQL expression), a timestamp. */
    static String atDays(String days) {
        return pg ? "(now() + (" + days + ") * interval '1 day')" : "dateadd(DAY, " + days + ", now())";
    }

    static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** How many open promises are past and not flagged yet (what the next sweep flags overdue). */
    static long newlyOverdue(String jdbc) throws Exception {
        try (Connection c = connect(jdbc); Statement s = c.createStatement()) {
            return id(s, "select count(*) from closure_watch where flag = 0 and due < current_date");
        }
    }

    /**
     * Undoes what sweeps since {@code since} flagged (the seed's flags are older), so that the next sweep
     * finds the same 10 000 newly overdue and 5 000 due soon again.
     */
    static void unflag(String jdbc, OffsetDateTime since) throws Exception {
        try (Connection c = connect(jdbc);
             PreparedStatement overdue = c.prepareStatement("update closure_watch set flag = 0, overdue_at = null"
                     + " where flag = 2 and overdue_at >= ?");
             PreparedStatement dueSoon = c.prepareStatement("update closure_watch set flag = 0, due_soon_at = null"
                     + " where flag = 1 and due_soon_at >= ?")) {
            overdue.setObject(1, since);
            overdue.executeUpdate();
            dueSoon.setObject(1, since);
            dueSoon.executeUpdate();
        }
    }

    /** "PostgreSQL 15.x, ...": the server and the settings that decide what a write and a read cost, for the table's header. */
    static String describePostgres(String jdbc) throws Exception {
        try (Connection c = connect(jdbc); Statement s = c.createStatement()) {
            StringBuilder b = new StringBuilder("PostgreSQL ").append(c.getMetaData().getDatabaseProductVersion())
                    .append(" (throw-away cluster on 127.0.0.1, production profile; ");
            String[] settings = {"shared_buffers", "synchronous_commit", "fsync", "max_connections"};
            for (int i = 0; i < settings.length; i++) {
                try (ResultSet rs = s.executeQuery("show " + settings[i])) {
                    rs.next();
                    b.append(i == 0 ? "" : ", ").append(settings[i]).append('=').append(rs.getString(1));
                }
            }
            return b.append(')').toString();
        }
    }

    /** BENCH_JFR=1 on PostgreSQL: forgets what pg_stat_statements counted so far (run.sh loads and grants it). */
    static void resetStatements(String jdbc) throws Exception {
        try (Connection c = connect(jdbc); Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * The 15 statements PostgreSQL spent most time in since the reset (planning and execution, run.sh turns on
     * track_planning): calls, both times, rows, buffers, WAL.
     */
    static String topStatements(String jdbc) throws Exception {
        StringBuilder b = new StringBuilder("total_ms | plan_ms | calls | mean_ms | rows | shared hit | read | dirtied | written | wal_fpi"
                + " | wal_bytes | statement\n");
        try (Connection c = connect(jdbc); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select round(total_exec_time::numeric, 1), round(total_plan_time::numeric, 1), calls,"
                     + " round(mean_exec_time::numeric, 3), rows, shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written,"
                     + " wal_fpi, wal_bytes, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements"
                     + " order by total_exec_time + total_plan_time desc limit 15")) {
            while (rs.next()) {
                for (int i = 1; i <= 11; i++) {
                    b.append(rs.getString(i)).append(" | ");
                }
                String q = rs.getString(12);
                b.append(q.length() > 300 ? q.substring(0, 300) + "..." : q).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * What VACUUM has seen of the tables the board and the sweep read (PostgreSQL): dead rows, rows changed since the
     * last analyze, the last autovacuum, and how many pages the visibility map marks all-visible (as of the last
     * VACUUM or ANALYZE; an index-only scan fetches the heap for every row on a page not marked so).
     */
    static String tableActivity(String jdbc) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = connect(jdbc); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select t.relname, t.n_live_tup, t.n_dead_tup, t.n_mod_since_analyze, t.autovacuum_count,"
                     + " to_char(t.last_autovacuum, 'HH24:MI:SS'), to_char(t.last_vacuum, 'HH24:MI:SS'), c.relallvisible, c.relpages"
                     + " from pg_stat_user_tables t join pg_class c on c.oid = t.relid"
                     + " where t.relname in ('application', 'closure_watch') order by t.relname")) {
            while (rs.next()) {
                b.append(b.length() == 0 ? "" : "; ").append(rs.getString(1)).append(": live ").append(rs.getLong(2))
                        .append(", dead ").append(rs.getLong(3)).append(", changed since analyze ").append(rs.getLong(4))
                        .append(", autovacuums ").append(rs.getLong(5)).append(" (last ").append(rs.getString(6))
                        .append("), last vacuum ").append(rs.getString(7)).append(", all-visible pages ").append(rs.getLong(8))
                        .append(" of ").append(rs.getLong(9));
            }
        }
        return b.toString();
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the board's largest count, "overdue, not chased" (ClosureBoard's section 2, team
     * scope, in SQL): its heap fetches say how much of its index-only scan went to the table.
     */
    static String explainBoardCount(String jdbc) throws Exception {
        String sql = "select count(*) from application a where a.closure_state = 'OPEN' and a.closure_due < current_date"
                + " and a.chased_at is null";
        StringBuilder b = new StringBuilder("-- ").append(sql).append('\n');
        try (Connection c = connect(jdbc); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                b.append(rs.getString(1)).append('\n');
            }
        }
        return b.toString();
    }

    /** Messages by state, e.g. "SENT 30000". */
    static String messageStates(String jdbc) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = connect(jdbc); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select state, count(*) from message group by state order by state")) {
            while (rs.next()) {
                b.append(b.length() == 0 ? "" : ", ").append(rs.getString(1)).append(' ').append(rs.getLong(2));
            }
        }
        return b.toString();
    }
}
