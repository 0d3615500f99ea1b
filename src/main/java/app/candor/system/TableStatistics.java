package app.candor.system;

import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL: analyses a table of Candor's when more of its rows changed since its statistics were taken than they
 * counted, as when a new installation's first rows arrive in a burst, before autovacuum gets to it (its rule is a tenth
 * of the rows, looked at once a minute).
 * <p>
 * The JDBC driver prepares a statement on the server from its fifth use on a connection, and PostgreSQL then keeps one
 * generic plan for it until the table's statistics change. Made while the statistics said a table held next to no
 * rows, such a plan reads all of it, however large it grows. Seen in the benchmark: each stage change read the whole
 * of {@code stage_change} for one application's history (a sequential scan of every move made so far, the moves
 * slower by the second until autovacuum analysed the table); the outbox's claim read and sorted every letter for
 * each batch, or walked the whole primary key, and each read of a window by primary key walked a whole index. Two ways
 * to get there: a table analysed empty (VACUUM ANALYZE on a new installation), and a table analysed while a bulk
 * insert was uncommitted: ANALYZE counts the pages the insert wrote but none of its rows, and the planner, reading
 * "no rows in 1 333 pages", expects one row (docs/operations.md, OutboxPlansPostgresTest). ANALYZE, as PostgreSQL
 * advises after a bulk load, gives the planner the table as it is, and every connection plans its statements on it
 * again.
 * <p>
 * Behind means at least {@value #GROWN_ROWS} rows changed (inserted, updated, deleted: the server's own count,
 * {@code n_mod_since_analyze}, of committed work only, so that an insert in progress does not start an ANALYZE that
 * would miss its rows), and more than the statistics counted. Each ANALYZE at least doubles the rows counted, so a
 * growing table is analysed a few times while small and no more once it is large. Every table is looked at every
 * {@code candor.statistics.check-every} (5 s); the outbox also before each claim while its statistics count fewer
 * than {@value #SMALL_ROWS} rows (every 30 s after that), because the first claims after a bulk notice are the ones
 * that matter. At most one ANALYZE of a table every 5 s by this instance.
 */
@ApplicationScoped
public class TableStatistics {

    /** The rows the statistics counted (reltuples; -1: never analysed) and the rows changed since, for the table the parameter names. */
    public static final String TABLE_SQL = "select reltuples, coalesce(pg_stat_get_mod_since_analyze(oid), 0) from pg_class"
            + " where oid = to_regclass(?)";
    /** The same for every table of the schema the app works in. */
    static final String SCHEMA_SQL = "select relname, reltuples, coalesce(pg_stat_get_mod_since_analyze(oid), 0) from pg_class"
            + " where relnamespace = to_regnamespace(current_schema()) and relkind = 'r'";
    /** Statistics of fewer rows than this may make plans that read the whole table once it has grown. */
    public static final long SMALL_ROWS = 5_000;
    /** Not before this many rows changed (a few hundred): below, reading all of them costs next to nothing. */
    public static final long GROWN_ROWS = 500;
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long ANALYSE_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private final Map<String, Looked> looked = new ConcurrentHashMap<>();
    private volatile boolean warned;

    /** What this instance last saw of a table, and when it last analysed it (System.nanoTime). */
    private static final class Looked {
        volatile boolean largeCounted;
        volatile long at;
        volatile long analysedAt = System.nanoTime() - ANALYSE_NANOS; // as if long ago: the first look may analyse
    }

    /** What a table's statistics counted (reltuples; -1: never analysed), and the rows changed since. */
    public record Counts(long counted, long changed) {

        /** Whether the statistics are behind the table. */
        public boolean behind() {
            return TableStatistics.behind(counted, changed);
        }
    }

    /** Whether statistics that counted {@code counted} rows are behind, {@code changed} rows having changed since. */
    public static boolean behind(long counted, long changed) {
        return changed >= GROWN_ROWS && changed > Math.max(counted, 0);
    }

    /**
     * Before statements whose plans depend on {@code table} (the outbox's claim): analyses it if its statistics are
     * behind, in the caller's transaction. Looks each time while they count fewer than {@value #SMALL_ROWS} rows.
     */
    public void keepCurrent(String table) {
        if (!DatabaseKind.isPostgreSQL(dbKind)) {
            return;
        }
        Looked last = looked.computeIfAbsent(table, t -> new Looked());
        long now = System.nanoTime();
        if (last.largeCounted && now - last.at < RECHECK_NANOS) {
            return;
        }
        Counts counts = em.unwrap(Session.class).doReturningWork(c -> counts(c, table));
        last.largeCounted = counts.counted() >= SMALL_ROWS;
        last.at = now;
        if (counts.behind()) {
            analyseAtMostEvery5s(table, counts, last, now);
        }
    }

    /** Every table of ours whose statistics are behind is analysed, each in a transaction of its own. */
    @Scheduled(every = "${candor.statistics.check-every:5s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void keepAllCurrent() {
        if (!DatabaseKind.isPostgreSQL(dbKind)) {
            return;
        }
        Map<String, Counts> behind = QuarkusTransaction.requiringNew().call(() -> em.unwrap(Session.class).doReturningWork(TableStatistics::behind));
        behind.forEach((table, counts) -> QuarkusTransaction.requiringNew().run(() ->
                analyseAtMostEvery5s(table, counts, looked.computeIfAbsent(table, t -> new Looked()), System.nanoTime())));
    }

    private void analyseAtMostEvery5s(String table, Counts counts, Looked last, long now) {
        synchronized (last) { // the claim and the scheduled look may both find the outbox behind at once
            if (now - last.analysedAt < ANALYSE_NANOS) {
                return;
            }
            last.analysedAt = now;
        }
        String refused = em.unwrap(Session.class).doReturningWork(c -> analyse(c, table));
        if (refused != null) {
            if (!warned) {
                warned = true;
                Log.warnf("ANALYZE %s: %s. Until autovacuum analyses a table that grew in a burst, plans made from its old statistics"
                        + " may read all of it; make the app's database user the owner of its tables (as Flyway's is)", table, refused);
            }
            return;
        }
        Log.infof("Analysed %s: its statistics counted %d rows, %d have changed since (plans made from them may read the whole table)",
                table, counts.counted(), counts.changed());
    }

    /** What {@code table}'s statistics counted, and the rows changed since (the tests read it too). */
    public static Counts counts(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TABLE_SQL)) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new Counts((long) rs.getDouble(1), rs.getLong(2)) : new Counts(SMALL_ROWS, 0);
            }
        }
    }

    /** The tables of the current schema whose statistics are behind, by name (the tests read it too). */
    public static Map<String, Counts> behind(Connection c) throws SQLException {
        Map<String, Counts> behind = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SCHEMA_SQL)) {
            while (rs.next()) {
                Counts counts = new Counts((long) rs.getDouble(2), rs.getLong(3));
                if (counts.behind()) {
                    behind.put(rs.getString(1), counts);
                }
            }
        }
        return behind;
    }

    /** ANALYZE {@code table}; the server's warning if it refused (not the table's owner), else null. */
    public static String analyse(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("analyze \"" + table.replace("\"", "\"\"") + "\"");
            SQLWarning warning = s.getWarnings();
            return warning == null ? null : warning.getMessage();
        }
    }
}
