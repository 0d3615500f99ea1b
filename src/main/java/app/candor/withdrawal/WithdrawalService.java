package app.candor.withdrawal;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.Stage;
import app.candor.interview.Interview;
import app.candor.interview.InterviewState;
import app.candor.link.CandidateAccess;
import app.candor.link.CandidateLink;
import app.candor.link.CandidateStatus;
import app.candor.link.CandidateStatuses;
import app.candor.link.LinkPurpose;
import app.candor.message.Composed;
import app.candor.message.Message;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.message.Outbox;
import app.candor.system.Attention;
import app.candor.system.InputValidator;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A candidate withdraws through their link: the application moves to WITHDRAWN, whatever was still
 * going to be said to them is stopped, they get one acknowledgement and the recruiter is told, all
 * in one transaction (the messages through the outbox). A second POST finds the withdrawal and does
 * nothing.
 */
@ApplicationScoped
public class WithdrawalService {

    /** Tells the recruiter, in this transaction (see notification.AttentionRecorder). */
    @Inject
    Event<Attention> attention;

    @Inject
    CandidateAccess access;

    @Inject
    CandidateStatuses statuses;

    @Inject
    ApplicationService applications;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    InputValidator validator;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<WithdrawalEvents.Withdrew> withdrew;

    public enum State {
        /** Can be withdrawn. */
        OPEN,
        /** The candidate withdrew it (now or earlier). */
        WITHDRAWN,
        /** Closed some other way: the page shows the final state instead of the form. */
        CLOSED
    }

    /** The withdraw page: the application, what state it is in, and the candidate's other open applications. */
    public record Page(CandidateStatus status, State state, List<String> otherRoles) {
        public boolean open() {
            return state == State.OPEN;
        }

        public boolean closedOtherwise() {
            return state == State.CLOSED;
        }
    }

    @Transactional
    public Page page(String token, String address) {
        CandidateLink link = access.open(token, LinkPurpose.WITHDRAW, address);
        Application a = link.application;
        State state = stateOf(a);
        List<String> others = state != State.OPEN ? List.of()
                : Application.listByCandidate(a.candidate).stream().filter(o -> !o.id.equals(a.id) && withdrawable(o))
                .map(o -> o.requisition.title).toList();
        return new Page(statuses.of(a), state, others);
    }

    public enum Result { WITHDRAWN_NOW, ALREADY_WITHDRAWN, CLOSED }

    @Transactional
    public Result withdraw(String token, WithdrawalInput input, String address) {
        CandidateLink link = access.open(token, LinkPurpose.WITHDRAW, address);
        validator.requireValid(input);
        Application clicked = link.application;

        // Lock every application this may close, in id order (two withdrawals of the same candidate
        // cannot deadlock), reading each afresh: a second POST waits for the first and then finds its withdrawal.
        TreeSet<Long> ids = new TreeSet<>();
        ids.add(clicked.id);
        if (input.all()) {
            Application.listByCandidate(clicked.candidate).forEach(o -> ids.add(o.id));
        }
        for (Long id : ids) {
            Application.refreshLocked(em.find(Application.class, id));
        }
        State state = stateOf(clicked);
        if (state == State.WITHDRAWN) {
            return Result.ALREADY_WITHDRAWN;
        }
        if (state == State.CLOSED) {
            return Result.CLOSED;
        }
        List<Application> targets = new ArrayList<>();
        for (Long id : ids) {
            Application a = em.find(Application.class, id);
            if (id.equals(clicked.id) || stateOf(a) == State.OPEN) {
                targets.add(a);
            }
        }

        Instant now = clock.instant();
        String note = InputValidator.clean(input.note());
        String history = "Withdrawn by the candidate through their link"
                + (input.reason() == null ? "" : ": " + input.reason().label.toLowerCase(Locale.ROOT));
        List<Withdrawal> recorded = new ArrayList<>();
        for (Application a : targets) {
            stopPendingMessages(a, now);
            cancelUpcomingInterviews(a, now);
            if (a.stage.isTerminal()) {
                // REJECTED, but the rejection had not gone out (stopped just above): the candidate was never told.
                applications.recordInPlace(a, Stage.WITHDRAWN, null, history + " (before the rejection was sent)", false,
                        ApplicationService.BY_CANDIDATE);
            } else {
                applications.apply(a, Stage.WITHDRAWN, null, history, ApplicationService.BY_CANDIDATE);
            }
            Withdrawal w = new Withdrawal();
            w.application = a;
            w.reason = input.reason();
            w.note = note;
            w.withdrawnAt = now;
            w.persist();
            recorded.add(w);
            withdrew.fire(new WithdrawalEvents.Withdrew(a.id, input.reason() == null ? null : input.reason().name(), now));
        }

        // One acknowledgement, signed by the recruiter of the role they clicked from, naming every role closed.
        User signer = clicked.requisition.recruiter;
        List<String> roles = targets.size() > 1 ? targets.stream().map(a -> a.requisition.title).toList() : List.of();
        Composed ack = composer.compose(clicked, signer, new MessageComposer.Content(MessageKind.WITHDRAWAL_ACKNOWLEDGEMENT, null, null, false, roles));
        Message acknowledgement = outbox.enqueue(clicked, ack, "withdrawal:" + clicked.id, signer, Outbox.Extras.NONE);
        recorded.forEach(w -> w.acknowledgementId = acknowledgement.id);

        for (Application a : targets) {
            tellRecruiter(a, input.reason(), note);
            attention.fire(Attention.byCandidate(Attention.Kind.WITHDRAWAL, a.id,
                    a.candidate.displayName() + " withdrew from " + a.requisition.title
                            + (input.reason() == null ? "." : " (" + input.reason().label + ").")));
        }
        Log.infof("Candidate %d withdrew %d application(s) through application %d's link", clicked.candidate.id, targets.size(), clicked.id);
        return Result.WITHDRAWN_NOW;
    }

