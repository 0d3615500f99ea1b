package app.candor.application;

import app.candor.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * V26's backfill of the narrow closure_watch table, on rows written at V25: a row for each OPEN application with its
 * promise and the sweep's flags as they were, none for a paused or closed one, and the flag columns gone from
 * application. On H2 (in memory, the tests' mode) and on PostgreSQL when CANDOR_TEST_PG_URL is given (own schema).
 * Its time on a million rows is in docs/benchmarks-history.md.
 */
class ClosureWatchMigrationTest {

    private static final String SCHEMA = "watch_migration_test";

    @Test
    void onH2() throws Exception {
        String url = "jdbc:h2:mem:watch-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        migrateWithRowsAtV25(url, "sa", "", null);
    }

    @Test
    void onPostgres() throws Exception {
        if (!TestDatabase.postgresGiven("ClosureWatchMigrationTest")) {
            abort("no PostgreSQL URL given (CANDOR_TEST_PG_URL)");
        }
        try (Connection c = DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.postgresUser(), TestDatabase.postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        migrateWithRowsAtV25(TestDatabase.postgresUrl(), TestDatabase.postgresUser(), TestDatabase.postgresPassword(), SCHEMA);
    }

    private static void migrateWithRowsAtV25(String url, String user, String password, String schema) throws Exception {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").schemas(schema == null ? new String[0]
                : new String[] {schema}).target("25").load().migrate();
        try (Connection c = connect(url, user, password, schema); Statement s = c.createStatement()) {
            s.execute("insert into app_user (id, username, password, roles, full_name, active, created_at) values"
                    + " (1, 'rita', 'x', 'recruiter', 'Rita', true, current_timestamp), (2, 'harry', 'x', 'hiring-manager', 'Harry', true,"
                    + " current_timestamp)");
            s.execute("insert into requisition (id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version)"
                    + " values (1, 'Role', 1, 2, 'OPEN', current_timestamp, current_timestamp, 0)");
            for (int id = 1; id <= 5; id++) {
                s.execute("insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language,"
                        + " created_at, updated_at, version) values (" + id + ", 'C', 'N" + id + "', false, 'c" + id + "@example.test',"
                        + " 'EMAIL', 'en', current_timestamp, current_timestamp, 0)");
            }
            String columns = "insert into application (id, requisition_id, candidate_id, stage, stage_entered_at, created_at, updated_at,"
                    + " version, closure_state, closure_due, closure_flag, due_soon_at, overdue_at, promise_lapsed, closed_at, closed_late)"
                    + " values ";
            String at = "timestamp with time zone '2031-06-03 06:00:00+00'";
            s.execute(columns + "(1, 1, 1, 'SCREENING', " + at + ", " + at + ", " + at + ", 0, 'OPEN', date '2031-06-01', 2, " + at + ", "
                    + at + ", true, null, null)");
            s.execute(columns + "(2, 1, 2, 'INTERVIEW', " + at + ", " + at + ", " + at + ", 0, 'OPEN', date '2031-06-04', 1, " + at
                    + ", null, false, null, null)");
            s.execute(columns + "(3, 1, 3, 'APPLIED', " + at + ", " + at + ", " + at + ", 0, 'OPEN', date '2031-07-01', 0, null, null,"
                    + " false, null, null)");
            s.execute(columns + "(4, 1, 4, 'SCREENING', " + at + ", " + at + ", " + at + ", 0, 'SUSPENDED', date '2031-06-01', 0, null,"
                    + " null, true, null, null)");
            s.execute(columns + "(5, 1, 5, 'REJECTED', " + at + ", " + at + ", " + at + ", 0, 'CLOSED', date '2031-05-20', 2, null, " + at
                    + ", true, " + at + ", true)");
        }

        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").schemas(schema == null ? new String[0]
                : new String[] {schema}).load().migrate();

        try (Connection c = connect(url, user, password, schema); Statement s = c.createStatement()) {
            assertThat(rows(s, "select application_id, due, flag, case when due_soon_at is null then '-' else 'due-soon-at' end,"
                    + " case when overdue_at is null then '-' else 'overdue-at' end from closure_watch order by application_id"))
                    .as("a row per open watch, with its promise and flags").containsExactly(
                    "1 2031-06-01 2 due-soon-at overdue-at", "2 2031-06-04 1 due-soon-at -", "3 2031-07-01 0 - -");
            assertThat(rows(s, "select id, closure_state, closure_due, case when promise_lapsed then 'lapsed' else 'kept' end from application order by id"))
                    .as("the applications' own closure columns unchanged").containsExactly(
                            "1 OPEN 2031-06-01 lapsed", "2 OPEN 2031-06-04 kept", "3 OPEN 2031-07-01 kept",
                            "4 SUSPENDED 2031-06-01 lapsed", "5 CLOSED 2031-05-20 lapsed");
            assertThat(rows(s, "select count(*) from information_schema.columns where lower(table_name) = 'application'"
                    + " and lower(column_name) in ('closure_flag', 'due_soon_at', 'overdue_at')"
                    + (schema == null ? "" : " and table_schema = '" + schema + "'"))).as("the flags left application").containsExactly("0");
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    row.append(i == 1 ? "" : " ").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static Connection connect(String url, String user, String password, String schema) throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        if (schema != null) {
            try (Statement s = c.createStatement()) {
                s.execute("set search_path to " + schema + ", public");
            }
        }
        return c;
    }
}
