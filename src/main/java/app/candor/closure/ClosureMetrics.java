package app.candor.closure;

import app.candor.system.CachedReading;
import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.ToDoubleFunction;

/**
 * The closure watch in Prometheus (/q/metrics): gauges of open, due-soon and overdue applications and
 * the on-time ratio of the last 28 days, and the meters the sweep records. The gauges share one
 * snapshot of two grouped counts, taken at most every {@code candor.closure.metrics-cache-for} (30 s),
 * so scrapes, however frequent and from however many scrapers, never hammer the database. The meters
 * carry no per-recruiter or per-requisition tags: their number of series stays fixed.
 */
@ApplicationScoped
public class ClosureMetrics {

    public static final String OPEN = "candor.closure.open";
    public static final String OPEN_DUE_SOON = "candor.closure.open.due_soon";
    public static final String OPEN_OVERDUE = "candor.closure.open.overdue";
    public static final String ON_TIME_RATIO = "candor.closure.on_time_ratio";
    public static final String SWEEP_TIMER = "candor.closure.sweep";
    public static final String FLAGGED = "candor.closure.flagged";

    static final Duration ON_TIME_WINDOW = Duration.ofDays(28);

    /** Open = state OPEN; due soon and overdue as on the board: by the promised date against today (company zone). */
    static final String OPEN_SQL = "select count(*),"
            + " sum(case when closure_due >= ?1 and closure_due <= ?2 then 1 else 0 end),"
            + " sum(case when closure_due < ?1 then 1 else 0 end)"
            + " from application where closure_state = 'OPEN'";
    static final String CLOSED_SQL = "select count(*), sum(case when closed_late = false then 1 else 0 end)"
            + " from application where closure_state = 'CLOSED' and closed_at >= ?1";

    @Inject
    MeterRegistry registry;

    @Inject
    BusinessCalendar calendar;

    @Inject
    EntityManager em;

    @Inject
    CandorConfig config;

    /** One reading of the counts, with when it was taken (by Candor's clock, so tests move it on instead of waiting). */
    record Snapshot(Instant at, double open, double dueSoon, double overdue, double onTimeRatio) {
        /** Before the first reading succeeded: no number rather than a false zero. */
        static final Snapshot NONE = new Snapshot(Instant.MIN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private final CachedReading<Snapshot> reading = new CachedReading<>("Closure metrics", Snapshot.NONE, () -> config.closure().metricsCacheFor(), this::read);

    void register(@Observes StartupEvent start) {
        gauge(OPEN, "Open applications: the candidate has not been told a final answer", Snapshot::open);
        gauge(OPEN_DUE_SOON, "Open applications whose promised date is today or the next business day", Snapshot::dueSoon);
        gauge(OPEN_OVERDUE, "Open applications whose promised date has passed", Snapshot::overdue);
        gauge(ON_TIME_RATIO, "Closures of the last 28 days that were on time, 0 to 1 (NaN without closures)", Snapshot::onTimeRatio);
        // Registered now so that they are scraped (at zero) before the first sweep; ClosureSweep records them.
        Timer.builder(SWEEP_TIMER).description("Duration of a closure sweep").register(registry);
        registry.counter(FLAGGED, "flag", "due_soon");
        registry.counter(FLAGGED, "flag", "overdue");
    }

    private void gauge(String name, String description, ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.current())).description(description).strongReference(true).register(registry);
    }

    /** The counts, read again once the last reading is older than the cache time (see {@link CachedReading}). */
    Snapshot current() {
        return reading.get(calendar.now());
    }

    private Snapshot read(Instant now) {
        LocalDate today = calendar.today();
        LocalDate dueSoonUntil = calendar.dueSoonUntil(today);
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] open = (Object[]) em.createNativeQuery(OPEN_SQL).setParameter(1, today).setParameter(2, dueSoonUntil).getSingleResult();
            Object[] closed = (Object[]) em.createNativeQuery(CLOSED_SQL).setParameter(1, now.minus(ON_TIME_WINDOW)).getSingleResult();
            long closedCount = count(closed[0]);
            double ratio = closedCount == 0 ? Double.NaN : (double) count(closed[1]) / closedCount;
            return new Snapshot(now, count(open[0]), count(open[1]), count(open[2]), ratio);
        });
    }

    /** sum() is null over no rows. */
    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
