package app.candor.message;

import app.candor.candidate.Candidate;
import app.candor.message.DeliveryWindow.Outgoing;
import app.candor.system.Attention;
import app.candor.system.CandorConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records how a window's sends ended: the sent ones SENT (and {@link LettersDelivered} fired), a transient failure
 * (connection trouble, SMTP 4xx) QUEUED again with exponential backoff and jitter, an SMTP 5xx or the last attempt
 * FAILED.
 */
@ApplicationScoped
class DeliveryRecorder {

    /** Under the dispatcher's name: the lines, and the log settings that name it, are as before the split. */
    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    /** Tells the recruiter, in this transaction (see notification.AttentionRecorder). */
    @Inject
    Event<Attention> attention;

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    Event<LettersDelivered> delivered;

    @Inject
    DeliveryFailures failures;

    @Inject
    Event<MessageEvents.Sent> sentEvents;

    /**
     * Records how the window's attempts ended ({@code errors}: null for a sent one), in one transaction; returns each
     * message's state now (SENT, FAILED, or QUEUED for a retry), in the order of {@code outgoing}. The sent ones with one
     * set-based update; what follows from a delivery (a closing letter closes its application) observes {@link LettersDelivered}.
     */
    List<MessageState> record(List<Outgoing> outgoing, List<Throwable> errors) {
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
                Throwable failure = errors.get(i);
                if (failure == null) {
                    sent.add(out.id());
                    told.add(new LettersDelivered.Delivered(out.id(), out.kind(), out.applicationId()));
                    kinds.merge(out.kind(), 1, Integer::sum);
                    if (out.kind().toCandidate() && out.candidateId() != null && out.toFlaggedCandidate()) {
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
                    // An address flagged undeliverable works after all: looked up only for candidates flagged when the window
                    // was loaded (a flag set since, by a bounce or a refusal, stands: this letter may bounce as well).
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
            LOG.infof("Dispatcher: %d message(s) sent %s, %d to retry, %d failed (of %d ids %d–%d)", sent.size(), kinds, retrying, failed,
                    outgoing.size(), outgoing.get(0).id(), outgoing.get(outgoing.size() - 1).id());
            return states;
        });
    }

    /** A letter to a candidate that will not arrive: its recruiter is told, in the transaction that records it. */
    private void failed(Message m) {
        if (m.application != null && m.kind.toCandidate()) {
            attention.fire(Attention.byCandidate(Attention.Kind.LETTER_FAILED, m.application.id,
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
            LOG.warnf("Message %d failed permanently: %s", m.id, m.lastError);
            failed(m);
        } else if (m.attempts >= config.mail().maxAttempts()) {
            failures.failed(m, m.lastError, false, now);
            LOG.warnf("Message %d failed after %d attempts: %s", m.id, m.attempts, m.lastError);
            failed(m);
        } else {
            m.state = MessageState.QUEUED;
            m.dueAt = now.plus(backoff(m.attempts));
            LOG.infof("Message %d not sent (attempt %d), retrying at %s: %s", m.id, m.attempts, m.dueAt, m.lastError);
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
