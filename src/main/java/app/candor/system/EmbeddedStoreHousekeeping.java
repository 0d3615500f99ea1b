package app.candor.system;

import io.agroal.api.AgroalDataSource;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * H2 (the embedded database): rewrites the live pages of its file's sparse chunks into new ones, the housekeeping H2's
 * own background thread would do, which {@code WRITE_DELAY=0} turns off.
 * <p>
 * H2 writes each commit as a new chunk at the end of its file and frees a chunk only once none of its pages is live.
 * With {@code WRITE_DELAY=0} (every commit written before Candor answers, issue 16) H2 runs no background thread, and so
 * nothing rewrites a chunk whose pages have mostly been replaced: one live page keeps the whole chunk. By the end of
 * the benchmark's bulk closures (100 000 applications) the running app's chunks were 14–18 % full on average, and the
 * file held 752 MB for 60 MB of data (its size after {@code SHUTDOWN COMPACT}); closing the database, with its 200 ms
 * of compaction, did not shrink it (docs/operations.md). Rewritten, a sparse chunk's live pages go into the next chunk
 * and the old one is freed, and the file reuses its space instead of growing.
 * <p>
 * Every {@code candor.h2.housekeeping-every} (10 s) it rewrites chunks a megabyte at a time, the emptiest and oldest
 * first, until they are {@value #TARGET_FILL_PERCENT} % full on average or {@link #BUDGET} is spent. H2 rewrites only
 * chunks older than its retention time (45 s), as its own thread does. The rewrite holds H2's store lock, so a commit
 * made meanwhile waits for at most one megabyte's rewrite. Nothing on PostgreSQL, nor on an in-memory H2 database (no
 * file).
 */
@ApplicationScoped
public class EmbeddedStoreHousekeeping {

    /** Chunks this full on average are left alone; H2's own thread aims at 90 % when idle, 81 % under load. */
    static final int TARGET_FILL_PERCENT = 80;
    /**
     * Live pages rewritten per step. H2's own thread, every 50 ms under load, takes a quarter of its auto-commit buffer
     * (several megabytes): this is the cautious end, a commit waits for one step at most.
     */
    static final int STEP_BYTES = 1 << 20;
    /** A run's time: a few steps, then the next run goes on. */
    static final Duration BUDGET = Duration.ofMillis(200);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** What a run did: the chunks' fill before and after, in per cent, and how many steps rewrote something. */
    record Tidied(int fillBefore, int fillAfter, int steps) {
        /** No H2 file to tidy. */
        static final Tidied NOTHING = new Tidied(0, 0, 0);
    }

    @Scheduled(every = "${candor.h2.housekeeping-every:10s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void run() {
        if (!DatabaseKind.isH2(dbKind)) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            Tidied tidied = tidy(c, BUDGET);
            if (tidied.steps() > 0) {
                Log.debugf("H2 housekeeping: chunks %d%% full, %d%% after %d step(s)", tidied.fillBefore(), tidied.fillAfter(), tidied.steps());
            }
        } catch (SQLException | RuntimeException e) {
            // The next run tries again; nothing is lost by a run that did not happen.
            Log.warnf("H2 housekeeping failed: %s", e.toString());
        }
    }

    /**
     * Rewrites the sparse chunks of the H2 database {@code c} is connected to, the emptiest and oldest first, until they are
     * {@value #TARGET_FILL_PERCENT} % full on average, none is old enough to be rewritten, or {@code budget} is spent.
     * Nothing for another database, an in-memory one, or one reached over H2's TCP server.
     */
    static Tidied tidy(Connection c, Duration budget) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class) || !(c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return Tidied.NOTHING;
        }
        MVStore store = session.getDatabase().getStore().getMvStore();
        if (store.getFileStore() == null) {
            return Tidied.NOTHING;
        }
        int before = store.getFileStore().getChunksFillRate();
        long until = System.nanoTime() + budget.toNanos();
        int steps = 0;
        // compact: false when the chunks are full enough, none is old enough, or a commit held the lock for 10 ms.
        while (System.nanoTime() < until && store.compact(TARGET_FILL_PERCENT, STEP_BYTES)) {
            store.commit(); // the rewritten pages written now, not in the next user's commit
            steps++;
        }
        return new Tidied(before, store.getFileStore().getChunksFillRate(), steps);
    }
}
