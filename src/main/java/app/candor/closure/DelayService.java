package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.PromisePolicy;
import app.candor.application.StageChange;
import app.candor.message.Composed;
import app.candor.message.Message;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Outbox;
import app.candor.message.Preview;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** A decision that needs longer: the promise moves later and the candidate is told, with an apology, in one step. */
@ApplicationScoped
public class DelayService {

    @Inject
    InputValidator validator;

    @Inject
    ApplicationService applications;

    @Inject
    PromisePolicy promises;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    Supersession supersession;

    @Inject
    Clock clock;

    @Transactional
    public Preview preview(long applicationId, DelayInput input, User actor) {
        Application a = check(applicationId, input, actor);
        return Preview.of(compose(a, input, actor), 1);
    }

    @Transactional
    public Message delay(long applicationId, DelayInput input, User actor) {
        Application.lockForUpdate(applicationId);
        Application a = check(applicationId, input, actor);
        supersession.forApplication(a, MessageKind.DECISION_DELAYED, Instant.now(clock), actor.username);
        String note = "Decision delayed from " + a.promisedDecisionDate + " to " + input.promisedDecisionDate();
        StageChange change = applications.recordInPlace(a, a.stage, input.promisedDecisionDate(), note, false, actor);
        return outbox.enqueue(a, compose(a, input, actor), "stage-change:" + change.id, actor,
                new Outbox.Extras(InputValidator.clean(input.personalNote()), null, null));
    }

    private Composed compose(Application a, DelayInput input, User actor) {
        return composer.compose(a, actor, new MessageComposer.Content(MessageKind.DECISION_DELAYED,
                InputValidator.clean(input.personalNote()), input.promisedDecisionDate(), false));
    }

    private Application check(long applicationId, DelayInput input, User actor) {
        validator.requireValid(input);
        Application a = Application.findVisible(applicationId, actor)
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        if (a.stage.isTerminal()) {
            throw ProblemException.conflict("The application is closed (" + a.stage.name() + "); there is no decision to delay.");
        }
        LocalDate date = promises.promiseFor(a.stage, input.promisedDecisionDate());
        if (a.promisedDecisionDate != null && !date.isAfter(a.promisedDecisionDate)) {
            throw ProblemException.invalidField("promisedDecisionDate", "must be later than the current promise ("
                    + a.promisedDecisionDate + "): a delay moves the date later");
        }
        return a;
    }
}
