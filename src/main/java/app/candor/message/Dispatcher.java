package app.candor.message;

import app.candor.system.CandorConfig;
import app.candor.system.WhileStarted;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the outbox: wakes after each commit that queued messages and on a poll, and runs rounds on its own thread.
 * Each round claims due messages in a short transaction ({@link Leases}: several app instances never send the same
 * message), then works through them a window at a time ({@code candor.mail.concurrency} messages,
 * {@link DeliveryWindow}). While a window's sends are in flight the thread loads the next window (claiming the next
 * batch first when this one is used up), so that the database's round trips overlap with SMTP's; the next window's
 * sends start only once this window's results are recorded ({@link DeliveryRecorder}), so that no more than one
 * window is ever sent and not yet recorded: what a crash can send twice. A message whose sender died mid-way is taken
 * over when its lease runs out, so a restart loses nothing.
 *
 * <p>Shutting down (SIGTERM, a rolling update) is graceful: the dispatcher takes no new message, lets the
 * window being handed to SMTP finish and records it, and releases the leases of the messages it claimed
 * but did not start, so that another instance takes them at once instead of after the lease.
 */
@ApplicationScoped
public class Dispatcher {

    @Inject
    Leases leases;

    @Inject
    DeliveryWindow window;

    @Inject
    MessageMetrics metrics;

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    /** How long shutdown waits for the delivery in flight (see application.properties: longer than a send may take). */
    @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "PT30S")
    Duration shutdownTimeout;

    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** Set when the application shuts down: no new claim, no next message of a claimed batch. */
    private volatile boolean stopping;
    /**
     * Set once start-up has finished. Before, no round runs: a start that fails (production settings, the first
     * admin) shuts the container down under a round that had already begun, which then died on a half-destroyed
     * container with a stack trace in the middle of the message that says why the start failed.
     */
    private volatile boolean started;
    /** A claimed batch was left unfinished (shutdown, an error): shutdown has leases to give back. */
    private volatile boolean mayHoldLeases;

    /**
     * Rounds run on the dispatcher's own thread, outside any request. Handed to the managed executor,
     * the after-commit round inherited the committing request's Vert.x duplicated context and CDI
     * request context, after that request had ended, and the mail client ran on that context: now and
     * then a send hung until quarkus.mailer.timeout without a byte of SMTP traffic, then went out on the retry.
     */
    private ExecutorService thread;

    @PostConstruct
    void start() {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "candor-dispatcher");
            t.setDaemon(true);
            return t;
        });
        Log.infof("Dispatcher %s delivers the outbox (lease owner on the messages it claims)", leases.owner());
    }

    /**
     * Shutdown, before the beans (mailer, datasource) are destroyed: the round in progress finishes the
     * window it is sending (bounded by quarkus.mailer.timeout) and stops there; then the leases this
     * instance still holds, on messages it claimed but never started, are released for the other instances.
     * If the send outlives the shutdown timeout it is interrupted, and its lease left to run out: it may
     * have reached the server, and releasing it could send it twice.
     */
    void onShutdown(@Observes @Priority(10) ShutdownEvent event) {
        stopping = true;
        thread.shutdown(); // a round waiting to start still runs, sees "stopping" and returns at once
        long deadline = System.nanoTime() + shutdownTimeout.toNanos();
        boolean idle = false;
        try {
            // The dispatcher thread, and then any round run directly (dispatchDue() is public), must be done.
            if (thread.awaitTermination(shutdownTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                idle = running.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!idle) {
            thread.shutdownNow();
            Log.warnf("Dispatcher %s: the delivery in progress did not finish within %s; its lease runs out and another instance"
                    + " takes it over", leases.owner(), shutdownTimeout);
            return;
        }
        try {
            int released = mayHoldLeases ? leases.release() : 0;
            Log.infof("Dispatcher %s stopped; released %d claimed message(s) to the other instances", leases.owner(), released);
        } catch (RuntimeException e) {
            Log.warnf(e, "Dispatcher %s stopped; releasing its leases failed, they run out within %s", leases.owner(), config.mail().lease());
        } finally {
            running.unlock();
        }
    }

    /** After every other start-up observer (demo data, the first admin): rounds may run; take what is due already. */
    void onStarted(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) StartupEvent event) {
        started = true;
        wake();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        thread.shutdownNow(); // already done after a graceful shutdown; otherwise (no ShutdownEvent) at least stop the thread
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagesQueued event) {
        wake();
    }

    // Not while the application is not running: a poll during a failed start's shutdown created this bean after
    // the container had let go of its synthetic beans (the mailer), printing a stack trace amid the start's reason.
    // The other scheduled jobs skip the same way.
    @Scheduled(every = "${candor.mail.poll-every:5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void poll() {
        wake();
    }

    /** A round soon on the dispatcher thread; wake-ups while one is waiting to start fold into it (none is lost). */
    void wake() {
        if (wakePending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakePending.set(false);
                    dispatchDue();
                });
            } catch (RejectedExecutionException e) {
                wakePending.set(false); // shutting down
            }
        }
    }

    /** Sends everything that is due; returns how many messages were handled (sent, retried or failed). */
    public int dispatchDue() {
        if (stopping || !started) {
            return 0;
        }
        if (!running.tryLock()) {
            again.set(true); // the running round takes one more look before it stops
            return 0;
        }
        Round round = new Round();
        try {
            do {
                again.set(false);
                DeliveryWindow.Loaded next = round.next();
                while (next != null) {
                    if (stopping) {
                        return round.handled; // loaded but not sent: released with the rest once this thread has stopped
                    }
                    DeliveryWindow.InFlight sending = window.send(next);
                    DeliveryWindow.Loaded following = null;
                    RuntimeException loadFailed = null;
                    try {
                        following = round.next(); // while this window is in flight
                    } catch (RuntimeException e) {
                        loadFailed = e;
                    }
                    round.handled += window.finish(sending); // recorded whatever became of the next one
                    if (loadFailed != null) {
                        throw loadFailed;
                    }
                    next = following;
                }
                if (stopping) {
                    return round.handled;
                }
                mayHoldLeases = false; // each one claimed was delivered and recorded (or left to its lease by the window)
            } while (again.get() && !stopping);
        } catch (RuntimeException e) {
            if (stopping) {
                Log.debugf(e, "Dispatching stopped by the shutdown; leases left run out");
            } else {
                Log.error("Dispatching messages failed; the next round tries again", e);
            }
        } finally {
            running.unlock();
        }
        return round.handled;
    }

    /** One round's claimed batch, handed out a window at a time; claims the next batch when this one is used up. */
    private final class Round {
        private List<Long> claimed = List.of();
        /** Taken just before the claim: its leases run until at least this plus the lease. */
        private Instant claimedAt;
        private int from;
        /** Messages handled this round: sent, retried, failed, or found to be no longer this instance's. */
        int handled;

        /**
         * The next window with something to send, loaded; null when nothing is due (or the application is stopping).
         * Timed for the metrics when it found one: claims and windows that were no longer this instance's included.
         */
        DeliveryWindow.Loaded next() {
            long from = System.nanoTime();
            DeliveryWindow.Loaded loaded = load();
            if (loaded != null) {
                metrics.window(MessageMetrics.Step.LOAD, System.nanoTime() - from);
            }
            return loaded;
        }

        private DeliveryWindow.Loaded load() {
            while (!stopping) {
                if (from >= claimed.size()) {
                    claimedAt = clock.instant();
                    claimed = leases.claim();
                    from = 0;
                    if (claimed.isEmpty()) {
                        return null;
                    }
                    mayHoldLeases = true;
                }
                List<Long> ids = claimed.subList(from, Math.min(from + Math.max(1, config.mail().concurrency()), claimed.size()));
                from += ids.size();
                DeliveryWindow.Loaded loaded = window.load(ids, claimedAt);
                if (!loaded.outgoing().isEmpty()) {
                    return loaded;
                }
                handled += ids.size(); // none of them this instance's any more
            }
            return null;
        }
    }
}
