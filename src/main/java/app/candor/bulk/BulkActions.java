package app.candor.bulk;

import app.candor.application.ApplicationService;
import app.candor.application.ApplicationView;
import app.candor.application.MoveInput;
import app.candor.application.Stage;
import app.candor.closure.DelayInput;
import app.candor.closure.DelayService;
import app.candor.closure.Outcome;
import app.candor.closure.OutcomeInput;
import app.candor.closure.OutcomeService;
import app.candor.closure.StageMoveService;
import app.candor.message.Message;
import app.candor.message.Preview;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * One action on several applications of a requisition, one application at a time through the same services as
 * the single action (the outcome, the delay, the move): each in its own transaction, so that one refused (already
 * decided, moved meanwhile) leaves the others done, and reported.
 */
@ApplicationScoped
public class BulkActions {

    /** Where a bulk move may go: forward steps that keep applications open (offers and rejections are told by their letters). */
    public static final List<Stage> MOVES = List.of(Stage.SCREENING, Stage.INTERVIEW, Stage.FINAL_INTERVIEW);

    /** At most this many at once: a page of letters a person can still check. */
    public static final int LIMIT = 100;

    @Inject
    ApplicationService applications;

    @Inject
    StageMoveService moves;

    @Inject
    OutcomeService outcomes;

    @Inject
    DelayService delays;

    /** One application in the plan: its letter as the candidate would get it, or why it would be left out. */
    public record Row(long applicationId, String candidateName, String stage, Preview letter, String refusal) {
        public boolean ok() {
            return refusal == null;
        }
    }

    /** What confirming would do: a row per application, and how many letters go out. */
    public record Plan(List<Row> rows, long letters, long done) {
    }

    /** What was done: how many, the letters written, and each refusal by name. */
    public record Done(int done, int letters, List<String> refused) {
    }

    /** The letters each application would get, with nothing written. */
    public Plan plan(long requisitionId, BulkRequest request, User actor) {
        check(request);
        List<Row> rows = new ArrayList<>();
        for (long id : request.applicationIds()) {
            ApplicationView view;
            try {
                view = inRequisition(id, requisitionId, actor);
            } catch (ProblemException e) {
                rows.add(new Row(id, "Application " + id, "—", null, e.getMessage()));
                continue;
            }
            try {
                rows.add(new Row(id, view.candidate().name(), view.stage().label, preview(id, request, actor), null));
            } catch (ProblemException e) {
                rows.add(new Row(id, view.candidate().name(), view.stage().label, null, e.getMessage()));
            }
        }
        return new Plan(rows, rows.stream().filter(r -> r.letter() != null).count(), rows.stream().filter(Row::ok).count());
    }

    /** Does it, application by application. */
    public Done apply(long requisitionId, BulkRequest request, User actor) {
        check(request);
        int done = 0;
        int letters = 0;
        List<String> refused = new ArrayList<>();
        for (long id : request.applicationIds()) {
            String name = "Application " + id;
            try {
                name = inRequisition(id, requisitionId, actor).candidate().name();
                Message letter = switch (request.action()) {
                    case REJECT -> outcomes.record(id, rejection(request), actor);
                    case DELAY -> delays.delay(id, delay(request), actor);
                    case MOVE -> moves.move(id, move(request), actor).letter();
                };
                done++;
                letters += letter == null ? 0 : 1;
            } catch (ProblemException e) {
                refused.add(name + ": " + e.getMessage());
            }
        }
        Log.infof("Bulk %s on requisition %d by %s: %d done, %d refused", request.action(), requisitionId, actor.username, done,
                refused.size());
        return new Done(done, letters, refused);
    }

    private Preview preview(long id, BulkRequest request, User actor) {
        return switch (request.action()) {
            case REJECT -> outcomes.preview(id, rejection(request), actor);
            case DELAY -> delays.preview(id, delay(request), actor);
            case MOVE -> request.tell() ? moves.preview(id, move(request), actor) : checkedMove(id, request, actor);
        };
    }

    /** A move without a letter: checked as the move checks it, nothing to preview. */
    private Preview checkedMove(long id, BulkRequest request, User actor) {
        ApplicationView view = applications.view(id, actor);
        Stage.Result result = view.stage().check(request.stage());
        if (result.move().isEmpty()) {
            throw ProblemException.conflict(result.whyNot());
        }
        if (result.move().get() == Stage.Move.CORRECTION) {
            throw ProblemException.conflict("Moving back from " + view.stage().label + " is a correction; correct it on its own page, with a note.");
        }
        if (request.stage().isTerminal()) {
            throw ProblemException.conflict("A move to " + request.stage().label + " is done one by one, saying how the candidate was told.");
        }
        return null;
    }

    private static OutcomeInput rejection(BulkRequest r) {
        return new OutcomeInput(Outcome.REJECTED, r.reasonId(), r.personalNote(), null, r.templateId());
    }

    private static DelayInput delay(BulkRequest r) {
        return new DelayInput(r.promisedDecisionDate(), r.personalNote());
    }

    private static MoveInput move(BulkRequest r) {
        return new MoveInput(r.stage(), null, r.promisedDecisionDate(), null, r.tell(), r.personalNote());
    }

    private ApplicationView inRequisition(long id, long requisitionId, User actor) {
        ApplicationView view = applications.view(id, actor);
        if (!view.requisition().id().equals(requisitionId)) {
            throw ProblemException.notFound("Application", id);
        }
        return view;
    }

    private void check(BulkRequest request) {
        if (request.action() == null) {
            throw ProblemException.invalidField("action", "choose what to do with the selected candidates");
        }
        if (request.applicationIds().isEmpty()) {
            throw ProblemException.invalidField("application", "select at least one candidate");
        }
        if (request.applicationIds().size() > LIMIT) {
            throw ProblemException.invalidField("application", "select at most " + LIMIT + " candidates at once");
        }
        if (request.action() == BulkAction.MOVE && (request.stage() == null || !MOVES.contains(request.stage()))) {
            throw ProblemException.invalidField("stage", "choose the stage to move them to: Screening, Interview or Final interview");
        }
        if (request.action() == BulkAction.DELAY && request.promisedDecisionDate() == null) {
            throw ProblemException.invalidField("promisedDecisionDate", "choose the new decision date");
        }
        if (request.action() == BulkAction.REJECT && request.reasonId() == null) {
            throw ProblemException.invalidField("reasonId", "choose the rejection reason (internal, never quoted to the candidate)");
        }
        if (request.action() == BulkAction.REJECT) {
            outcomes.requireRejectionLetter(request.templateId());
        }
    }
}
