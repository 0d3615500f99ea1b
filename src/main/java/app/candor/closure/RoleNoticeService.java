package app.candor.closure;

import app.candor.system.RowLock;
import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Outbox;
import app.candor.message.Preview;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionStatus;
import app.candor.requisition.RequisitionStatusChange;
import app.candor.requisition.RequisitionView;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A requisition put on hold or cancelled: every open application is told that the role changed —
 * explicitly not a rejection. Cancelling closes them as ROLE_CLOSED. Status, history and every
 * notice are written in one transaction.
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

    public record Result(RequisitionView requisition, int notices) {
    }

    /** One sample notice (for the first open application) and how many candidates would get one. */
    @Transactional
    public Preview preview(long requisitionId, StatusChangeInput input, User actor) {
        Requisition r = check(requisitionId, input, actor);
        MessageKind kind = kindFor(input.status());
        List<Application> open = Application.listOpenByRequisition(r);
        if (kind == null || open.isEmpty()) {
            return new Preview(kind, null, null, null, null, null, null, null, 0);
        }
        return Preview.of(composer.compose(open.get(0), actor, new MessageComposer.Content(kind, null, null, false)), open.size());
    }

    @Transactional
    public Result change(long requisitionId, StatusChangeInput input, User actor) {
        RowLock.requisition(requisitionId);
        Requisition r = check(requisitionId, input, actor);
        Instant now = clock.instant();
        RequisitionStatusChange change = new RequisitionStatusChange();
        change.requisition = r;
        change.fromStatus = r.status;
        change.toStatus = input.status();
        change.changedBy = actor.username;
        change.changedAt = now;
        change.note = InputValidator.clean(input.note());
        change.persist();
        r.status = input.status();
        r.updatedAt = now;

        MessageKind kind = kindFor(input.status());
        int notices = 0;
        if (kind != null) {
            for (Application a : Application.listOpenByRequisition(r)) {
                String cause;
                if (kind == MessageKind.ROLE_CANCELLED) {
                    StageChange closed = applications.apply(a, Stage.ROLE_CLOSED, null, "Role cancelled", actor);
                    cause = "stage-change:" + closed.id;
                } else {
                    cause = "role-status:" + change.id + ":application:" + a.id;
                }
                outbox.enqueue(a, composer.compose(a, actor, new MessageComposer.Content(kind, null, null, false)), cause, actor,
                        Outbox.Extras.NONE);
                notices++;
            }
        }
        Log.infof("Requisition %d %s -> %s by %s; %d candidates notified", r.id, change.fromStatus, r.status, actor.username, notices);
        return new Result(RequisitionView.of(r), notices);
    }

    private static MessageKind kindFor(RequisitionStatus status) {
        return switch (status) {
            case ON_HOLD -> MessageKind.ROLE_ON_HOLD;
            case CANCELLED -> MessageKind.ROLE_CANCELLED;
            default -> null;
        };
    }

    private Requisition check(long requisitionId, StatusChangeInput input, User actor) {
        validator.requireValid(input);
        Requisition r = Requisition.findVisible(requisitionId, actor)
                .orElseThrow(() -> ProblemException.notFound("Requisition", requisitionId));
        RequisitionStatus from = r.status;
        RequisitionStatus to = input.status();
        if (to == RequisitionStatus.FILLED) {
            throw ProblemException.invalidField("status", "FILLED is not available yet: move the hired candidate to HIRED "
                    + "and close the other applications one by one");
        }
        if (from == to) {
            throw ProblemException.conflict("The requisition is already " + from + "; nothing was changed or sent.");
        }
        boolean allowed = switch (from) {
            case OPEN -> to == RequisitionStatus.ON_HOLD || to == RequisitionStatus.CANCELLED;
            case ON_HOLD -> to == RequisitionStatus.OPEN || to == RequisitionStatus.CANCELLED;
            case CANCELLED, FILLED -> false;
        };
        if (!allowed) {
            throw ProblemException.conflict("A requisition that is " + from + " cannot become " + to
                    + (from == RequisitionStatus.CANCELLED || from == RequisitionStatus.FILLED ? ": that status is final." : "."));
        }
        return r;
    }
}
