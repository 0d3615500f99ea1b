package app.candor.closure;

import app.candor.application.Application;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.system.BusinessCalendar;
import app.candor.withdrawal.Withdrawal;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Closure happens when the candidate has been told, not when the stage changes: the dispatcher calls
 * this when a closing letter is SENT, the call-done step when a closing call was made. One
 * acknowledgement can answer a withdrawal from several applications; it closes all of them.
 */
@ApplicationScoped
public class ClosureRecorder {

    @Inject
    BusinessCalendar calendar;

    /** A letter that went out, as {@link #toldAll} needs it: no entity, so that recording a batch loads no message. */
    public record Told(long messageId, MessageKind kind, Long applicationId) {
    }

    /**
     * The dispatcher's batch of delivered letters, within the transaction that records them; returns how
     * many applications this closed. As {@link #told} with {@code loaded} false, for all of them at once: one
     * lookup of the withdrawals the acknowledgements answer, one conditional update (see
     * {@link Application#closeAllById}) and one log line, instead of a statement and a line per letter.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toldAll(List<Told> letters, Instant at) {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        List<Long> acknowledgements = new ArrayList<>();
        for (Told t : letters) {
            if (t.kind().closes() && t.applicationId() != null) {
                ids.add(t.applicationId());
                if (t.kind() == MessageKind.WITHDRAWAL_ACKNOWLEDGEMENT) {
                    acknowledgements.add(t.messageId());
                }
            }
        }
        if (!acknowledgements.isEmpty()) {
            Withdrawal.<Withdrawal>list("acknowledgementId in ?1", acknowledgements).forEach(w -> ids.add(w.application.id));
        }
        if (ids.isEmpty()) {
            return 0;
        }
        List<Long> closed = Application.closeAllById(ids, at, LocalDate.ofInstant(at, calendar.zone()));
        if (!closed.isEmpty()) {
            Log.infof("%d application(s) closed: the candidate was told (%s)", closed.size(),
                    closed.size() <= 20 ? "applications " + closed : "applications " + closed.get(0) + " … " + closed.get(closed.size() - 1));
        }
        return closed.size();
    }

    /**
     * Within the transaction that records the delivery; returns how many applications this closed.
     * The dispatcher ({@code loaded} false) closes with a conditional update (see
     * {@link Application#closeById}), so recording a delivery never fails on a recruiter's concurrent
     * edit (a failed record would mean sending again). A recruiter's step that has the application
     * loaded ({@code loaded} true) changes the entity, so its own flush cannot write the old state back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int told(Message m, Instant at, boolean loaded) {
        if (!m.kind.closes() || m.application == null) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        ids.add(m.application.id);
        if (m.kind == MessageKind.WITHDRAWAL_ACKNOWLEDGEMENT) {
            Withdrawal.<Withdrawal>list("acknowledgementId", m.id).forEach(w -> {
                if (!ids.contains(w.application.id)) {
                    ids.add(w.application.id);
                }
            });
        }
        LocalDate day = LocalDate.ofInstant(at, calendar.zone());
        int closed = 0;
        for (Long id : ids) {
            boolean closedNow;
            if (loaded) {
                Application a = Application.findById(id);
                closedNow = a.closureState != app.candor.application.ClosureState.CLOSED;
                a.close(at, day);
            } else {
                closedNow = Application.closeById(id, at, day);
            }
            if (closedNow) {
                closed++;
                Log.infof("Application %d closed: the candidate was told (message %d, %s)", id, m.id, m.kind);
            }
        }
        return closed;
    }
}
