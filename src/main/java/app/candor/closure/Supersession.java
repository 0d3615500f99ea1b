package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Newer supersedes older: a letter or call still waiting to reach the candidate that a later decision makes
 * stale is cancelled, with a line in the application's history, in the transaction that writes the newer
 * one. (On hold, then reopened, then filled: the hold and reopen calls go; the "role filled" one stays.)
 * A message a dispatcher is sending this moment (a live lease) cannot be stopped; it reaches the candidate
 * before the newer one, which then corrects it.
 */
@ApplicationScoped
public class Supersession {

    @Inject
    ApplicationService applications;

    /** The pending kinds a newer message of {@code newer} makes stale; empty when it makes none. */
    public static List<MessageKind> staleBy(MessageKind newer) {
        if (newer.closes() && newer != MessageKind.WITHDRAWAL_ACKNOWLEDGEMENT) {
            return List.of(MessageKind.ROLE_ON_HOLD, MessageKind.ROLE_REOPENED, MessageKind.DECISION_DELAYED, MessageKind.STAGE_UPDATE);
        }
        return switch (newer) {
            case ROLE_ON_HOLD -> List.of(MessageKind.ROLE_REOPENED, MessageKind.DECISION_DELAYED, MessageKind.STAGE_UPDATE);
            case ROLE_REOPENED -> List.of(MessageKind.ROLE_ON_HOLD, MessageKind.DECISION_DELAYED, MessageKind.STAGE_UPDATE);
            // Each names a decision date: the newer date makes the older letter's stale.
            case DECISION_DELAYED, STAGE_UPDATE -> List.of(MessageKind.DECISION_DELAYED, MessageKind.ROLE_REOPENED, MessageKind.STAGE_UPDATE);
            default -> List.of();
        };
    }

    /** Cancels the application's pending messages that {@code newer} makes stale; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forApplication(Application a, MessageKind newer, Instant now, String by) {
        List<MessageKind> stale = staleBy(newer);
        if (stale.isEmpty()) {
            return 0;
        }
        return cancel(Message.getEntityManager().createQuery("select m from Message m where m.application = ?1 and m.kind in ?2"
                + " and m.state in ?3 and " + Message.LEASE_RUN_OUT_AT_4 + " order by m.id", Message.class)
                .setParameter(1, a), stale, newer, now, by);
    }

    /** As {@link #forApplication}, for every application of a requisition (a role notice to all of them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forRequisition(Requisition r, MessageKind newer, Instant now, String by) {
        List<MessageKind> stale = staleBy(newer);
        if (stale.isEmpty()) {
            return 0;
        }
        return cancel(Message.getEntityManager().createQuery("select m from Message m join fetch m.application where m.requisition = ?1"
                + " and m.kind in ?2 and m.state in ?3 and " + Message.LEASE_RUN_OUT_AT_4 + " order by m.id", Message.class)
                .setParameter(1, r), stale, newer, now, by);
    }

    private int cancel(TypedQuery<Message> query, List<MessageKind> stale, MessageKind newer, Instant now, String by) {
        List<Message> pending = query.setParameter(2, stale).setParameter(3, Message.NOT_YET_DELIVERED).setParameter(4, now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (Message m : pending) {
            String what = m.state == MessageState.CALL_PENDING ? "call" : "letter";
            m.state = MessageState.CANCELLED;
            m.dueAt = null;
            m.updatedAt = now;
            Application a = m.application;
            applications.recordInPlace(a, a.stage, a.promisedDecisionDate, "The pending \"" + m.kind.label + "\" " + what + " (message "
                    + m.id + ") was cancelled: superseded by \"" + newer.label + "\"", false, by);
            Log.infof("Message %d (%s) cancelled: superseded by %s for application %d", m.id, m.kind, newer, a.id);
        }
        return pending.size();
    }
}
