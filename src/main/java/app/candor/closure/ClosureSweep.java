package app.candor.closure;

import app.candor.application.ClosureWatch;
import app.candor.system.BusinessCalendar;
import app.candor.system.WhileStarted;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Flags every open promise that has become due soon (within one business day) or overdue (the date has
 * passed), once per promise, and records when. Each step is one set-based UPDATE whose WHERE clause
 * only matches rows not flagged yet, served by {@code ix_application_watch} (state, flag, date): with
 * nothing new it touches no row. Two instances sweeping at once flag each application once: the second
 * UPDATE waits for the first one's row locks and then no longer matches those rows.
 */
@ApplicationScoped
public class ClosureSweep {

    /**
     * ?1 now, ?2 today, ?3 the last date that counts as due soon. The sweep's part of {@link ClosureWatch}'s rules (its
     * flags, 0/1/2 as {@link ClosureWatch.Flag} stores them): set-based, so that a sweep of a million rows stays one statement.
     */
    public static final String DUE_SOON_SQL = "update application set closure_flag = 1, due_soon_at = ?1"
            + " where closure_state = 'OPEN' and closure_flag = 0 and closure_due >= ?2 and closure_due <= ?3";
    /** ?1 now, ?2 the flag it has now (0 or 1; two seeks instead of a range), ?3 today. A passed promise has lapsed. */
    public static final String OVERDUE_SQL = "update application set closure_flag = 2, overdue_at = ?1, promise_lapsed = true"
            + " where closure_state = 'OPEN' and closure_flag = ?2 and closure_due < ?3";

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
            int overdue = em.createNativeQuery(OVERDUE_SQL).setParameter(1, now).setParameter(2, 0).setParameter(3, today).executeUpdate()
                    + em.createNativeQuery(OVERDUE_SQL).setParameter(1, now).setParameter(2, 1).setParameter(3, today).executeUpdate();
            int dueSoon = em.createNativeQuery(DUE_SOON_SQL).setParameter(1, now).setParameter(2, today).setParameter(3, dueSoonUntil)
                    .executeUpdate();
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

    /** The last sweep this instance ran, if any (for the board and the metrics). */
    public Optional<Result> last() {
        return Optional.ofNullable(last);
    }
}
