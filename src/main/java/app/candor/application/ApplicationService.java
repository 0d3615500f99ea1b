package app.candor.application;

import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.CandidateService;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionStatus;
import app.candor.requisition.RequisitionView;
import app.candor.system.BusinessCalendar;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Applications: attaching candidates to requisitions and moving them through the stages. */
@ApplicationScoped
public class ApplicationService {

    @Inject
    CandidateRequests.Withdrawn withdrawn;

    @Inject
    CandidateRequests.FeedbackAsked feedbackAsked;

    @Inject
    ClosingLetters closingLetters;

    @Inject
    InputValidator validator;

    @Inject
    CandidateService candidates;

    @Inject
    PromisePolicy promises;

    @Inject
    Clock clock;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Event<ApplicationEvents.Created> created;

    @Inject
    Event<ApplicationEvents.StageChanged> stageChanged;

    @Inject
    Event<ApplicationEvents.Closed> closed;

    @Transactional
    public Application attach(long requisitionId, NewApplication input, User actor) {
        validator.requireValid(input);
        Requisition requisition = openRequisition(requisitionId, actor);
        Candidate candidate = Candidate.<Candidate>findByIdOptional(input.candidateId())
                .orElseThrow(() -> ProblemException.invalidField("candidateId", "candidate " + input.candidateId() + " does not exist"));
        return create(requisition, candidate, input.note(), input.promisedDecisionDate(), actor);
    }

    /** Adds a person by their details: an existing candidate with that e-mail is reused, not duplicated. */
    @Transactional
    public Added addCandidate(long requisitionId, CandidateInput input, User actor) {
        Requisition requisition = openRequisition(requisitionId, actor);
        CandidateService.FoundOrCreated found = candidates.findOrCreate(input);
        return new Added(create(requisition, found.candidate(), null, null, actor), found.created());
    }

    public record Added(Application application, boolean newCandidate) {
    }

    /** The requisition, if visible and still taking candidates. Used by the CSV import too. */
    public Requisition openRequisition(long requisitionId, User actor) {
        Requisition requisition = Requisition.findVisible(requisitionId, actor)
                .orElseThrow(() -> ProblemException.notFound("Requisition", requisitionId));
        if (requisition.status != RequisitionStatus.OPEN) {
            throw ProblemException.conflict("Requisition " + requisitionId + " is " + requisition.status
                    + "; candidates can only be added to an OPEN requisition.");
        }
        return requisition;
    }

    Application create(Requisition requisition, Candidate candidate, String note, LocalDate chosenPromise, User actor) {
        if (Application.exists(requisition, candidate)) {
            throw ProblemException.conflict(candidate.email + " is already a candidate in requisition " + requisition.id + ".");
        }
        Instant now = clock.instant();
        Application a = new Application();
        a.requisition = requisition;
        a.recruiterId = a.requisition.recruiter.id;
        a.candidate = candidate;
        a.stage = Stage.APPLIED;
        a.stageEnteredAt = now;
        a.promisedDecisionDate = promises.promiseFor(Stage.APPLIED, chosenPromise);
        a.closure.open(a.promisedDecisionDate);
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        created.fire(new ApplicationEvents.Created(a.id, requisition.id, candidate.id, now));
        record(a, null, Stage.APPLIED, InputValidator.clean(note), false, actor.username, now);
        Log.infof("Application %d: candidate %d added to requisition %d by %s", a.id, candidate.id, requisition.id, actor.username);
        return a;
    }

    /**
     * Moves an application to another stage, records who, when, why and what was promised. A move that tells the
     * candidate goes through closure/StageMoveService, which writes the stage update with it.
     */
    @Transactional
    public Application move(long applicationId, MoveInput input, User actor) {
        validator.requireValid(input);
        if (input.tells()) {
            // Moved here, the candidate would never get the stage update the input asks for.
            throw new IllegalArgumentException("a move that tells the candidate goes through StageMoveService");
        }
        return recordMove(applicationId, input, actor).application;
    }

