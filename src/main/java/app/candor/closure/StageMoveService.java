package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.ApplicationView;
import app.candor.application.MoveInput;
import app.candor.application.StageChange;
import app.candor.message.Composed;
import app.candor.message.Message;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Outbox;
import app.candor.message.Preview;
import app.candor.system.InputValidator;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A move to another stage from the API, the page and bulk: the move and its rules are ApplicationService's; when the
 * move tells the candidate, the stage update naming the new decision date is written here, in the move's transaction,
 * after the stale notices it supersedes are cancelled. The preview runs the same checks and composition and writes nothing.
 */
@ApplicationScoped
public class StageMoveService {

    @Inject
    ApplicationService applications;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    Supersession supersession;

    @Inject
    Clock clock;

    /** A move and the stage update it sent the candidate (null when it told them nothing). */
    public record Moved(Application application, Message letter) {
    }

    /** Moves the application and, when the input asks for it, tells the candidate with a stage update. */
    @Transactional
    public Moved move(long applicationId, MoveInput input, User actor) {
        StageChange change = applications.recordMove(applicationId, input, actor);
        Application a = change.application;
        if (!input.tells()) {
            return new Moved(a, null);
        }
        supersession.forApplication(a, MessageKind.STAGE_UPDATE, clock.instant(), actor.username);
        Message letter = outbox.enqueue(a, stageUpdate(a, input, a.promisedDecisionDate, actor), "stage-change:" + change.id, actor,
                new Outbox.Extras(InputValidator.clean(input.personalNote()), null, null));
        return new Moved(a, letter);
    }

    /**
     * {@link #move}, answered with the application as the API shows it, built in the move's own transaction
     * from the application it loaded (no second transaction reading it all again).
     */
    @Transactional
    public ApplicationView moveAndView(long applicationId, MoveInput input, User actor) {
        return applications.view(move(applicationId, input, actor).application());
    }

    /**
     * The stage update a move would send, exactly as the candidate would get it, with the decision date the move
     * would promise; checks the move as {@link #move} does and writes nothing.
     */
    @Transactional
    public Preview preview(long applicationId, MoveInput input, User actor) {
        Application a = applications.checkMove(applicationId, input, actor);
        LocalDate promise = applications.promiseFor(input.stage(), input.promisedDecisionDate());
        return Preview.of(stageUpdate(a, input, promise, actor), 1);
    }

    private Composed stageUpdate(Application a, MoveInput input, LocalDate promise, User actor) {
        return composer.compose(a, actor, MessageComposer.Content.stageUpdate(input.stage(), promise,
                InputValidator.clean(input.personalNote())));
    }
}
