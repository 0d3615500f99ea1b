package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationEvents;
import app.candor.application.ClosureWatches;
import app.candor.candidate.Channel;
import app.candor.message.CallLogged;
import app.candor.message.LetterBounced;
import app.candor.message.LettersDelivered;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.system.BusinessCalendar;
import app.candor.withdrawal.Withdrawal;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closure happens when the candidate has been told, not when the stage changes: when a closing letter is SENT
 * ({@link LettersDelivered}) or a closing call was logged as made ({@link CallLogged}). One
 * acknowledgement can answer a withdrawal from several applications; it closes all of them.
 */
@ApplicationScoped
public class ClosureRecorder {

    @Inject
    BusinessCalendar calendar;

    @Inject
    Event<ApplicationEvents.Closed> closedEvents;

    void onDelivered(@Observes LettersDelivered delivered) {
        toldAll(delivered.letters(), delivered.at());
    }

    /** A closing letter that bounced after it was sent told nobody: its applications are watched again. */
    void onBounced(@Observes LetterBounced bounced) {
        Message m = bounced.letter();
        if (!m.kind.closes() || m.application == null || m.sentAt == null) {
            return;
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
        for (Long id : ids) {
            Application a = Application.findById(id);
            if (a.closure.notToldAfterAll(m.sentAt)) {
                Log.infof("Application %d open again: its closing letter (message %d, %s) bounced after it was sent", id, m.id, m.kind);
            }
        }
    }

    void onCallLogged(@Observes CallLogged logged) {
        told(logged.call(), logged.at());
    }

    /**
     * The dispatcher's batch of delivered letters, within the transaction that records them; returns how
     * many applications this closed. One lookup of the withdrawals the acknowledgements answer, one conditional
     * update that never fails on a recruiter's concurrent edit ({@link ClosureWatches#toldAll}: a failed record
     * would mean sending again), and one log line for the batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int toldAll(List<LettersDelivered.Delivered> letters, Instant at) {
        Set<Long> ids = new LinkedHashSet<>();
        List<Long> acknowledgements = new ArrayList<>();
        for (LettersDelivered.Delivered t : letters) {
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
        List<Long> closed = ClosureWatches.toldAll(ids, at, LocalDate.ofInstant(at, calendar.zone()));
        if (!closed.isEmpty()) {
            Map<Long, Long> letterOf = new HashMap<>();
            letters.forEach(t -> {
                if (t.applicationId() != null) {
                    letterOf.putIfAbsent(t.applicationId(), t.messageId());
                }
            });
            // An acknowledgement closes every application withdrawn with it; those not named by a letter get the first one.
            Long any = acknowledgements.isEmpty() ? null : acknowledgements.get(0);
            closed.forEach(id -> closedEvents.fire(new ApplicationEvents.Closed(id, ApplicationEvents.Closed.BY_LETTER, letterOf.getOrDefault(id, any), at)));
        }
        if (!closed.isEmpty()) {
            Log.infof("%d application(s) closed: the candidate was told (%s)", closed.size(),
                    closed.size() <= 20 ? "applications " + closed : "applications " + closed.get(0) + " … " + closed.get(closed.size() - 1));
        }
        return closed.size();
    }

    /**
     * A letter told by a recruiter's step (a call logged as done), within that step's transaction;
     * returns how many applications this closed. The step has the application loaded, so it changes the entity and
     * its own flush cannot write the old state back. (The dispatcher records its deliveries with {@link #toldAll}.)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int told(Message m, Instant at) {
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
            Application a = Application.findById(id);
            if (a.closure.told(at, day)) {
                a.chasedAt = null;
                closed++;
                closedEvents.fire(new ApplicationEvents.Closed(id, m.channel == Channel.PHONE
                        ? ApplicationEvents.Closed.BY_CALL : ApplicationEvents.Closed.BY_LETTER, m.id, at));
                Log.infof("Application %d closed: the candidate was told (message %d, %s)", id, m.id, m.kind);
            }
        }
        return closed;
    }
}
