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
 * PostgreSQL: analyses {@code message} when it has outgrown its statistics while they still said it was small, as with
 * the first bulk notice of a new installation, before autovacuum gets to it.
 * <p>
 * The JDBC driver prepares a statement on the server from its fifth use on a connection, and PostgreSQL then keeps one
 * generic plan for it until the table's statistics change. Made while the statistics said {@code message} was empty
 * (analysed empty: VACUUM ANALYZE on a new installation), each such plan reads the whole table: the claim read and
 * sorted every row for each batch, and every read or update of a window by primary key scanned every row. The first
 * bulk notice of 10 000 letters went out at 456/s until autovacuum analysed the table, the next ones at 1 500/s
 * (docs/benchmarks.md, OutboxPlansPostgresTest). ANALYZE, as PostgreSQL advises after a bulk load, gives the planner
 * the table as it is, and every connection plans its statements on {@code message} again.
 * <p>
 * Looked at before each claim while the statistics count fewer than {@value #SMALL_PAGES} pages, every 30 s after that:
 * plans made from statistics of that size use the indexes.
 */
@ApplicationScoped
class OutboxStatistics {

    /** The table's size as of its statistics (relpages) and now, in pages. */
    static final String PAGES_SQL = "select relpages, pg_relation_size(oid) / current_setting('block_size')::int from pg_class"
            + " where oid = to_regclass('message')";
    static final String ANALYZE_SQL = "analyze message";
    /** Statistics of fewer pages than this may make plans that read the whole table once it has grown. */
    static final long SMALL_PAGES = 1_000;
    /** Not before the table has this many pages (about 400 letters): below, reading all of it costs next to nothing. */
    static final long GROWN_PAGES = 100;
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** Whether the statistics last counted a large table, and when; when this instance last analysed (System.nanoTime). */
    private volatile boolean largeCounted;
    private volatile long lookedAt;
    private volatile long analysedAt = System.nanoTime() - RECHECK_NANOS; // as if long ago: the first look may analyse
    private volatile boolean warned;

    /** Whether statistics of {@code counted} pages are behind a table of {@code pages}: small, and it has more than doubled. */
    static boolean behind(long counted, long pages) {
        return counted < SMALL_PAGES && pages >= GROWN_PAGES && pages > 2 * counted;
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
        long[] pages = pages();
        largeCounted = pages[0] >= SMALL_PAGES;
        lookedAt = now;
        if (!behind(pages[0], pages[1]) || now - analysedAt < RECHECK_NANOS) {
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
        Log.infof("Analysed message: its statistics counted %d pages, the table has %d (plans made from them read the whole outbox)",
                pages[0], pages[1]);
    }

    private long[] pages() {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(PAGES_SQL)) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : new long[] {SMALL_PAGES, 0};
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
