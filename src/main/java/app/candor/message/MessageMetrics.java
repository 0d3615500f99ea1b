package app.candor.message;

import app.candor.system.CachedReading;
import app.candor.system.CandorConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The outbox in Prometheus (/q/metrics): how many messages are in each state (one grouped count, reused
 * for {@code candor.mail.metrics-cache-for}, 30 s, so that scrapes never hammer the database), how long a
 * due message waits until it is sent, and how delivery attempts end. Tags are the state or the result
 * only: the number of series stays fixed.
 */
@ApplicationScoped
public class MessageMetrics {

    public static final String MESSAGES = "candor.messages";
    public static final String DELIVERY = "candor.message.delivery";
    public static final String ATTEMPTS = "candor.message.attempts";
    public static final String WINDOW = "candor.dispatcher.window";

    /**
     * Where the dispatcher's time goes, per window of messages ({@link Dispatcher}, {@link DeliveryWindow}): tells an
     * operator whether the database or the mail server holds delivery back.
     */
    enum Step {
        /** Claiming (when the batch is used up) and loading the next window, while this one's sends are in flight. */
        LOAD,
        /** Waiting for this window's sends after that: the part of SMTP's time the load did not hide. */
        WAIT,
        /** Recording this window's results; the next window's sends start after it (at most one window unrecorded). */
        RECORD;

        final String tag = name().toLowerCase(Locale.ROOT);
    }

    static final String COUNT_SQL = "select state, count(*) from message group by state";

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CandorConfig config;

    /** One reading of the counts, with when it was taken (by Candor's clock, so tests move it on instead of waiting). */
    record Snapshot(Instant at, Map<MessageState, Double> counts) {
        /** Before the first reading succeeded: no number rather than a false zero. */
        static final Snapshot NONE = new Snapshot(Instant.MIN, Map.of());

        double count(MessageState state) {
            return counts.getOrDefault(state, Double.NaN);
        }
    }

    private final CachedReading<Snapshot> reading = new CachedReading<>("Message metrics", Snapshot.NONE, () -> config.mail().metricsCacheFor(), this::read);
    private Timer delivery;
    private Counter sent;
    private Counter retried;
    private Counter failed;
    private final Map<Step, Timer> steps = new EnumMap<>(Step.class);

    void register(@Observes StartupEvent start) {
        for (MessageState state : MessageState.values()) {
            Gauge.builder(MESSAGES, this, m -> m.current().count(state)).tag("state", state.name())
                    .description("Messages in this state (QUEUED and SCHEDULED wait for the dispatcher, CALL_PENDING for a recruiter's call)")
                    .strongReference(true).register(registry);
        }
        // Buckets rather than client-side percentiles: buckets add up across replicas (histogram_quantile in PromQL).
        delivery = Timer.builder(DELIVERY)
                .description("From the time a message is due (queued, or its scheduled time; for a retry, the retry's time) until it is sent")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        sent = attempts("sent");
        retried = attempts("retry");
        failed = attempts("failed");
        for (Step step : Step.values()) {
            steps.put(step, Timer.builder(WINDOW).tag("step", step.tag)
                    .description("The dispatcher's time per window of messages (candor.mail.concurrency): load (claiming and loading"
                            + " the next window while this one is in flight), wait (for this window's sends after that) and record"
                            + " (their results; the next window's sends start after it)")
                    .register(registry));
        }
    }

    /** One window's step took {@code nanos}. */
    void window(Step step, long nanos) {
        steps.get(step).record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter attempts(String result) {
        return Counter.builder(ATTEMPTS).tag("result", result)
                .description("Delivery attempts by how they ended: sent, retry (a transient failure) or failed (given up)")
                .register(registry);
    }

    /** A message went out: its wait since it became due. */
    void sent(Instant due, Instant sentAt) {
        sent.increment();
        if (due != null) {
            // The clock of another replica may run slightly behind: never a negative wait.
            delivery.record(Duration.between(due, sentAt).isNegative() ? Duration.ZERO : Duration.between(due, sentAt));
        }
    }

    void retried() {
        retried.increment();
    }

    void failed() {
        failed.increment();
    }

    /** The counts, read again once the last reading is older than the cache time (see {@link CachedReading}). */
    Snapshot current() {
        return reading.get(clock.instant());
    }

    private Snapshot read(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<MessageState, Double> counts = new EnumMap<>(MessageState.class);
            for (MessageState state : MessageState.values()) {
                counts.put(state, 0.0);  // a state no message is in is absent from the GROUP BY
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(COUNT_SQL).getResultList();
            for (Object[] row : rows) {
                counts.put(MessageState.valueOf(row[0].toString()), ((Number) row[1]).doubleValue());
            }
            return new Snapshot(now, counts);
        });
    }
}
