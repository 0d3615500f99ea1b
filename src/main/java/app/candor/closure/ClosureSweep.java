package app.candor.closure;

import app.candor.application.ClosureWatch;
import app.candor.system.BusinessCalendar;
import app.candor.system.WhileStarted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * Flags every open promise that has become due soon (within one business day) or overdue (the date has
 * passed), once per promise, and records when. Each step is a set-based UPDATE whose WHERE clause
 * only matches rows not flagged yet, served by {@code ix_closure_watch_sweep} (flag, date) of the narrow
 * {@code closure_watch} table, which has a row per open watch only (V26): with nothing new it touches no row.
 * Two instances sweeping at once flag each application once: the second UPDATE waits for the first one's row
 * locks and then no longer matches those rows. On PostgreSQL each step runs in rounds ({@link #pgOverdueSql}),
 * so that a sweep with nothing new stays cheap after a busy one.
 */
@ApplicationScoped
public class ClosureSweep {

    /**
     * ?1 now, ?2 today, ?3 the last date that counts as due soon. The sweep's part of {@link ClosureWatch}'s rules (its
     * flags, 0/1/2 as {@link ClosureWatch.Flag} stores them): set-based, so that a sweep of a million rows stays one statement.
     */
    public static final String DUE_SOON_SQL = "update closure_watch set flag = 1, due_soon_at = ?1"
            + " where flag = 0 and due >= ?2 and due <= ?3";
    /**
     * ?1 now, ?2 the flag it has now (0 or 1; two seeks instead of a range), ?3 today. A passed promise has lapsed: the flag
     * says so ({@link ClosureWatch#promiseLapsed()}), so the sweep writes only its narrow table, never the application's row.
     */
    public static final String OVERDUE_SQL = "update closure_watch set flag = 2, overdue_at = ?1 where flag = ?2 and due < ?3";

    /** Rows the first PostgreSQL round flags at most: small, so that PostgreSQL reads them in due order (see {@link #pgOverdueSql}). */
    public static final int PG_FIRST_ROUND = 100;
    /** Rows each later PostgreSQL round flags at most; the next round follows while a round flags as many as it may. */
    public static final int PG_ROUND = 5000;

    /**
     * PostgreSQL: {@link #OVERDUE_SQL} as a round of at most {@code limit} rows, with the same parameters. Why: the rows a
     * busy sweep flags leave their old versions' entries in ix_closure_watch_sweep, in the very range the next sweeps read,
     * until VACUUM (autovacuum waits for 20 % of a table). As one UPDATE, PostgreSQL reads that range with a bitmap scan,
     * which visits each such entry's row again on every sweep (measured when the flags were on application: 1 000 000
     * applications, 15 000 flagged, 20 000 entries and 10 000 heap pages for each sweep that found nothing,
     * docs/benchmarks-history.md). A select in due order with a limit well below the rows PostgreSQL expects is a plain index scan,
     * which marks the entries of rows dead to everyone as dead in the index: the first sweep after a busy one pays, the
     * next ones read a few index pages (hence the small first round: it is all an idle sweep runs). The update takes the
     * selected row versions by their ctid (a TID scan, whatever the statistics say) and keeps the step's own
     * conditions: PostgreSQL re-checks those, not the TID, on a row it had to wait for, so a second sweep waiting on
     * this one's row locks flags none of them again. (A round that flags fewer rows than it selected, because some
     * changed meanwhile, ends its step: the rest waits for the next sweep.)
     * PostgreSQL may still read the two smaller steps (flag 1, due soon: a day or two of promises) with a bitmap scan;
     * on closure_watch that is a few pages (QueryPlansPostgresTest checks the overdue step's plain index scan).
     */
    public static String pgOverdueSql(int limit) {
        return "update closure_watch set flag = 2, overdue_at = ?1"
                + " where ctid = any (array(select ctid from closure_watch where flag = ?2 and due < ?3"
                + " order by due limit " + limit + "))"
                + " and flag = ?2 and due < ?3";
    }

    /** PostgreSQL: {@link #DUE_SOON_SQL} as a round of at most {@code limit} rows, as {@link #pgOverdueSql}; the same parameters. */
    public static String pgDueSoonSql(int limit) {
        return "update closure_watch set flag = 1, due_soon_at = ?1"
                + " where ctid = any (array(select ctid from closure_watch where flag = 0 and due >= ?2 and due <= ?3"
                + " order by due limit " + limit + "))"
                + " and flag = 0 and due >= ?2 and due <= ?3";
    }

    /** One row per run: ?1 started, ?2 finished, ?3 today, ?4 due soon, ?5 overdue, ?6 ms, ?7 instance. */
    static final String RECORD_RUN_SQL = "insert into closure_sweep (id, started_at, finished_at, today, due_soon, overdue, duration_ms,"
            + " instance) values (nextval('closure_sweep_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    /** Runs started before ?1 (served by ix_closure_sweep_started). */
    static final String PRUNE_RUNS_SQL = "delete from closure_sweep where started_at < ?1";

    /** Sweep runs are kept this long (one row per run and instance). */
    static final Duration KEEP_RUNS = Duration.ofDays(30);

    @Inject
    BusinessCalendar calendar;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    Event<ClosureEvents.PromisesFlagged> flagged;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private final String instance = "sweep-" + UUID.randomUUID().toString().substring(0, 8);

    private volatile Result last;

    /** What one sweep found: newly due soon, newly overdue, how long it took. */
    public record Result(Instant at, LocalDate today, int dueSoon, int overdue, long durationMs) {
    }

    @Scheduled(every = "${candor.closure.sweep-every:5m}", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void scheduled() {
        sweep();
    }

    /** One sweep, in its own transaction. */
    public Result sweep() {
        Timer.Sample timing = Timer.start(registry);
        try {
            return sweepOnce();
        } finally {
            timing.stop(registry.timer(ClosureMetrics.SWEEP_TIMER));
        }
    }

    private Result sweepOnce() {
        long started = System.nanoTime();
        Instant now = calendar.now();
        LocalDate today = calendar.today();
        LocalDate dueSoonUntil = calendar.dueSoonUntil(today);
        int[] found = QuarkusTransaction.requiringNew().call(() -> {
            int overdue;
            int dueSoon;
            if (DatabaseKind.isPostgreSQL(dbKind)) { // in rounds: pgOverdueSql says why
                overdue = inRounds(ClosureSweep::pgOverdueSql, now, 0, today) + inRounds(ClosureSweep::pgOverdueSql, now, 1, today);
                dueSoon = inRounds(ClosureSweep::pgDueSoonSql, now, today, dueSoonUntil);
            } else {
                overdue = update(OVERDUE_SQL, now, 0, today) + update(OVERDUE_SQL, now, 1, today);
                dueSoon = update(DUE_SOON_SQL, now, today, dueSoonUntil);
            }
            if (overdue + dueSoon > 0) {
                // In the flags' transaction: whoever needs the newly flagged rows finds them by this sweep's instant.
                flagged.fire(new ClosureEvents.PromisesFlagged(now, dueSoon, overdue));
            }
            return new int[] {overdue, dueSoon};
        });
        // Measured after the commit: with thousands of rows flagged the commit is a large part of the work (issue 8).
        long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Result result = new Result(now, today, found[1], found[0], ms);
        // The run's own row in a transaction of its own, after the flags: bookkeeping only (nothing reads it back to
        // decide), so it need not hold the flags' transaction open, and its time is not the sweep's.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery(RECORD_RUN_SQL)
                    .setParameter(1, now).setParameter(2, now.plusMillis(ms)).setParameter(3, today).setParameter(4, result.dueSoon())
                    .setParameter(5, result.overdue()).setParameter(6, ms).setParameter(7, instance).executeUpdate();
            em.createNativeQuery(PRUNE_RUNS_SQL).setParameter(1, now.minus(KEEP_RUNS)).executeUpdate();
        });
        last = result;
        registry.counter(ClosureMetrics.FLAGGED, "flag", "due_soon").increment(result.dueSoon());
        registry.counter(ClosureMetrics.FLAGGED, "flag", "overdue").increment(result.overdue());
        if (result.dueSoon() > 0 || result.overdue() > 0) {
            Log.infof("Closure sweep: %d newly due soon, %d newly overdue (%d ms)", result.dueSoon(), result.overdue(), result.durationMs());
        } else {
            Log.debugf("Closure sweep: nothing new (%d ms)", result.durationMs());
        }
        return result;
    }

    /** One statement of the sweep, in the caller's transaction: ?1 now, ?2 and ?3 as the statement says; how many it flagged. */
    private int update(String sql, Instant now, Object second, Object third) {
        return em.createNativeQuery(sql).setParameter(1, now).setParameter(2, second).setParameter(3, third).executeUpdate();
    }

    /** A PostgreSQL step: its rounds ({@link #inRounds(IntUnaryOperator)}), each {@code round} of its limit; how many in all. */
    private int inRounds(IntFunction<String> round, Instant now, Object second, Object third) {
        return inRounds(limit -> update(round.apply(limit), now, second, third));
    }

    /**
     * The rule of a PostgreSQL step's rounds, for the sweep and for whoever runs its SQL elsewhere (the bench's limit, the
     * tests): {@code flag} flags at most the limit it is given and says how many; a first round of {@value #PG_FIRST_ROUND},
     * then rounds of {@value #PG_ROUND}, until one flags fewer than it may. Returns how many in all.
     */
    public static int inRounds(IntUnaryOperator flag) {
        int total = 0;
        int limit = PG_FIRST_ROUND;
        while (true) {
            int flagged = flag.applyAsInt(limit);
            total += flagged;
            if (flagged < limit) {
                return total;
            }
            limit = PG_ROUND;
        }
    }

    /** The last sweep this instance ran, if any (for the board and the metrics). */
    public Optional<Result> last() {
        return Optional.ofNullable(last);
    }
}
