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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Delivers a window of claimed messages ({@code candor.mail.concurrency} at a time): loads them in one short
 * transaction, sends them all at once with no transaction open, waits for every send, and has {@link DeliveryRecorder}
 * record the results.
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

    /** A claimed message as it leaves: what the send needs, and what recording its result needs, without the entity. */
    record Outgoing(long id, MessageKind kind, Long applicationId, Long candidateId, String to, String subject, String html,
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
        List<MessageState> results = recorder.record(outgoing, failures);
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
        int renewed = leases.renew(ids, now);
        if (renewed == 0) {
            return List.of();
        }
        // Exactly the renewed ones: a lease that was not renewed has run out (before "now"), or is someone else's.
        List<Message> messages = em.createQuery("select m from Message m where m.id in ?1 and m.leaseOwner = ?2 and m.leaseUntil > ?3"
                        + " and m.state in ?4 order by m.dueAt, m.id", Message.class)
                .setParameter(1, ids).setParameter(2, leases.owner()).setParameter(3, now).setParameter(4, claimable)
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
}
