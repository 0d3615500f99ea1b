package app.candor.message;

import app.candor.system.WhileStarted;
import app.candor.candidate.Candidate;
import app.candor.link.LinkTokens;
import app.candor.system.CandorConfig;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.ext.mail.SMTPException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers the outbox. Each round claims due messages in a short transaction (a lease, so that
 * several app instances never send the same message), then works through them a window at a time
 * ({@code candor.mail.concurrency} messages): loads the window in one short transaction, sends its
 * messages all at once with no transaction open, then records their results in another short
 * transaction. Transient failures (connection trouble,
 * SMTP 4xx) retry with exponential backoff and jitter; SMTP 5xx fails at once. A message whose
 * sender died mid-way is taken over when its lease runs out, so a restart loses nothing.
 *
 * <p>Shutting down (SIGTERM, a rolling update) is graceful: the dispatcher takes no new message, lets the
 * window being handed to SMTP finish and records it, and releases the leases of the messages it claimed
 * but did not start, so that another instance takes them at once instead of after the lease.
 */
@ApplicationScoped
public class Dispatcher {

    /** Tells the recruiter, in this transaction (see notification.AttentionRecorder). */
    @Inject
    jakarta.enterprise.event.Event<app.candor.system.Attention> attention;

    /**
     * Due, unclaimed messages. On PostgreSQL the rows are locked with SKIP LOCKED, so concurrent
     * dispatchers pass each other by; the conditional UPDATE in {@link #claim} is what makes a claim
     * exclusive on every database (H2 has no SKIP LOCKED).
     */
    public static final String DUE_SQL = "select id from message where state in ('QUEUED', 'SCHEDULED') and due_at <= ?1"
            + " and (lease_until is null or lease_until < ?1) order by due_at, id limit ?2";
    public static final String SKIP_LOCKED = " for update skip locked";
    /**
     * H2 reads {@link #DUE_SQL} through ix_message_due (state, due_at): every due message, sorted, for each claim
     * (10 001 rows per claim of 20 with a bulk notice of 10 000 queued). In due order it reads the first rows and
     * stops, as PostgreSQL does by itself (V12__postgres_indexes.sql).
     */
    static final String H2_DUE_SQL = DUE_SQL.replace(" from message ", " from message use index (ix_message_due_order) ");
    /**
     * Takes one due message for this instance (?1 owner, ?2 lease until, ?3 id, ?4 now), only while nobody else
     * holds it. The version bump makes a concurrent edit or cancel of this message fail instead of racing the send.
     * Native, so that QueryPlansPostgresTest explains the very statement the app runs.
     */
    public static final String CLAIM_SQL = "update message set lease_owner = ?1, lease_until = ?2, version = version + 1"
            + " where id = ?3 and state in ('QUEUED', 'SCHEDULED') and (lease_until is null or lease_until < ?4)";

    @Inject
    MailSender sender;

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    LinkTokens links;

    @Inject
    Event<LettersDelivered> delivered;

    @Inject
    MessageMetrics metrics;

    @Inject
    DeliveryFailures failures;

