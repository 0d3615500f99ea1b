package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.ClosureState;
import app.candor.application.ClosureWatches;
import app.candor.application.RoleEndMoves;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.message.Message;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.message.Outbox;
import app.candor.message.Preview;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionStatus;
import app.candor.requisition.RequisitionStatusChange;
import app.candor.requisition.RequisitionView;
import app.candor.system.BusinessCalendar;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A requisition's status changes, and what its candidates are told. ON_HOLD: every open application is
 * told the role is on hold (explicitly not a rejection) and its promise is paused (SUSPENDED).
 * OPEN again (from ON_HOLD): every paused application gets a fresh promise (the stage's default from
 * today) and a letter saying so. CANCELLED: every open application is told and closes as ROLE_CLOSED.
 * FILLED: every open application gets the kind "role filled" rejection and moves to REJECTED (HIRED
 * ones are already closed and untouched). Candidates told a final answer, or with an offer out, are left
 * alone (the preview lists them); pending notices the change makes stale are cancelled first
 * ({@link Supersession}); a held role that ends watches its candidates again. Status, history, every
 * stage change and every letter are written in one transaction, through the outbox's bulk path; closure
 * is recorded when each letter is sent (or its call made).
 */
@ApplicationScoped
public class RoleNoticeService {

    @Inject
    InputValidator validator;

    @Inject
    ApplicationService applications;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    Supersession supersession;

    @Inject
    BusinessCalendar calendar;

    public record Result(RequisitionView requisition, int notices) {
    }

    /** One sample letter (for the first application concerned) and how many candidates would get one; writes nothing. */
    @Transactional
    public Preview preview(long requisitionId, StatusChangeInput input, User actor) {
        Requisition r = check(requisitionId, input, actor);
        MessageKind kind = kindFor(r.status, input.status());
        List<Long> concerned = kind == null ? List.of() : concerned(r, kind);
        List<String> leftOut = kind == null || kind == MessageKind.ROLE_REOPENED ? List.of() : leftOut(r);
        if (concerned.isEmpty()) {
            return new Preview(kind, null, null, null, null, null, null, null, 0, leftOut);
        }
        Application first = Application.findById(concerned.get(0));
        LocalDate newDate = kind == MessageKind.ROLE_REOPENED ? applications.defaultPromise(first.stage) : null;
        return Preview.of(composer.compose(first, actor, new MessageComposer.Content(kind, null, newDate, false)), concerned.size())
                .leavingOut(leftOut);
    }