    /**
     * The checks of a move, with nothing written: the application it would move. For a move that tells the
     * candidate, the stage update's preview (closure/StageMoveService) is composed for it next.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Application checkMove(long applicationId, MoveInput input, User actor) {
        validator.requireValid(input);
        Application a = Application.findVisible(applicationId, actor)
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        Stage.Result result = a.stage.check(input.stage());
        result.move().orElseThrow(() -> ProblemException.conflict(result.whyNot()));
        checkTell(a, input);
        return a;
    }

    /**
     * As {@link #move}, in the caller's transaction, answered with the entry it added to the history. A move that
     * tells the candidate locks the application first and is checked for that too; its caller,
     * closure/StageMoveService, then writes the stage update in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StageChange recordMove(long applicationId, MoveInput input, User actor) {
        validator.requireValid(input);
        if (input.tells()) {
            Application.lockForUpdate(applicationId);
        }
        Application a = Application.findVisible(applicationId, actor)
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        if (input.told() != null && !input.stage().isTerminal() && input.stage() != Stage.OFFER) {
            throw ProblemException.invalidField("told", "only a move to OFFER or a final stage can record how the candidate was told");
        }
        if (input.stage().isTerminal()) {
            // A final answer on its way is the answer: a plain move must not contradict it (accepting an offer is no contradiction).
            closingLetters.onItsWay(a)
                    .filter(m -> !(input.stage() == Stage.HIRED && m.offer()))
                    .ifPresent(m -> {
                        throw ProblemException.conflict("A closing message is on its way to the candidate (message " + m.messageId() + ", "
                                + m.kind() + ", " + m.state() + "); moving to " + input.stage().name() + " would contradict it."
                                + " Cancel it first, or let it reach them.");
                    });
        }
        if (input.tells()) {
            checkTell(a, input);
        }
        StageChange change = apply(a, input.stage(), input.promisedDecisionDate(), input.note(), actor.username, true, input.told());
        if (input.told() == null && !a.closure.isClosed() && TOLD_BY_LETTER.contains(input.stage())) {
            // Checked after the move's own checks so that those answer first; the transaction rolls the move back.
            throw ProblemException.invalidField("told", "is required to move to " + input.stage().name() + " without a letter: how the"
                    + " candidate was told (how: IN_PERSON, PHONE, VIDEO_CALL or OTHER). " + (input.stage() == Stage.REJECTED
                    ? "To tell them by letter or call, record the outcome (POST /api/applications/" + applicationId + "/outcome)."
                    : "To tell every candidate of the role, cancel or fill the requisition."));
        }
        return change;
    }

    /** Stages a move may tell the candidate about with a stage update: the steps forward that keep the application open. */
    static final Set<Stage> TOLD_BY_STAGE_UPDATE = EnumSet.of(Stage.SCREENING, Stage.INTERVIEW, Stage.FINAL_INTERVIEW);

    private static void checkTell(Application a, MoveInput input) {
        if (!input.tells()) {
            return;
        }
        Stage.Move move = a.stage.check(input.stage()).move().orElse(null);
        if (move == null) {
            return; // not a move at all: the move's own check says why
        }
        if (!TOLD_BY_STAGE_UPDATE.contains(input.stage()) || move != Stage.Move.ADVANCE) {
            throw ProblemException.invalidField("tellCandidate", "a stage update goes with a move forward to Screening, Interview or"
                    + " Final interview; an offer or a rejection is told through the outcome");
        }
    }

    /** A note for the team, kept in the application's history as an entry that changes nothing else. */
    @Transactional
    public StageChange addNote(long applicationId, String note, User actor) {
        validator.requireValid(new NoteInput(note));
        Application a = Application.findVisible(applicationId, actor)
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        return record(a, a.stage, a.stage, InputValidator.clean(note), false, actor.username, clock.instant());
    }

    /**
     * Final stages a plain move reaches only with how the candidate was told: the others are told by letter
     * (an outcome, a role notice). HIRED is the offer accepted in person; WITHDRAWN, the candidate's own word.
     */
    static final Set<Stage> TOLD_BY_LETTER = EnumSet.of(Stage.REJECTED, Stage.ROLE_CLOSED);

