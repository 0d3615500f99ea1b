package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.StageChange;
import app.candor.application.ClosureState;
import app.candor.application.Stage;
import app.candor.candidate.Channel;
import app.candor.message.MessageKind;
import app.candor.message.Composed;
import app.candor.message.Message;
import app.candor.message.MessageComposer;
import app.candor.message.MessageState;
import app.candor.message.Outbox;
import app.candor.message.Preview;
import app.candor.message.template.LetterTemplates;
import app.candor.requisition.Requisition;
import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * Recording an offer or a rejection: the stage moves and the message to the candidate is written
 * in one transaction; the preview runs the same checks and composition and writes nothing.
 */
@ApplicationScoped
public class OutcomeService {

    @Inject
    InputValidator validator;

    @Inject
    ApplicationService applications;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    BusinessCalendar calendar;

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    @Inject
    Supersession supersession;

    @Inject
    LetterTemplates templates;

    /** What may be chosen for a rejection letter in {@code language} (null: any) for a requisition's applications, and which is preselected. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LetterTemplates.Choice> rejectionLetters(String language, long requisitionId) {
        return templates.choices(MessageKind.REJECTION, language, Requisition.findById(requisitionId));
    }

    /** Refused (400 on templateId) unless a rejection letter: null (the default), 0 (standard) or a named rejection template. */
    public void requireRejectionLetter(Long templateId) {
        templates.requireChoice(MessageKind.REJECTION, templateId, "templateId");
    }

    /** The rejection letter preselected for the applications of this requisition (see {@link LetterTemplates#defaultChoice}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long defaultRejectionLetter(long requisitionId) {
        return templates.defaultChoice(MessageKind.REJECTION, Requisition.findById(requisitionId));
    }

    @Transactional
    public List<RejectionReason> reasons() {
        return RejectionReason.listActive();
    }

    @Transactional
    public Preview preview(long applicationId, OutcomeInput input, User actor) {
        Checked checked = check(applicationId, input, actor);
        return Preview.of(compose(checked.application(), input, actor), 1);
    }

    @Transactional
    public Message record(long applicationId, OutcomeInput input, User actor) {
        Application.lockForUpdate(applicationId);
        Checked checked = check(applicationId, input, actor);
        Application a = checked.application();
        String stageNote = input.outcome() == Outcome.OFFER ? "Offer recorded"
                : "Rejected: " + checked.reason().label;
        supersession.forApplication(a, input.outcome().kind, clock.instant(), actor.username);
        // Rejected (or moved to OFFER) earlier without a letter: nothing moves, the history says the candidate is being told now.
        StageChange change = checked.tellOnly() ? applications.recordInPlace(a, a.stage, null, stageNote + " (told now)", false, actor)
                : applications.apply(a, input.outcome().stage, null, stageNote, actor);
        Composed composed = compose(a, input, actor);
        return outbox.enqueue(a, composed, "stage-change:" + change.id, actor,
                new Outbox.Extras(InputValidator.clean(input.personalNote()), checked.reason() == null ? null : checked.reason().id,
                        input.sendAt() == null ? null : input.sendAt().toInstant()));
    }

    /** The next business day at the configured morning hour, company time: the default for a scheduled rejection. */
    public LocalDateTime nextBusinessMorning() {
        LocalDate today = calendar.today();
        LocalDateTime morning = today.atTime(config.mail().morningHour(), 0);
        if (calendar.isBusinessDay(today) && LocalDateTime.now(clock.withZone(calendar.zone())).isBefore(morning)) {
            return morning; // early on a business day: this morning is the next one
        }
        return calendar.addBusinessDays(today, 1).atTime(config.mail().morningHour(), 0);
    }

    private Composed compose(Application a, OutcomeInput input, User actor) {
        return composer.composeChosen(a, actor, new MessageComposer.Content(input.outcome().kind, InputValidator.clean(input.personalNote()),
                null, false), input.templateId());
    }

    private static final List<MessageKind> CLOSING = Arrays.stream(MessageKind.values()).filter(MessageKind::closes).toList();

    private record Checked(Application application, RejectionReason reason, boolean tellOnly) {
    }

    private Checked check(long applicationId, OutcomeInput input, User actor) {
        validator.requireValid(input);
        Application a = Application.findVisible(applicationId, actor)
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        RejectionReason reason = null;
        if (input.outcome() == Outcome.REJECTED) {
            if (input.reasonId() == null) {
                throw ProblemException.invalidField("reasonId", "is required for a rejection: choose one from the list");
            }
            reason = RejectionReason.<RejectionReason>findByIdOptional(input.reasonId()).filter(r -> r.active)
                    .orElseThrow(() -> ProblemException.invalidField("reasonId", "is not a rejection reason from the list"));
        } else if (input.reasonId() != null) {
            throw ProblemException.invalidField("reasonId", "only a rejection takes a reason");
        }
        templates.requireChoice(input.outcome().kind, input.templateId(), "templateId");
        if (input.sendAt() != null) {
            if (input.outcome() != Outcome.REJECTED) {
                throw ProblemException.invalidField("sendAt", "only a rejection can be scheduled; an offer goes out at once");
            }
            if (a.candidate.preferredChannel == Channel.PHONE) {
                throw ProblemException.invalidField("sendAt", "cannot be used for a candidate who prefers the phone: "
                        + "the call task is created at once, and you choose when to call");
            }
            outbox.checkSendAt(input.sendAt());
        }
        if (Message.existsActive(a, input.outcome().kind)) {
            throw ProblemException.conflict("An outcome (" + input.outcome().kind.label.toLowerCase()
                    + ") was already recorded for this application; nothing new was sent.");
        }
        // Moved through the plain stage API without a letter (rejected, or to OFFER): not told yet, so it may still be, once.
        boolean tellOnly = a.stage == input.outcome().stage && (a.stage == Stage.REJECTED || a.stage == Stage.OFFER);
        if (!tellOnly) {
            if (a.stage == input.outcome().stage) {
                throw ProblemException.conflict("The application is already at " + a.stage.name() + "; nothing new was sent.");
            }
            var move = a.stage.check(input.outcome().stage);
            if (move.move().isEmpty()) {
                throw ProblemException.conflict(move.whyNot());
            }
        }
        // Exactly one final answer: never a second closing letter beside one on its way or delivered.
        Message closing = Message.<Message>find("application = ?1 and kind in ?2 and state <> ?3 order by createdAt, id", a,
                CLOSING, MessageState.CANCELLED).firstResult();
        if (closing != null) {
            throw ProblemException.conflict("The candidate already has a final answer" + (Message.NOT_YET_DELIVERED.contains(closing.state)
                    ? " on its way" : "") + " (message " + closing.id + ", " + closing.kind.label + ", " + closing.state
                    + "); a second closing letter is never sent. Nothing new was sent.");
        }
        if (a.closure.isClosed()) {
            throw ProblemException.conflict("The candidate was already told a final answer"
                    + (a.closure.toldHow() == null ? "" : " (" + a.closure.toldHow().label + ", recorded by " + a.closure.toldBy() + ")")
                    + "; a second one is never sent. Nothing new was sent.");
        }
        return new Checked(a, reason, tellOnly);
    }
}
