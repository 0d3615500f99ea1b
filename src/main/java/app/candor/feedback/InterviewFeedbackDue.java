package app.candor.feedback;

import app.candor.interview.Interview;
import app.candor.interview.InterviewFollowUps;
import app.candor.interview.InterviewState;
import app.candor.message.Composed;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Outbox;
import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import app.candor.system.TemplateExtensions;
import app.candor.system.WhileStarted;
import app.candor.user.User;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Feedback due: once an interview has ended, the hiring manager's feedback is due within
 * {@code candor.feedback.due-working-hours} working hours. Missing feedback shows on the pages, and
 * the hiring manager gets exactly one reminder per interview: the reminder is claimed with a
 * conditional update, so repeated sweeps and several instances remind once.
 */
@ApplicationScoped
public class InterviewFeedbackDue implements InterviewFollowUps.Feedback {

    @Inject
    CandorConfig config;

    @Inject
    BusinessCalendar calendar;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    /** When the hiring manager's feedback on this interview is due. */
    @Override
    public Instant dueAt(Interview i) {
        return calendar.addWorkingHours(i.endsAt(), config.feedback().dueWorkingHours());
    }

    /** Whether the hiring manager's submitted feedback is missing past its due time. */
    @Override
    public boolean missing(Interview i, Instant now) {
        return i.state == InterviewState.SCHEDULED && now.isAfter(dueAt(i)) && !submittedByManager(i);
    }

    private static boolean submittedByManager(Interview i) {
        User manager = i.application.requisition.hiringManager;
        return manager != null && InterviewFeedback.findBy(i, manager.username).filter(f -> f.state == InterviewFeedback.State.SUBMITTED).isPresent();
    }

    /** An interview whose feedback is missing, for a recruiter's list. */
    public record Missing(Interview interview, Instant dueAt) {
    }

    /** Interviews in the recruiter's requisitions whose hiring-manager feedback is missing, longest overdue first. */
    @Transactional
    public List<Missing> missingFor(User recruiter) {
        Instant now = calendar.now();
        Instant endedBefore = now.minus(Duration.ofHours(config.feedback().dueWorkingHours()));
        return Interview.<Interview>list("state = ?1 and startsAt < ?2 and application.requisition.recruiter = ?3 order by startsAt, id",
                        InterviewState.SCHEDULED, endedBefore, recruiter).stream()
                .filter(i -> !i.application.stage.isTerminal() && missing(i, now))
                .map(i -> {
                    i.application.candidate.displayName(); // loaded for the page
                    i.application.requisition.hiringManager.fullName.length();
                    return new Missing(i, dueAt(i));
                })
                .limit(100).toList();
    }

    @Scheduled(every = "${candor.feedback.check-every:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void sweep() {
        remindMissing();
    }

    /** Reminds the hiring manager of every interview whose feedback is now missing and who was not reminded yet; returns how many. */
    @Transactional
    public int remindMissing() {
        Instant now = calendar.now();
        // Interviews that ended at least the due hours ago in plain hours are the only ones that can be past due in working hours.
        Instant endedBefore = now.minus(Duration.ofHours(config.feedback().dueWorkingHours()));
        List<Interview> candidates = Interview.list("state = ?1 and feedbackRemindedAt is null and startsAt < ?2 order by startsAt, id",
                InterviewState.SCHEDULED, endedBefore);
        int reminded = 0;
        for (Interview i : candidates) {
            if (!missing(i, now) || i.application.stage.isTerminal()) {
                continue;
            }
            int claimed = Interview.update("feedbackRemindedAt = ?1 where id = ?2 and feedbackRemindedAt is null", now, i.id);
            if (claimed == 0) {
                continue; // another sweep got there first
            }
            User manager = i.application.requisition.hiringManager;
            String name = i.application.candidate.displayName();
            Composed reminder = composer.composeTeamNotice(i.application, MessageKind.FEEDBACK_REMINDER, manager,
                    "Feedback due: your interview with " + name + " (" + i.application.requisition.title + ")",
                    List.of("Your feedback on the interview with " + name + " for " + i.application.requisition.title
                                    + " was due by " + TemplateExtensions.human(dueAt(i)) + ".",
                            "The candidate is waiting for a decision, and the recruiter needs your recommendation to give one. "
                                    + "It takes a few minutes: a recommendation, strengths and concerns, and a few sentences the candidate may read."),
                    "/interviews/" + i.id + "/feedback");
            if (reminder != null) {
                outbox.enqueue(i.application, reminder, "feedback-reminder:" + i.id, manager, Outbox.Extras.NONE);
            }
            reminded++;
            Log.infof("Interview %d: feedback missing, hiring manager reminded", i.id);
        }
        return reminded;
    }
}