    @Inject
    jakarta.enterprise.event.Event<MessageEvents.Sent> sentEvents;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** Bounds each send, as the blocking mailer did (see application.properties). */
    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "PT60S")
    Duration sendTimeout;

    /** How long shutdown waits for the delivery in flight (see application.properties: longer than a send may take). */
    @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "PT30S")
    Duration shutdownTimeout;

    private final String owner = newOwner();
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
     * then a send hung until quarkus.mailer.timeout without a byte of SMTP traffic, then went out on the
     * retry (with GreenMail, in about one run in four of LettersOverSmtpTest; in none of twelve since).
     */
    private ExecutorService thread;

    @PostConstruct
    void start() {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "candor-dispatcher");
            t.setDaemon(true);
            return t;
        });
        Log.infof("Dispatcher %s delivers the outbox (lease owner on the messages it claims)", owner);
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
                    + " takes it over", owner, shutdownTimeout);
            return;
        }
        try {
            int released = mayHoldLeases ? releaseLeases() : 0;
            Log.infof("Dispatcher %s stopped; released %d claimed message(s) to the other instances", owner, released);
        } catch (RuntimeException e) {
            Log.warnf(e, "Dispatcher %s stopped; releasing its leases failed, they run out within %s", owner, config.mail().lease());
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

    /**
     * Gives back the messages this instance claimed and did not send (only called once its thread has
     * stopped, so none of them is in flight): no lease, due as before, for whichever instance claims next.
     */
    int releaseLeases() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("update Message m set m.leaseOwner = null, m.leaseUntil = null"
                        + " where m.leaseOwner = ?1 and m.state in ?2")
                .setParameter(1, owner).setParameter(2, List.of(MessageState.QUEUED, MessageState.SCHEDULED))
                .executeUpdate());
    }

    /**
     * The lease owner written on claimed messages: the host (the pod's name on Kubernetes) and the process
     * id, so that an operator can tell who holds a message, and a random part, unique per start.
     */
    static String newOwner() {
        // HOSTNAME only (set in every container): resolving the local host name can hang on a badly configured resolver.
        String host = System.getenv().getOrDefault("HOSTNAME", "").replaceAll("[^A-Za-z0-9._-]", "");
        if (host.isBlank()) {
            host = "dispatcher";
        }
        String suffix = "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        // lease_owner is varchar(64)
        return (host.length() > 64 - suffix.length() ? host.substring(0, 64 - suffix.length()) : host) + suffix;
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
        int handled = 0;
        try {
            do {
                again.set(false);
                List<Long> claimed;
                do {
                    claimed = claim();
                    mayHoldLeases |= !claimed.isEmpty();
                    // A window of sends at a time, all in flight together; its results recorded before the next starts.
                    int window = Math.max(1, config.mail().concurrency());
                    for (int from = 0; from < claimed.size(); from += window) {
                        if (stopping) {
                            return handled; // the rest of the batch is released once this thread has stopped
                        }
                        handled += deliver(claimed.subList(from, Math.min(from + window, claimed.size())));
                    }
                    mayHoldLeases = false; // each one delivered and recorded (or left to its lease by deliver)
                } while (!claimed.isEmpty() && !stopping);
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
        return handled;
    }

    List<Long> claim() {
        Instant now = clock.instant();
        Instant until = now.plus(config.mail().lease());
        return QuarkusTransaction.requiringNew().call(() -> {
            String sql = switch (dbKind) {
                case "postgresql" -> DUE_SQL + SKIP_LOCKED;
                case "h2" -> H2_DUE_SQL;
                default -> DUE_SQL;
            };
            @SuppressWarnings("unchecked")
            List<Number> due = em.createNativeQuery(sql).setParameter(1, now).setParameter(2, config.mail().batchSize()).getResultList();
            List<Long> claimed = new ArrayList<>();
            for (Number id : due) {
                int updated = em.createNativeQuery(CLAIM_SQL).setParameter(1, owner).setParameter(2, until)
                        .setParameter(3, id.longValue()).setParameter(4, now).executeUpdate();
                if (updated == 1) {
                    claimed.add(id.longValue());
                }
            }
            return claimed;
        });
    }

    /** A claimed message as it leaves: what the send needs, and what recording its result needs, without the entity. */
    private record Outgoing(long id, MessageKind kind, Long applicationId, Long candidateId, String to, String subject, String html,
                            String text, String messageId, Instant dueAt, String replyTo, String calendar) {
    }

    /**
     * Delivers a window of claimed messages: loads them (and renews their leases) in one transaction, sends
     * them all at once with no transaction open (each on a connection of the mail client's pool), waits
     * for every one of them, then records the results in one transaction. Returns how many it handled.
     */
    int deliver(List<Long> ids) {
        List<Outgoing> outgoing = QuarkusTransaction.requiringNew().call(() -> load(ids));
        if (outgoing.isEmpty()) {
            return ids.size();
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>(outgoing.size());
        for (Outgoing out : outgoing) {
            sends.add(send(out));
        }
        List<Throwable> failures = new ArrayList<>(outgoing.size());
        for (CompletableFuture<Void> s : sends) {
            failures.add(outcome(s));
        }
        List<MessageState> results = record(outgoing, failures);
        // Metrics once the results are committed; a failure to record leaves the messages to be taken over, uncounted.
        Instant now = clock.instant();
        for (int i = 0; i < outgoing.size(); i++) {
            switch (results.get(i)) {
                case SENT -> metrics.sent(outgoing.get(i).dueAt(), now);
                case FAILED -> metrics.failed();
                default -> metrics.retried();
            }
        }
        return ids.size();
    }

    /**
     * The window's messages, their leases renewed, and the candidates' link tokens minted (for these mails only; the
     * stored letter keeps the placeholders). The window was claimed with the rest of its batch, and the windows
     * before it may have used up much of the lease (a stalling server costs a whole send timeout): renewed now,
     * no other instance takes a message over mid-send. A lease that already ran out may belong to someone else by
     * now: such a message is left to the next claim.
     */
    private List<Outgoing> load(List<Long> ids) {
        Instant now = clock.instant();
        List<MessageState> claimable = List.of(MessageState.QUEUED, MessageState.SCHEDULED);
        int renewed = em.createQuery("update Message m set m.leaseUntil = ?1"
                        + " where m.id in ?2 and m.leaseOwner = ?3 and m.leaseUntil > ?4 and m.state in ?5")
                .setParameter(1, now.plus(config.mail().lease())).setParameter(2, ids).setParameter(3, owner)
                .setParameter(4, now).setParameter(5, claimable)
                .executeUpdate();
        if (renewed == 0) {
            return List.of();
        }
        // Exactly the renewed ones: a lease that was not renewed has run out (before "now"), or is someone else's.
        List<Message> messages = em.createQuery("select m from Message m where m.id in ?1 and m.leaseOwner = ?2 and m.leaseUntil > ?3"
                        + " and m.state in ?4 order by m.dueAt, m.id", Message.class)
                .setParameter(1, ids).setParameter(2, owner).setParameter(3, now).setParameter(4, claimable)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        List<Outgoing> outgoing = new ArrayList<>(messages.size());
        for (Message m : messages) {
            LinkTokens.Filled body = m.kind.toCandidate() ? links.fill(m.application, m.id, m.bodyHtml, m.bodyText)
                    : new LinkTokens.Filled(m.bodyHtml, m.bodyText);
            outgoing.add(new Outgoing(m.id, m.kind, m.application == null ? null : m.application.id,
                    m.candidate == null ? null : m.candidate.id, m.recipient, m.subject, body.html(), body.text(), m.messageIdHeader, m.dueAt,
                    m.replyTo, m.calendar));
        }
        return outgoing;
    }

    /** Hands one mail to the mail client; completes when the server has taken it, or fails (bounded by quarkus.mailer.timeout). */
    private CompletableFuture<Void> send(Outgoing out) {
        try {
            // The blocking mailer bounded each send by this timeout; the reactive one leaves it to the caller.
            return sender.send(MailHeaders.oneLine(config.mail().from()), MailHeaders.oneLine(out.to()), MailHeaders.oneLine(out.subject()),
                            out.html(), out.text(), MailHeaders.oneLine(out.messageId()),
                            out.replyTo() == null ? null : MailHeaders.oneLine(out.replyTo()), out.calendar())
                    .ifNoItem().after(sendTimeout).fail().subscribeAsCompletionStage();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for a send; null when the mail went out, else why not. Interrupted (shutdown overran), it records nothing. */
    private static Throwable outcome(CompletableFuture<Void> send) {
        try {
            send.get(); // bounded: the send fails after quarkus.mailer.timeout
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // Maybe delivered already: recording it as failed could send it twice. Its lease runs out instead.
            throw new IllegalStateException("Interrupted while sending; the window's leases run out", e);
        }
    }

    /**
     * Records how the window's attempts ended, in one transaction; returns each message's state now (SENT,
     * FAILED, or QUEUED for a retry), in the order of {@code outgoing}. The sent ones with one set-based
     * update; what follows from a delivery (a closing letter closes its application) observes {@link LettersDelivered}.
     */
    private List<MessageState> record(List<Outgoing> outgoing, List<Throwable> failures) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<MessageState> states = new ArrayList<>(outgoing.size());
            List<Long> sent = new ArrayList<>();
            List<LettersDelivered.Delivered> told = new ArrayList<>();
            Map<Long, List<String>> sentToCandidates = new HashMap<>();
            Map<MessageKind, Integer> kinds = new EnumMap<>(MessageKind.class);
            int retrying = 0;
            int failed = 0;
            for (int i = 0; i < outgoing.size(); i++) {
                Outgoing out = outgoing.get(i);
                Throwable failure = failures.get(i);
                if (failure == null) {
                    sent.add(out.id());
                    told.add(new LettersDelivered.Delivered(out.id(), out.kind(), out.applicationId()));
                    kinds.merge(out.kind(), 1, Integer::sum);
                    if (out.kind().toCandidate() && out.candidateId() != null) {
                        sentToCandidates.computeIfAbsent(out.candidateId(), c -> new ArrayList<>()).add(out.to());
                    }
                    states.add(MessageState.SENT);
                } else {
                    MessageState state = recordFailure(out.id(), failure, now);
                    if (state == MessageState.FAILED) {
                        failed++;
                    } else {
                        retrying++;
                    }
                    states.add(state);
                }
            }
            if (!sent.isEmpty()) {
                // "versioned": the version moves as it did when each message was updated as an entity.
                em.createQuery("update versioned Message m set m.state = ?1, m.sentAt = ?2, m.updatedAt = ?2, m.attempts = m.attempts + 1,"
                                + " m.leaseOwner = null, m.leaseUntil = null, m.lastError = null, m.dueAt = null where m.id in ?3")
                        .setParameter(1, MessageState.SENT).setParameter(2, now).setParameter(3, sent)
                        .executeUpdate();
                if (!sentToCandidates.isEmpty()) {
                    // An address flagged undeliverable works after all (one query; it rarely finds any).
                    Candidate.<Candidate>list("id in ?1 and emailUndeliverable is not null", sentToCandidates.keySet()).forEach(c -> {
                        if (sentToCandidates.get(c.id).stream().anyMatch(to -> c.email.equalsIgnoreCase(to))) {
                            c.emailUndeliverable = null;
                        }
                    });
                }
                delivered.fire(new LettersDelivered(told, now));
                for (Outgoing out : outgoing) {
                    if (sent.contains(out.id())) {
                        sentEvents.fire(new MessageEvents.Sent(out.id(), out.kind(), out.applicationId(), out.candidateId(), now));
                    }
                }
            }
            Log.infof("Dispatcher: %d message(s) sent %s, %d to retry, %d failed (of %d ids %d–%d)", sent.size(), kinds, retrying, failed,
                    outgoing.size(), outgoing.get(0).id(), outgoing.get(outgoing.size() - 1).id());
            return states;
        });
    }

    /** A letter to a candidate that will not arrive: its recruiter is told, in the transaction that records it. */
    private void failed(Message m) {
        if (m.application != null && m.kind.toCandidate()) {
            attention.fire(app.candor.system.Attention.byCandidate(app.candor.system.Attention.Kind.LETTER_FAILED, m.application.id,
                    m.kind.label + " to " + m.recipient + " could not be delivered: " + m.lastError));
        }
    }

    /** A failed attempt, on the entity (rare): FAILED for a permanent refusal or the last attempt, else QUEUED with backoff. */
    private MessageState recordFailure(long id, Throwable failure, Instant now) {
        Message m = Message.findById(id);
        m.attempts++;
        m.leaseOwner = null;
        m.leaseUntil = null;
        m.updatedAt = now;
        Optional<SMTPException> smtp = smtpCause(failure);
        String error = describe(failure, smtp);
        m.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        if (smtp.isPresent() && smtp.get().isPermanent()) {
            failures.failed(m, m.lastError, true, now);
            Log.warnf("Message %d failed permanently: %s", m.id, m.lastError);
            failed(m);
        } else if (m.attempts >= config.mail().maxAttempts()) {
            failures.failed(m, m.lastError, false, now);
            Log.warnf("Message %d failed after %d attempts: %s", m.id, m.attempts, m.lastError);
            failed(m);
        } else {
            m.state = MessageState.QUEUED;
            m.dueAt = now.plus(backoff(m.attempts));
            Log.infof("Message %d not sent (attempt %d), retrying at %s: %s", m.id, m.attempts, m.dueAt, m.lastError);
        }
        return m.state;
    }

    Duration backoff(int attempts) {
        return new Backoff(config.mail().initialBackoff(), config.mail().maxBackoff()).after(attempts, ThreadLocalRandom.current().nextDouble());
    }

    private static Optional<SMTPException> smtpCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SMTPException smtp) {
                return Optional.of(smtp);
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable failure, Optional<SMTPException> smtp) {
        if (smtp.isPresent()) {
            return "SMTP " + smtp.get().getReplyCode() + ": " + MailHeaders.oneLine(smtp.get().getReplyMessage());
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "Not delivered: " + MailHeaders.oneLine(message);
    }
}