    /**
     * The candidate of an application whose answer is decided (a final stage, or OFFER) was told outside
     * Candor's letters: recorded with who, when and how, which closes the watch. Refused while a closing
     * letter or call is on its way (it tells them; cancel it or log the call instead) and once they were told.
     */
    @Transactional
    public ApplicationView recordTold(long applicationId, ToldInput input, User actor) {
        validator.requireValid(input);
        Application.lockForUpdate(applicationId);
        Application a = Application.findVisible(applicationId, actor)
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        if (a.closure.isClosed()) {
            throw ProblemException.conflict("The candidate was already told a final answer (" + a.closure.closedAt() + "); nothing was recorded.");
        }
        if (!a.stage.isTerminal() && a.stage != Stage.OFFER) {
            throw ProblemException.conflict("The application is at " + a.stage.name() + ": there is no final answer to tell yet."
                    + " Record the outcome, or move it to a final stage with how the candidate was told.");
        }
        closingLetters.onItsWay(a).ifPresent(m -> {
            throw ProblemException.conflict("A closing message is on its way to the candidate (message " + m.messageId() + ", " + m.kind()
                    + ", " + m.state() + "); it tells them. Cancel it first, or mark the call done.");
        });
        told(a, input, actor.username, clock.instant());
        return view(a);
    }

    /** Records how the candidate was told (closing the watch) with a line in the history. */
    private void told(Application a, ToldInput input, String by, Instant now) {
        Instant at = input.at() == null ? now : input.at().toInstant();
        String note = InputValidator.clean(input.note());
        if (a.closure.toldAnotherWay(at, LocalDate.ofInstant(at, calendar.zone()), input.how(), by, note)) {
            a.chasedAt = null;
            record(a, a.stage, a.stage, "Candidate told " + input.how().label + (note == null ? "" : ": " + note), false, by, now);
            closed.fire(new ApplicationEvents.Closed(a.id, input.how().name(), null, at));
        }
    }

    /**
     * The one way a stage changes: checks the move, sets the promise, records the history entry and
     * returns it. Callers (outcomes, role notices) run it inside their own transaction, next to the
     * message the move causes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StageChange apply(Application a, Stage to, LocalDate chosenPromise, String rawNote, User actor) {
        return apply(a, to, chosenPromise, rawNote, actor.username);
    }

    /** Who the history names for a change the candidate made through their link. */
    public static final String BY_CANDIDATE = "(candidate)";

