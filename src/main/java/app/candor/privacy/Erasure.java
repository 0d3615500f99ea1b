package app.candor.privacy;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.Stage;
import app.candor.candidate.Candidate;
import app.candor.application.ApplicationEvents;
import app.candor.application.ClosureWatch;
import app.candor.interview.Interview;
import app.candor.interview.InterviewState;
import app.candor.message.Message;
import app.candor.message.MessageState;
import app.candor.system.BusinessCalendar;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Erasure on request: an admin removes one candidate's personal data at once, the same way retention does
 * ({@link Anonymiser}), even while applications are open. Those are closed as WITHDRAWN without a letter: whatever
 * was still to be sent or called is cancelled, upcoming interviews are off, and the history and the closure record
 * say why (the recruiter sees "erased on the candidate's request, no letter sent" on the application).
 */
@ApplicationScoped
public class Erasure {

    /** The history line and the closure record on each application the erasure closes (no personal data in it). */
    public static final String NOTE = "Closed as withdrawn: the candidate asked for their personal data to be erased. No letter was sent.";

    @Inject
    Anonymiser anonymiser;

    @Inject
    ApplicationService applications;

    @Inject
    BusinessCalendar calendar;

    @Inject
    EntityManager em;

    @Inject
    Event<ApplicationEvents.Closed> closed;

    /** What an erasure did: applications it closed, applications and messages it cleared. */
    public record Result(long candidateId, Instant at, int applicationsClosed, int applications, int messages) {
    }

    @Transactional
    public Result erase(long candidateId, User admin) {
        Candidate candidate = em.find(Candidate.class, candidateId, LockModeType.PESSIMISTIC_WRITE);
        if (candidate == null) {
            throw ProblemException.notFound("Candidate", candidateId);
        }
        if (candidate.anonymisedAt != null) {
            throw ProblemException.conflict("Candidate " + candidateId + "'s personal data was already removed (" + candidate.anonymisedAt
                    + "); nothing was changed.");
        }
        Instant now = calendar.now();
        List<Long> ids = em.createQuery("select a.id from Application a where a.candidate.id = ?1 order by a.id", Long.class)
                .setParameter(1, candidateId).getResultList();
        ids.forEach(Application::lockForUpdate); // in id order: two steps on the same applications cannot deadlock
        List<Long> open = new ArrayList<>();
        for (Long id : ids) {
            Application a = em.find(Application.class, id);
            if (!a.stage.isTerminal() || !a.closure.isClosed()) {
                open.add(id);
                for (Message m : Message.lockStoppable(a, now)) {
                    m.state = MessageState.CANCELLED;
                    m.dueAt = null;
                    m.updatedAt = now;
                }
                for (Interview i : Interview.lockUpcoming(a, now)) {
                    i.state = InterviewState.CANCELLED;
                    i.updatedAt = now;
                }
            }
        }
        em.flush();
        if (!anonymiser.claim(candidateId, Anonymiser.Why.ERASURE, now, "")) {
            throw new IllegalStateException("candidate " + candidateId + " is locked by this transaction and was not anonymised");
        }
        Anonymiser.Removed removed = anonymiser.scrub(candidateId, now);
        // The native updates changed rows this session holds: read them afresh before closing the applications.
        em.clear();
        for (Long id : open) {
            Application a = em.find(Application.class, id);
            applications.recordInPlace(a, Stage.WITHDRAWN, null, NOTE, false, admin.username);
            a.closure.toldAnotherWay(now, calendar.today(), ClosureWatch.ToldHow.OTHER, admin.username, NOTE);
            a.chasedAt = null;
            closed.fire(new ApplicationEvents.Closed(a.id, ApplicationEvents.Closed.ERASED_ON_REQUEST, null, now));
        }
        Log.infof("Candidate %d: personal data erased on request by %s (%d open application(s) closed as withdrawn, %d message(s) cleared)",
                candidateId, admin.username, open.size(), removed.messages());
        return new Result(candidateId, now, open.size(), removed.applications(), removed.messages());
    }
}
