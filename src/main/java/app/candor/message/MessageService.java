package app.candor.message;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What a recruiter does with messages after they are written: edit or cancel before they leave, calls, resends. */
@ApplicationScoped
public class MessageService {

    @Inject
    Event<CallLogged> callsLogged;

    @Inject
    InputValidator validator;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    ApplicationService applications;

    @Inject
    Clock clock;

    @Transactional
    public MessageView view(long id, User viewer) {
        return MessageView.of(visible(id, viewer));
    }

    @Transactional
    public List<MessageView> forApplication(long applicationId, User viewer) {
        Application a = Application.findVisible(applicationId, viewer)
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        return Message.listForApplication(a).stream().map(MessageView::of).toList();
    }

    @Transactional
    public List<MessageView> forCandidate(long candidateId) {
        Candidate c = Candidate.<Candidate>findByIdOptional(candidateId)
                .orElseThrow(() -> ProblemException.notFound("Candidate", candidateId));
        return Message.listForCandidate(c).stream().map(MessageView::of).toList();
    }

    /** Changes the note and time of a scheduled message; the letter is written again with the new note. */
    @Transactional
    public MessageView edit(long id, MessageEdit input, User actor) {
        validator.requireValid(input);
        Message m = scheduled(id, actor, "changed");
        Instant at = outbox.checkSendAt(input.sendAt());
        Instant now = clock.instant();
        String note = InputValidator.clean(input.personalNote());
        User sender = User.findByUsername(m.senderUsername).orElse(actor);
        Composed c = composer.compose(m.application, sender, new MessageComposer.Content(m.kind, note, null, false), m.channel);
        m.subject = c.subject();
        m.bodyHtml = c.html();
        m.bodyText = c.text();
        m.personalNote = note;
        m.dueAt = at;
        m.updatedAt = now;
        return MessageView.of(m);
    }

    /**
     * Cancels a scheduled message. A cancelled rejection also undoes the rejection: the candidate
     * was never told, so the application goes back to where it was (recorded as a correction).
     */
    @Transactional
    public MessageView cancel(long id, User actor) {
        Message m = scheduled(id, actor, "cancelled");
        m.state = MessageState.CANCELLED;
        m.dueAt = null;
        m.updatedAt = clock.instant();
        Application a = m.application;
        if (m.kind == MessageKind.REJECTION && a.stage == Stage.REJECTED) {
            Optional<StageChange> before = StageChange.listFor(a).stream()
                    .filter(ch -> ch.toStage == Stage.REJECTED).reduce((first, second) -> second); // the latest
            Stage previous = before.map(ch -> ch.fromStage).orElse(Stage.APPLIED);
            // The candidate keeps the date they were last told; only if that has passed do they get the stage default.
            LocalDate told = StageChange.listFor(a).stream()
                    .filter(ch -> ch.toStage != Stage.REJECTED && ch.promisedDecisionDate != null)
                    .map(ch -> ch.promisedDecisionDate).reduce((first, second) -> second).orElse(null);
            LocalDate promise = told != null && !told.isBefore(applications.today()) ? told
                    : applications.defaultPromise(previous);
            applications.recordInPlace(a, previous, promise, "Rejection cancelled before it was sent", true, actor);
        }
        Log.infof("Message %d cancelled by %s", m.id, actor.username);
        return MessageView.of(m);
    }

    /** A scheduled message goes out now instead of later. */
    @Transactional
    public MessageView sendNow(long id, User actor) {
        Message m = scheduled(id, actor, "sent now");
        m.state = MessageState.QUEUED;
        m.dueAt = Outbox.dueNow(clock.instant());
        m.updatedAt = m.dueAt;
        outbox.wake();
        return MessageView.of(m);
    }

    /** The recruiter made the call: it is done, and the written confirmation goes by e-mail. */
    @Transactional
    public MessageView callDone(long id, CallDone input, User actor) {
        validator.requireValid(input);
        Message m = visibleForWrite(id, actor);
        if (m.state != MessageState.CALL_PENDING) {
            throw ProblemException.conflict("Message " + id + " is " + m.state + ", not a pending call.");
        }
        Instant now = clock.instant();
        m.state = MessageState.CALL_DONE;
        m.callDoneAt = now;
        m.callDoneBy = actor.username;
        m.callNote = input.note().strip();
        m.updatedAt = now;
        callsLogged.fire(new CallLogged(m, now));
        User sender = User.findByUsername(m.senderUsername).orElse(actor);
        Composed confirmation = composer.compose(m.application, sender,
                new MessageComposer.Content(m.kind, m.personalNote, m.application.promisedDecisionDate, true), Channel.EMAIL);
        outbox.enqueue(m.application, confirmation, m.cause + ":confirmation", sender,
                new Outbox.Extras(m.personalNote, m.rejectionReasonId, null));
        return MessageView.of(m);
    }

    /** A FAILED message tries again, to the candidate's current address (fixed in the meantime, one hopes). */
    @Transactional
    public MessageView resend(long id, User actor) {
        Message m = visibleForWrite(id, actor);
        if (m.state != MessageState.FAILED) {
            throw ProblemException.conflict("Only a FAILED message can be resent; message " + id + " is " + m.state + ".");
        }
        Candidate c = m.candidate;
        Instant now = clock.instant();
        if (m.kind.toCandidate()) {
            m.recipient = c.email;
        } else if (m.requisition == null) {
            // Team mail about no application (the digest): its addressee's current address.
            User.findByUsername(m.senderUsername).map(u -> u.email).filter(e -> !e.isBlank()).ifPresent(e -> m.recipient = e);
        } else if (m.requisition.recruiter.email != null && !m.requisition.recruiter.email.isBlank()) {
            m.recipient = m.requisition.recruiter.email; // a notice to the team: the recruiter's current address
        }
        m.state = MessageState.QUEUED;
        m.attempts = 0;
        m.dueAt = Outbox.dueNow(now);
        m.updatedAt = now;
        // The undeliverable flag stays until a message to this address gets through (the dispatcher clears it).
        outbox.wake();
        Log.infof("Message %d queued again by %s", m.id, actor.username);
        return MessageView.of(m);
    }

    private Message visible(long id, User viewer) {
        return Message.<Message>findByIdOptional(id)
                .filter(m -> m.isVisibleTo(viewer))
                .orElseThrow(() -> ProblemException.notFound("Message", id));
    }

    /**
     * The message for a change, its row locked for the rest of the transaction: a second request for
     * the same change (a double click on "call done", two tabs) waits for the first, then sees its
     * result and is refused with a conflict that says why, instead of racing it to the commit.
     */
    private Message visibleForWrite(long id, User actor) {
        return Optional.ofNullable(Message.getEntityManager().find(Message.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(m -> m.isVisibleTo(actor))
                .orElseThrow(() -> ProblemException.notFound("Message", id));
    }

    private Message scheduled(long id, User actor, String what) {
        Message m = visibleForWrite(id, actor);
        if (m.state != MessageState.SCHEDULED) {
            throw ProblemException.conflict("Message " + id + " is " + m.state + "; only a scheduled message can be " + what + ".");
        }
        if (!m.leaseRunOut(clock.instant())) {
            throw ProblemException.conflict("Message " + id + " is being sent right now and can no longer be " + what + ".");
        }
        return m;
    }
}