    /** As {@link #apply(Application, Stage, LocalDate, String, User)}, for a change not made by a user: {@link #BY_CANDIDATE}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StageChange apply(Application a, Stage to, LocalDate chosenPromise, String rawNote, String changedBy) {
        return apply(a, to, chosenPromise, rawNote, changedBy, true, null);
    }

    /**
     * As {@link #apply(Application, Stage, LocalDate, String, User)}, for one of many applications moved
     * together (a role cancelled or filled): the same checks and history, without a log line per
     * application; the caller logs once for all of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StageChange applyInBulk(Application a, Stage to, String rawNote, User actor) {
        return apply(a, to, null, rawNote, actor.username, false, null);
    }

    private StageChange apply(Application a, Stage to, LocalDate chosenPromise, String rawNote, String changedBy, boolean log, ToldInput told) {
        Stage.Result result = a.stage.check(to);
        Stage.Move move = result.move().orElseThrow(() -> ProblemException.conflict(result.whyNot()));
        String note = InputValidator.clean(rawNote);
        if (move == Stage.Move.CORRECTION && note == null) {
            throw ProblemException.invalidField("note", "is required when moving backwards from "
                    + a.stage.name() + " to " + to.name() + " (a correction)");
        }
        LocalDate promise = promises.promiseFor(to, chosenPromise);
        Instant now = clock.instant();
        Stage from = a.stage;
        a.stage = to;
        a.stageEnteredAt = now;
        a.promise(promise, calendar.today());
        a.updatedAt = now;
        StageChange change = record(a, from, a.stage, note, move == Stage.Move.CORRECTION, changedBy, now);
        if (told != null) {
            told(a, told, changedBy, now);
        } else if (to == Stage.HIRED) {
            // A hire is an answer given in person (the offer accepted), whether or not an offer letter went out.
            told(a, new ToldInput(ClosureWatch.ToldHow.IN_PERSON, null, "the offer was accepted"), changedBy, now);
        } else if (to == Stage.WITHDRAWN && !BY_CANDIDATE.equals(changedBy)) {
            // A withdrawal a recruiter records was the candidate's own word to them. (Through the link it closes with its acknowledgement.)
            told(a, new ToldInput(ClosureWatch.ToldHow.OTHER, null, "the candidate withdrew in their own words"),
                    changedBy, now);
        }
        if (log) {
            Log.infof("Application %d moved %s -> %s by %s", a.id, from, a.stage, changedBy);
        }
        return change;
    }

    /**
     * A new promised date without a stage change (a delayed decision), or an undo of an unsent
     * rejection: recorded in the history like a move.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StageChange recordInPlace(Application a, Stage to, LocalDate promise, String note, boolean correction, User actor) {
        return recordInPlace(a, to, promise, note, correction, actor.username);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StageChange recordInPlace(Application a, Stage to, LocalDate promise, String note, boolean correction, String changedBy) {
        Instant now = clock.instant();
        Stage from = a.stage;
        if (from != to) {
            a.stage = to;
            a.stageEnteredAt = now;
        }
        a.promise(promise, calendar.today());
        a.updatedAt = now;
        return record(a, from, to, InputValidator.clean(note), correction, changedBy, now);
    }

    public LocalDate today() {
        return calendar.today();
    }

    /** The promise a move to {@code stage} makes: {@code chosen}, or the stage's default. */
    public LocalDate promiseFor(Stage stage, LocalDate chosen) {
        return promises.promiseFor(stage, chosen);
    }

    /** The default promise for an application entering {@code stage} today. */
    public LocalDate defaultPromise(Stage stage) {
        return promises.promiseFor(stage, null);
    }

    @Transactional
    public ApplicationView view(long applicationId, User viewer) {
        Application a = Application.findVisible(applicationId, viewer)
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
        return view(a);
    }

    private StageChange record(Application a, Stage from, Stage to, String note, boolean correction, String changedBy, Instant at) {
        StageChange change = new StageChange();
        change.application = a;
        change.fromStage = from;
        change.toStage = to;
        change.note = note;
        change.correction = correction;
        change.changedBy = changedBy;
        change.changedAt = at;
        change.promisedDecisionDate = a.promisedDecisionDate;
        change.persist();
        stageChanged.fire(new ApplicationEvents.StageChanged(a.id, a.requisition.id, a.candidate.id, from, to, correction, changedBy, at));
        return change;
    }

    /** The requisition's candidates grouped by stage: pipeline stages in order, then the closed ones. */
    @Transactional
    public PipelineView pipeline(long requisitionId, User viewer) {
        Requisition r = Requisition.findVisible(requisitionId, viewer)
                .orElseThrow(() -> ProblemException.notFound("Requisition", requisitionId));
        List<Application> all = Application.listByRequisition(r);
        List<PipelineView.StageGroup> groups = Arrays.stream(Stage.values())
                .map(stage -> new PipelineView.StageGroup(stage, all.stream().filter(a -> a.stage == stage)
                        .map(a -> ApplicationSummary.of(a, calendar)).toList()))
                .toList();
        return new PipelineView(RequisitionView.of(r), groups);
    }

    /** The application as the API shows it, built in the caller's transaction from the application it loaded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ApplicationView view(Application a) {
        return ApplicationView.of(a, StageChange.listFor(a), calendar, withdrawn.of(a).orElse(null), feedbackAsked.of(a).orElse(null),
                closingLetters);
    }
}
