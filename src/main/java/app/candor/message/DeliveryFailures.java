package app.candor.message;

import app.candor.candidate.Candidate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The one rule for a message that failed for good, used by the dispatcher (an SMTP 5xx, or every attempt used up)
 * and by the bounce reader (a delivery status notification that came later): FAILED with the reason, nothing more to
 * send, and on a permanent refusal of the candidate's own address that address flagged as undeliverable until the
 * recruiter changes it. Fires {@link MessageEvents.Failed} in the same transaction.
 */
@ApplicationScoped
public class DeliveryFailures {

    @Inject
    Event<MessageEvents.Failed> failed;

    @Inject
    Event<LetterBounced> bounced;

    /** {@code permanent}: the receiving side refused the address (5xx now, or a bounce later); else the attempts ran out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void failed(Message m, String reason, boolean permanent, Instant now) {
        boolean wasSent = m.state == MessageState.SENT;
        m.lastError = reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        m.state = MessageState.FAILED;
        m.dueAt = null;
        m.leaseOwner = null;
        m.leaseUntil = null;
        m.updatedAt = now;
        if (permanent) {
            Candidate c = m.candidate;
            if (m.kind.toCandidate() && c != null && c.email.equalsIgnoreCase(m.recipient)) {
                c.emailUndeliverable = m.lastError;
            }
        }
        if (wasSent) {
            bounced.fire(new LetterBounced(m, now));
        }
        failed.fire(new MessageEvents.Failed(m.id, m.kind, m.application == null ? null : m.application.id,
                m.candidate == null ? null : m.candidate.id, m.lastError, now));
    }
}