    private void tellRecruiter(Application a, WithdrawalReason reason, String note) {
        User recruiter = a.requisition.recruiter;
        String name = a.candidate.firstName + " " + a.candidate.lastName;
        List<String> lines = new ArrayList<>();
        lines.add(name + " has withdrawn their application for " + a.requisition.title + " (requisition " + a.requisition.id
                + "), using the link in Candor's mail. The application is now WITHDRAWN, anything still scheduled for them was "
                + "cancelled, and they have been sent an acknowledgement.");
        lines.add("Reason: " + (reason == null ? "none given (none is needed)" : reason.label) + ".");
        if (note != null) {
            lines.add("Their note: " + note);
        }
        Composed notice = composer.composeTeamNotice(a, MessageKind.WITHDRAWAL_NOTICE, recruiter, name + " withdrew from " + a.requisition.title, lines);
        if (notice != null) {
            outbox.enqueue(a, notice, "withdrawal-notice:" + a.id, recruiter, Outbox.Extras.NONE);
        }
    }

    /**
     * Interviews still to come are off: cancelled, and the requisition's hiring manager (whose interviewers they
     * are) is told which, so nobody waits in a meeting room. The candidate's acknowledgement covers it for them.
     */
    private void cancelUpcomingInterviews(Application a, Instant now) {
        List<Interview> upcoming = Interview.lockUpcoming(a, now);
        if (upcoming.isEmpty()) {
            return;
        }
        String name = a.candidate.firstName + " " + a.candidate.lastName;
        List<String> lines = new ArrayList<>();
        lines.add(name + " has withdrawn from " + a.requisition.title + " (requisition " + a.requisition.id + "). Their upcoming "
                + (upcoming.size() == 1 ? "interview was" : "interviews were") + " cancelled; please let the interviewers know:");
        DateTimeFormatter when = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
        for (Interview i : upcoming) {
            i.state = InterviewState.CANCELLED;
            i.updatedAt = now;
            lines.add(i.kind + " on " + when.format(i.startsAt) + " UTC with "
                    + i.interviewers.stream().map(p -> p.name).collect(Collectors.joining(", ")) + ".");
            Log.infof("Interview %d cancelled: the candidate withdrew", i.id);
        }
        User manager = a.requisition.hiringManager;
        Composed notice = composer.composeTeamNotice(a, MessageKind.WITHDRAWAL_NOTICE, manager,
                name + " withdrew: interviews cancelled (" + a.requisition.title + ")", lines);
        if (notice != null) {
            outbox.enqueue(a, notice, "withdrawal-notice:" + a.id + ":interviews", manager, Outbox.Extras.NONE);
        }
    }

    /** Scheduled letters, queued ones not yet in a dispatcher's hands, and call tasks: none of them is said any more. */
    private void stopPendingMessages(Application a, Instant now) {
        for (Message m : Message.lockStoppable(a, now)) {
            m.state = MessageState.CANCELLED;
            m.dueAt = null;
            m.updatedAt = now;
            Log.infof("Message %d (%s) cancelled: the candidate withdrew", m.id, m.kind);
        }
    }

    State stateOf(Application a) {
        if (Withdrawal.findFor(a).isPresent() || a.stage == Stage.WITHDRAWN) {
            return State.WITHDRAWN;
        }
        return withdrawable(a) ? State.OPEN : State.CLOSED;
    }

    /**
     * Open, or rejected without having been told yet (the rejection is scheduled, queued or a call still
     * to make, and not being sent this very moment): until a candidate hears the answer, they may still withdraw.
     */
    boolean withdrawable(Application a) {
        if (!a.stage.isTerminal()) {
            return true;
        }
        if (a.stage != Stage.REJECTED) {
            return false;
        }
        Instant now = clock.instant();
        Optional<Message> pending = Message.<Message>find("application = ?1 and kind = ?2 and state in ?3", a, MessageKind.REJECTION,
                Message.NOT_YET_DELIVERED).stream().filter(m -> m.leaseRunOut(now)).findFirst();
        return pending.isPresent();
    }
}
