package app.candor.interview;

import app.candor.application.Application;
import app.candor.message.Composed;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Outbox;
import app.candor.message.Preview;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Scheduling interviews: each schedule, move and cancellation is written with the letter that tells
 * the candidate (the outbox), naming everyone they will meet with their title.
 */
@ApplicationScoped
public class InterviewService {

    static final int DEFAULT_MINUTES = 60;
    static final Duration MAX_AHEAD = Duration.ofDays(366);

    @Inject
    InputValidator validator;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    InterviewCalendar calendar;

    @Transactional
    public List<InterviewView> list(long applicationId, User viewer) {
        Application a = visibleApplication(applicationId, viewer);
        return Interview.listFor(a).stream().map(this::view).toList();
    }

    @Transactional
    public InterviewView view(long id, User viewer) {
        return view(Interview.findVisible(id, viewer, false));
    }

    /** The confirmation as the candidate would get it; writes nothing. */
    @Transactional
    public Preview preview(long applicationId, InterviewInput input, User actor) {
        Application a = openApplication(applicationId, actor);
        input = resolve(input);
        check(input);
        Interview draft = new Interview();
        draft.application = a;
        apply(draft, input);
        return Preview.of(compose(draft, MessageKind.INTERVIEW_INVITATION, actor), 1);
    }

    @Transactional
    public InterviewView schedule(long applicationId, InterviewInput input, User actor) {
        Application.lockForUpdate(applicationId);
        Application a = openApplication(applicationId, actor);
        input = resolve(input);
        check(input);
        Instant now = clock.instant();
        Interview i = new Interview();
        i.application = a;
        apply(i, input);
        i.state = InterviewState.SCHEDULED;
        i.createdBy = actor.username;
        i.createdAt = now;
        i.updatedAt = now;
        i.persist();
        outbox.enqueue(a, compose(i, MessageKind.INTERVIEW_INVITATION, actor), "interview:" + i.id + ":scheduled", actor, Outbox.Extras.NONE);
        Log.infof("Interview %d scheduled on application %d by %s", i.id, a.id, actor.username);
        return view(i);
    }

    /** New time, place or people: the candidate gets the new details (one letter per change). */
    @Transactional
    public InterviewView reschedule(long id, InterviewInput input, User actor) {
        Interview i = Interview.findVisible(id, actor, true);
        requireScheduled(i, "moved");
        openApplication(i.application.id, actor);
        input = resolve(input);
        check(input);
        apply(i, input);
        i.calendarSequence++; // the candidate's calendar replaces the event it holds
        i.updatedAt = clock.instant();
        // One letter per change; the row lock above orders concurrent changes, the time tells them apart.
        outbox.enqueue(i.application, compose(i, MessageKind.INTERVIEW_RESCHEDULED, actor),
                "interview:" + i.id + ":moved:" + i.updatedAt.toEpochMilli(), actor, Outbox.Extras.NONE);
        return view(i);
    }

    @Transactional
    public InterviewView cancel(long id, User actor) {
        Interview i = Interview.findVisible(id, actor, true);
        requireScheduled(i, "cancelled");
        i.state = InterviewState.CANCELLED;
        i.calendarSequence++;
        i.updatedAt = clock.instant();
        if (i.startsAt.isAfter(i.updatedAt) && !i.application.stage.isTerminal()) {
            // Only an interview still to come is news to the candidate; a closed application has had its closing letter.
            outbox.enqueue(i.application, compose(i, MessageKind.INTERVIEW_CANCELLED, actor), "interview:" + i.id + ":cancelled",
                    actor, Outbox.Extras.NONE);
        }
        return view(i);
    }

    @Inject
    InterviewFollowUps.Feedback due;

    @Inject
    InterviewFollowUps.Debriefs debriefs;

    private InterviewView view(Interview i) {
        return InterviewView.of(i, due.dueAt(i), due.missing(i, clock.instant()), i.id == null ? null : debriefs.answerFor(i).orElse(null));
    }

