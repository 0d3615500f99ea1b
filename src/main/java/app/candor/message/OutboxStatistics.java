package app.candor.message;

import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.ResultSet;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL: analyses {@code message} when more of its rows have changed since its statistics were taken than they
 * counted, as with the first bulk notice of a new installation, before autovacuum gets to it (its rule is a tenth of
 * the rows, looked at once a minute).
 * <p>
 * The JDBC driver prepares a statement on the server from its fifth use on a connection, and PostgreSQL then keeps one
 * generic plan for it until the table's statistics change. Made while the statistics said {@code message} held next to
 * no rows, each such plan reads the whole table: the claim read and sorted every row for each batch (or, joining the
 * batch back to the table, scanned it once per claimed row), and every read or update of a window by primary key
 * scanned every row. Two ways to get there, both seen in the benchmark: the table analysed empty (VACUUM ANALYZE on a
 * new installation), and the table analysed while a bulk notice's insert was still uncommitted: ANALYZE counts the
 * pages that insert wrote but none of its rows, and the planner, reading "no rows in 1 333 pages", expects one row
 * however large the table grows. The first bulk notice went out at 370–456/s until the table was analysed again, the
 * next ones at 1 400/s (docs/benchmarks.md, OutboxPlansPostgresTest). ANALYZE, as PostgreSQL advises after a bulk load,
 * gives the planner the table as it is, and every connection plans its statements on {@code message} again.
 * <p>
 * The rows changed since ANALYZE are the server's own count ({@code n_mod_since_analyze}), of committed work only: an
 * insert still in progress does not start an ANALYZE that would miss its rows. Looked at before each claim while the
 * statistics count fewer than {@value #SMALL_ROWS} rows, every 30 s after that: plans made from statistics of that
 * size use the indexes. At most one ANALYZE every 5 s: each at least doubles the rows counted, so a growing outbox is
 * analysed a few times while small, and no more once it is large.
 */
@ApplicationScoped
class OutboxStatistics {

    /** The rows the statistics counted (reltuples; -1: never analysed) and the rows inserted, updated or deleted since. */
    static final String STATISTICS_SQL = "select reltuples, coalesce(pg_stat_get_mod_since_analyze(oid), 0) from pg_class"
            + " where oid = to_regclass('message')";
    static final String ANALYZE_SQL = "analyze message";
    /** Statistics of fewer rows than this may make plans that read the whole table once it has grown. */
    static final long SMALL_ROWS = 5_000;
    /** Not before this many rows changed (a few hundred letters): below, reading all of them costs next to nothing. */
    static final long GROWN_ROWS = 500;
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long ANALYSE_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** Whether the statistics last counted a large table, and when; when this instance last analysed (System.nanoTime). */
    private volatile boolean largeCounted;
    private volatile long lookedAt;
    private volatile long analysedAt = System.nanoTime() - ANALYSE_NANOS; // as if long ago: the first look may analyse
    private volatile boolean warned;

    /** Whether statistics that counted {@code counted} rows are behind, {@code changed} rows having changed since. */
    static boolean behind(long counted, long changed) {
        return changed >= GROWN_ROWS && changed > Math.max(counted, 0);
    }

    /** Analyses {@code message} if its statistics are behind the table (in the caller's transaction, before its statements). */
    void keepCurrent() {
        if (!DatabaseKind.isPostgreSQL(dbKind)) {
            return;
        }
        long now = System.nanoTime();
        if (largeCounted && now - lookedAt < RECHECK_NANOS) {
            return;
        }
        long[] rows = rows();
        largeCounted = rows[0] >= SMALL_ROWS;
        lookedAt = now;
        if (!behind(rows[0], rows[1]) || now - analysedAt < ANALYSE_NANOS) {
            return;
        }
        analysedAt = now;
        String refused = analyse();
        if (refused != null) {
            if (!warned) {
                warned = true;
                Log.warnf("ANALYZE message: %s. Until autovacuum analyses it, the outbox's cached plans may read the whole table;"
                        + " make the app's database user the owner of its tables (as Flyway's is)", refused);
            }
            return;
        }
        Log.infof("Analysed message: its statistics counted %d rows, %d have changed since (plans made from them may read the whole"
                + " outbox)", rows[0], rows[1]);
    }

    private long[] rows() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(STATISTICS_SQL)) {
                return rs.next() ? new long[] {(long) rs.getDouble(1), rs.getLong(2)} : new long[] {SMALL_ROWS, 0};
            }
        });
    }

    /** ANALYZE message; the server's warning if it refused (not the table's owner), else null. */
    private String analyse() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(ANALYZE_SQL);
                SQLWarning warning = s.getWarnings();
                return warning == null ? null : warning.getMessage();
            }
        });
    }
}