    @Transactional
    public Result change(long requisitionId, StatusChangeInput input, User actor) {
        long started = System.nanoTime();
        Requisition.lockForUpdate(requisitionId);
        Requisition r = check(requisitionId, input, actor);
        Instant now = clock.instant();
        RequisitionStatus from = r.status;
        RequisitionStatusChange change = new RequisitionStatusChange();
        change.requisition = r;
        change.fromStatus = from;
        change.toStatus = input.status();
        change.changedBy = actor.username;
        change.changedAt = now;
        change.note = InputValidator.clean(input.note());
        change.persist();
        r.status = input.status();
        r.updatedAt = now;

        MessageKind kind = kindFor(from, input.status());
        int superseded = kind == null ? 0 : supersession.forRequisition(r, kind, now, actor.username);
        int suspended = 0;
        int resumed = 0;
        if (kind == MessageKind.ROLE_CANCELLED || kind == MessageKind.ROLE_FILLED) {
            // The role is gone: nothing is paused any more. Every candidate still owed an answer is watched again
            // (a pending call is not a pause); one whose date passed during the hold is owed it by the next business day.
            LocalDate today = calendar.today();
            LocalDate owedBy = calendar.addBusinessDays(today, 1);
            for (Application a : Application.<Application>list("requisition = ?1 and closure.state = ?2", r, ClosureState.SUSPENDED)) {
                a.closure.resumeOwing(today, owedBy);
                a.updatedAt = now;
                resumed++;
            }
        }
        if (kind == MessageKind.ROLE_ON_HOLD) {
            suspended = ClosureWatches.suspendByRequisition(r, now, calendar.today());
        } else if (kind == MessageKind.ROLE_REOPENED) {
            resumed = ClosureWatches.resumeByRequisition(r, Stage.terminal(), now);
        }
        List<Long> concerned = kind == null ? List.of() : concerned(r, kind);
        long requisition = r.id;
        // Both clear the session: r is detached after this. A role's end closes each application concerned: the moves are made
        // in memory and written set-based (RoleEndMoves), not as one entity update per application.
        Outbox.Bulk written = kind == null ? new Outbox.Bulk(0, 0, 0)
                : kind == MessageKind.ROLE_CANCELLED || kind == MessageKind.ROLE_FILLED
                ? outbox.enqueueAll(concerned, writer(kind, change.id, actor), RoleEndMoves::write, actor)
                : outbox.enqueueAll(concerned, writer(kind, change.id, actor), actor);
        Requisition after = Requisition.findById(requisition);
        Log.infof("Requisition %d %s -> %s by %s; %d candidates notified (%d call tasks), %d promises paused, %d resumed without a letter,"
                        + " %d stale notices cancelled; written in %d ms", requisition, from, after.status, actor.username, written.messages(),
                written.calls(), suspended, resumed, superseded, Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new Result(RequisitionView.of(after), written.messages());
    }

    /**
     * What happens to each application concerned, and the letter it gets. Every cause names this
     * status change or a stage change made now: new by construction, as the bulk path requires.
     */
    private Function<Application, Outbox.Item> writer(MessageKind kind, long statusChangeId, User actor) {
        MessageComposer.Bulk composer = this.composer.bulk(); // the role's letter rendered once, not once per candidate
        return switch (kind) {
            case ROLE_ON_HOLD -> a -> new Outbox.Item(a, composer.compose(a, actor, new MessageComposer.Content(kind, null, null, false)),
                    "role-status:" + statusChangeId + ":application:" + a.id);
            case ROLE_REOPENED -> a -> {
                LocalDate promise = applications.defaultPromise(a.stage);
                applications.recordInPlace(a, a.stage, promise, "Role reopened; new promised date " + promise, false, actor);
                a.closure.resume();
                return new Outbox.Item(a, composer.compose(a, actor, new MessageComposer.Content(kind, null, promise, false)),
                        "role-status:" + statusChangeId + ":application:" + a.id);
            };
            case ROLE_CANCELLED -> a -> closing(a, Stage.ROLE_CLOSED, "Role cancelled", kind, actor, composer);
            case ROLE_FILLED -> a -> closing(a, Stage.REJECTED, "Role filled", kind, actor, composer);
            default -> throw new IllegalArgumentException(kind + " is not a role notice");
        };
    }

    /** An application closed by the role's end: the stage move (recorded in its history) and the letter that tells the candidate. */
    private Outbox.Item closing(Application a, Stage to, String note, MessageKind kind, User actor, MessageComposer.Bulk composer) {
        StageChange closed = applications.applyInBulk(a, to, note, actor);
        return new Outbox.Item(a, composer.compose(a, actor, new MessageComposer.Content(kind, null, null, false)), "stage-change:" + closed.id);
    }

    /**
     * Which applications get the letter: the paused ones when the role reopens, else every one still in the
     * pipeline that has no answer yet. A decision already told is never contradicted: a candidate told a final
     * answer (an offer sent), or with an offer on its way, is the recruiter's to decide, never a bulk letter.
     */
    private static List<Long> concerned(Requisition r, MessageKind kind) {
        if (kind == MessageKind.ROLE_REOPENED) {
            return Application.listSuspendedIds(r, true);
        }
        return Application.getEntityManager().createQuery("select a.id from Application a where a.requisition = ?1 and a.stage in ?2"
                        + " and a.closure.state <> ?3 and not exists (select m.id from Message m where m.application = a and m.kind = ?4"
                        + " and m.state <> ?5) order by a.createdAt, a.id", Long.class)
                .setParameter(1, r).setParameter(2, Stage.pipeline()).setParameter(3, ClosureState.CLOSED)
                .setParameter(4, MessageKind.OFFER).setParameter(5, MessageState.CANCELLED)
                .getResultList();
    }

    /** The applications still in the pipeline that a hold, cancellation or fill leaves alone, and why (for the preview). */
    private static List<String> leftOut(Requisition r) {
        List<String> out = new ArrayList<>();
        for (Application a : Application.<Application>list("select a from Application a join fetch a.candidate where a.requisition = ?1"
                + " and a.stage in ?2 order by a.createdAt, a.id", r, Stage.pipeline())) {
            var offer = Message.<Message>find("application = ?1 and kind = ?2 and state <> ?3"
                    + " order by createdAt desc, id desc", a, MessageKind.OFFER, MessageState.CANCELLED).firstResultOptional();
            String who = a.candidate.displayName() + " (application " + a.id + ")";
            if (a.closure.isClosed()) {
                out.add(who + ": already told a final answer" + offer.map(m -> " (offer " + m.state.name().toLowerCase() + ")").orElse("")
                        + "; nothing is sent to them");
            } else if (offer.isPresent()) {
                out.add(who + ": an offer is on its way (" + offer.get().state.name().toLowerCase() + "); what to do with it is yours to decide");
            }
        }
        return out;
    }

    /** The letter a status change sends its candidates; null for none. */
    private static MessageKind kindFor(RequisitionStatus from, RequisitionStatus to) {
        return switch (to) {
            case ON_HOLD -> MessageKind.ROLE_ON_HOLD;
            case CANCELLED -> MessageKind.ROLE_CANCELLED;
            case FILLED -> MessageKind.ROLE_FILLED;
            case OPEN -> from == RequisitionStatus.ON_HOLD ? MessageKind.ROLE_REOPENED : null;
        };
    }

    private Requisition check(long requisitionId, StatusChangeInput input, User actor) {
        validator.requireValid(input);
        Requisition r = Requisition.findVisible(requisitionId, actor)
                .orElseThrow(() -> ProblemException.notFound("Requisition", requisitionId));
        RequisitionStatus from = r.status;
        RequisitionStatus to = input.status();
        if (from == to) {
            throw ProblemException.conflict("The requisition is already " + from + "; nothing was changed or sent.");
        }
        boolean allowed = switch (from) {
            case OPEN -> to == RequisitionStatus.ON_HOLD || to == RequisitionStatus.CANCELLED || to == RequisitionStatus.FILLED;
            case ON_HOLD -> to == RequisitionStatus.OPEN || to == RequisitionStatus.CANCELLED || to == RequisitionStatus.FILLED;
            case CANCELLED, FILLED -> false;
        };
        if (!allowed) {
            throw ProblemException.conflict("A requisition that is " + from + " cannot become " + to
                    + (from == RequisitionStatus.CANCELLED || from == RequisitionStatus.FILLED ? ": that status is final." : "."));
        }
        return r;
    }
}