    private Composed compose(Interview i, MessageKind kind, User actor) {
        List<String> people = i.interviewers.stream().map(p -> p.name + ", " + p.title).toList();
        Composed letter = composer.compose(i.application, actor, new MessageComposer.Content(kind, null, null, false, List.of(),
                new MessageComposer.InterviewFacts(i.startsAt, i.kind.name(), i.location, people)));
        if (i.id == null) {
            return letter; // a preview of an interview not yet scheduled: no event to name yet
        }
        // Composed now and stored with the letter: a retry sends the same event, and the message keeps what was sent.
        return letter.withCalendar(calendar.ics(i, i.application.requisition.title + " – " + composer.companyName(),
                String.join("\n", people)));
    }

    /** The interview's people as an input keeps them (a move from the page changes the time and place only). */
    @Transactional
    public List<InterviewInput.InterviewerInput> peopleOf(long id, User viewer) {
        return Interview.findVisible(id, viewer, false).interviewers.stream()
                .map(p -> new InterviewInput.InterviewerInput(p.name, p.title, p.userId, p.email)).toList();
    }

    /** Hiring managers and recruiters who can be chosen as interviewers, by name. */
    @Transactional
    public List<InterviewSection.Choice> people() {
        return User.listByName().stream().filter(u -> u.active && (u.isHiringManager() || u.isRecruiter()))
                .map(u -> new InterviewSection.Choice(u.id, u.fullName + (u.jobTitle == null ? "" : ", " + u.jobTitle))).toList();
    }

    /**
     * The people with those chosen from Candor's users filled in from their accounts: their name and title unless
     * typed, and always their address. Someone who is not an active hiring manager or recruiter is refused.
     */
    private static InterviewInput resolve(InterviewInput input) {
        if (input == null || input.interviewers() == null) {
            return input;
        }
        List<InterviewInput.InterviewerInput> people = new ArrayList<>();
        for (int n = 0; n < input.interviewers().size(); n++) {
            InterviewInput.InterviewerInput p = input.interviewers().get(n);
            if (p == null || p.userId() == null) {
                people.add(p);
                continue;
            }
            User u = User.findById(p.userId());
            if (u == null || !u.active || !(u.isHiringManager() || u.isRecruiter())) {
                throw ProblemException.invalidField("interviewers[" + n + "].userId", "is not an active hiring manager or recruiter in Candor");
            }
            people.add(new InterviewInput.InterviewerInput(blank(p.name()) ? u.fullName : p.name(), blank(p.title()) ? u.jobTitle : p.title(),
                    u.id, u.email));
        }
        return new InterviewInput(input.startsAt(), input.durationMinutes(), input.kind(), input.location(), people);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void check(InterviewInput input) {
        validator.requireValid(input);
        Instant at = input.startsAt().toInstant();
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            throw ProblemException.invalidField("startsAt", "must be in the future");
        }
        if (at.isAfter(now.plus(MAX_AHEAD))) {
            throw ProblemException.invalidField("startsAt", "must be within a year");
        }
        if (input.kind() != InterviewKind.PHONE && InputValidator.clean(input.location()) == null) {
            throw ProblemException.invalidField("location", input.kind() == InterviewKind.VIDEO
                    ? "is required for a video interview: the meeting link" : "is required for an interview on site: the address");
        }
    }

    private static void apply(Interview i, InterviewInput input) {
        i.startsAt = input.startsAt().toInstant();
        i.durationMinutes = input.durationMinutes() == null ? DEFAULT_MINUTES : input.durationMinutes();
        i.kind = input.kind();
        i.location = InputValidator.clean(input.location());
        i.interviewers.clear();
        input.interviewers().forEach(p -> i.interviewers.add(new Interviewer(p.name().strip(), p.title().strip(), p.userId(),
                blank(p.email()) ? null : p.email().strip())));
    }

    private static void requireScheduled(Interview i, String what) {
        if (i.state != InterviewState.SCHEDULED) {
            throw ProblemException.conflict("Interview " + i.id + " is " + i.state + " and cannot be " + what + ".");
        }
    }

    private static Application visibleApplication(long applicationId, User viewer) {
        return Application.findVisible(applicationId, viewer).orElseThrow(() -> ProblemException.notFound("Application", applicationId));
    }

    private static Application openApplication(long applicationId, User actor) {
        Application a = visibleApplication(applicationId, actor);
        if (a.stage.isTerminal()) {
            throw ProblemException.conflict("Application " + applicationId + " is closed (" + a.stage.name() + "); interviews are for open applications.");
        }
        return a;
    }

}
