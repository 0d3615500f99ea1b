package app.candor.message;

import app.candor.link.LinkTokens;
import app.candor.system.CandorConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.HibernateHints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Delivers a window of claimed messages ({@code candor.mail.concurrency} at a time) in three steps, so that the
 * dispatcher can load the next window while this one is in flight: {@link #load} (one short transaction: leases
 * renewed unless just claimed, letters read, link tokens minted), {@link #send} (all at once, no transaction open) and {@link #finish}
 * (waits for every send, then {@link DeliveryRecorder} records the results).
 */
@ApplicationScoped
class DeliveryWindow {

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
    Leases leases;

    @Inject
    DeliveryRecorder recorder;

    @Inject
    MessageMetrics metrics;

    /** Bounds each send, as the blocking mailer did (see application.properties). */
    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "PT60S")
    Duration sendTimeout;

    /**
     * A claimed message as it leaves: what the send needs, and what recording its result needs, without the entity.
     * {@code toFlaggedCandidate}: its candidate's address was flagged undeliverable when the window was loaded.
     */
    record Outgoing(long id, MessageKind kind, Long applicationId, Long candidateId, String to, String subject, String html,
                    String text, String messageId, Instant dueAt, String replyTo, String calendar, boolean toFlaggedCandidate) {
    }

    /**
     * A loaded window: the ids it was given, the letters still this instance's to send, and an instant no later than
     * when their leases were last set.
     */
    record Loaded(List<Long> ids, List<Outgoing> outgoing, Instant leasedAt) {
    }

    /** A window whose sends are in flight. */
    record InFlight(Loaded window, List<CompletableFuture<Void>> sends) {
    }

    /**
     * Loads a window of claimed messages in one transaction; {@link Loaded#outgoing()} is empty if none is still ours.
     * {@code leasedAt}: no later than when their leases were last set (the claim). Leased within half the lease's margin
     * over a send, they are not renewed here (one UPDATE of every row saved; each copies the row, letter included): the
     * check before the send ({@link #send}) renews them if the window then waited too long.
     */
    Loaded load(List<Long> ids, Instant leasedAt) {
        Instant now = clock.instant();
        if (recentlyLeased(leasedAt, now)) {
            return new Loaded(ids, QuarkusTransaction.requiringNew().call(() -> read(ids, now)), leasedAt);
        }
        return new Loaded(ids, QuarkusTransaction.requiringNew().call(() -> renewAndRead(ids, now)), now);
    }

    /** Leased so recently that the lease still outlasts a send by more than half its margin. */
    private boolean recentlyLeased(Instant leasedAt, Instant now) {
        // Never true when the lease is no longer than a send (a setting that leaves no margin).
        Duration halfMargin = config.mail().lease().minus(sendTimeout).dividedBy(2);
        return Duration.between(leasedAt, now).compareTo(halfMargin) < 0;
    }

    /**
     * Hands a loaded window to the mail client, each letter on a connection of its pool, and returns at once. A window
     * loaded ahead waited for the one before it, which a stalling server can make last a whole send timeout: if that
     * wait used up more than half the lease's margin over a send, the leases are renewed again first, so that no other
     * instance takes a message over mid-send; a lease that ran out meanwhile may be someone else's, and its letter is
     * left to the next claim.
     */
    InFlight send(Loaded window) {
        Loaded ready = stillHeld(window);
        List<CompletableFuture<Void>> sends = new ArrayList<>(ready.outgoing().size());
        for (Outgoing out : ready.outgoing()) {
            sends.add(send(out));
        }
        return new InFlight(ready, sends);
    }

    /**
     * Waits for every send of the window, then records the results in one transaction; returns how many messages the
     * window was given (sent, retried, failed, or no longer ours).
     */
    int finish(InFlight window) {
        List<Outgoing> outgoing = window.window().outgoing();
        if (outgoing.isEmpty()) {
            return window.window().ids().size();
        }
        long waitFrom = System.nanoTime();
        List<Throwable> failures = new ArrayList<>(outgoing.size());
        for (CompletableFuture<Void> s : window.sends()) {
            failures.add(outcome(s));
        }
        long recordFrom = System.nanoTime();
        List<MessageState> results = recorder.record(outgoing, failures);
        metrics.window(MessageMetrics.Step.WAIT, recordFrom - waitFrom);
        metrics.window(MessageMetrics.Step.RECORD, System.nanoTime() - recordFrom);
        // Metrics once the results are committed; a failure to record leaves the messages to be taken over, uncounted.
        Instant now = clock.instant();
        for (int i = 0; i < outgoing.size(); i++) {
            switch (results.get(i)) {
                case SENT -> metrics.sent(outgoing.get(i).dueAt(), now);
                case FAILED -> metrics.failed();
                default -> metrics.retried();
            }
        }
        return window.window().ids().size();
    }

    private Loaded stillHeld(Loaded window) {
        if (window.outgoing().isEmpty()) {
            return window;
        }
        Instant now = clock.instant();
        if (recentlyLeased(window.leasedAt(), now)) {
            return window;
        }
        List<Long> ids = window.outgoing().stream().map(Outgoing::id).toList();
        Set<Long> held = new HashSet<>(QuarkusTransaction.requiringNew().call(() -> leases.renewHeld(ids, now)));
        return new Loaded(window.ids(), window.outgoing().stream().filter(out -> held.contains(out.id())).toList(), now);
    }

    /**
     * The window's messages, their leases renewed, and the candidates' link tokens minted (for these mails only; the
     * stored letter keeps the placeholders). The window was claimed with the rest of its batch, and the windows
     * before it may have used up much of the lease (a stalling server costs a whole send timeout): renewed now (and
     * again before the send if it waited long, see {@link #send}), no other instance takes a message over mid-send. A
     * lease that already ran out may belong to someone else by now: such a message is left to the next claim.
     */
    private List<Outgoing> renewAndRead(List<Long> ids, Instant now) {
        int renewed = leases.renew(ids, now);
        if (renewed == 0) {
            return List.of();
        }
        // Exactly the renewed ones: a lease that was not renewed has run out (before "now"), or is someone else's.
        return read(ids, now);
    }

    /** The window's messages this instance still holds (its lease, running after {@code now}), with their link tokens. */
    private List<Outgoing> read(List<Long> ids, Instant now) {
        // By primary key alone, the lease and state checked here: given "m.state in (...)" as well, PostgreSQL's cached
        // plan for this query intersected the ids with ix_message_due's entries for every queued message (32 000, dead ones
        // included, after bulk notices), 1.5 ms a window instead of a few rows (docs/benchmarks-history.md).
        // With whether the candidate's address is flagged undeliverable (a join by primary key): the record looks the
        // candidates up only when one is, instead of once a window (a fifth of the record's time, and it rarely found any).
        List<Object[]> rows = em.createQuery("select m, case when c.emailUndeliverable is null then false else true end"
                        + " from Message m left join m.candidate c where m.id in ?1 order by m.dueAt, m.id", Object[].class)
                .setParameter(1, ids)
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        List<Outgoing> outgoing = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Message m = (Message) row[0];
            if (!leases.holds(m, now)) {
                continue; // its lease ran out (maybe someone else's now), or it was sent, cancelled or failed meanwhile
            }
            LinkTokens.Filled body = m.kind.toCandidate() ? links.fill(m.application, m.id, m.bodyHtml, m.bodyText)
                    : new LinkTokens.Filled(m.bodyHtml, m.bodyText);
            outgoing.add(new Outgoing(m.id, m.kind, m.application == null ? null : m.application.id,
                    m.candidate == null ? null : m.candidate.id, m.recipient, m.subject, body.html(), body.text(), m.messageIdHeader, m.dueAt,
                    m.replyTo, m.calendar, Boolean.TRUE.equals(row[1])));
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
}
