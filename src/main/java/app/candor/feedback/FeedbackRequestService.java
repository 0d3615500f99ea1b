package app.candor.feedback;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.link.CandidateAccess;
import app.candor.link.CandidateLink;
import app.candor.link.CandidateStatus;
import app.candor.link.CandidateStatuses;
import app.candor.link.LinkPurpose;
import app.candor.message.Composed;
import app.candor.message.Message;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Outbox;
import app.candor.system.Attention;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * "Ask for feedback", from the link in a rejection: one POST records the request and tells the
 * recruiter; the application page shows it until it is answered (the answer itself is written from
 * the hiring managers' shareable feedback).
 */
@ApplicationScoped
public class FeedbackRequestService {

    /** Tells the recruiter, in this transaction (see notification.AttentionRecorder). */
    @Inject
    Event<Attention> attention;

    @Inject
    CandidateAccess access;

    @Inject
    CandidateStatuses statuses;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public enum State { CAN_ASK, ASKED, NOT_AVAILABLE }

    public record Page(CandidateStatus status, State state, String askedOn) {
        public boolean canAsk() {
            return state == State.CAN_ASK;
        }

        public boolean asked() {
            return state == State.ASKED;
        }
    }

    @Transactional
    public Page page(String token, String address) {
        CandidateLink link = access.open(token, LinkPurpose.FEEDBACK, address);
        return page(link.application);
    }

    public enum Result { RECORDED, ALREADY_ASKED, NOT_AVAILABLE }

    @Inject
    Event<FeedbackRequestEvents.Requested> requested;

    @Transactional
    public Result ask(String token, String address) {
        CandidateLink link = access.open(token, LinkPurpose.FEEDBACK, address);
        Application a = link.application;
        Application.refreshLocked(a); // a double click waits here, then finds the first request
        State state = page(a).state();
        if (state == State.ASKED) {
            return Result.ALREADY_ASKED;
        }
        if (state == State.NOT_AVAILABLE) {
            return Result.NOT_AVAILABLE;
        }
        Instant now = clock.instant();
        FeedbackRequest request = new FeedbackRequest();
        request.application = a;
        request.requestedAt = now;
        request.persist();
        requested.fire(new FeedbackRequestEvents.Requested(a.id, now));

        User recruiter = a.requisition.recruiter;
        String name = a.candidate.firstName + " " + a.candidate.lastName;
        Composed notice = composer.composeTeamNotice(a, MessageKind.FEEDBACK_REQUEST_NOTICE, recruiter,
                name + " asked for feedback on " + a.requisition.title,
                List.of(name + " was told that their application for " + a.requisition.title + " (requisition " + a.requisition.id
                                + ") was not successful and has asked for feedback, using the link in the rejection.",
                        "The request is shown on the application until it is answered. Share only what the hiring manager marked as shareable."));
        if (notice != null) {
            outbox.enqueue(a, notice, "feedback-request:" + a.id, recruiter, Outbox.Extras.NONE);
        }
        attention.fire(Attention.byCandidate(Attention.Kind.FEEDBACK_REQUEST, a.id,
                name + " asked for feedback on " + a.requisition.title + "."));
        Log.infof("Application %d: the candidate asked for feedback", a.id);
        return Result.RECORDED;
    }

    private Page page(Application a) {
        CandidateStatus status = statuses.of(a);
        var asked = FeedbackRequest.findFor(a);
        if (asked.isPresent()) {
            return new Page(status, State.ASKED, statuses.date(asked.get().requestedAt, status.language()));
        }
        // Only once the rejection has reached them: the link comes with it, but a rejection can be withdrawn from or undone.
        boolean told = a.stage == Stage.REJECTED && !Message.hasUntoldOutcome(a);
        return new Page(status, told ? State.CAN_ASK : State.NOT_AVAILABLE, null);
    }
}
