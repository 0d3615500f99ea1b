package app.candor.debrief;

import app.candor.system.WhileStarted;
import app.candor.application.Application;
import app.candor.candidate.Channel;
import app.candor.interview.Interview;
import app.candor.interview.InterviewState;
import app.candor.message.Composed;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Outbox;
import app.candor.user.User;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the debrief letter once an interview has ended: to the candidate of every scheduled interview
 * that is over, whose application is still open and whose requisition has the debrief on. Each
 * interview is claimed with a conditional update, so repeated sweeps and several instances send one
 * letter. Interviews that ended more than {@link #LOOK_BACK} ago are left alone (a late letter would
 * only puzzle the candidate).
 */
@ApplicationScoped
public class DebriefLetters {

    static final Duration LOOK_BACK = Duration.ofDays(7);

    /** Where the letter's cause names its interview: {@code debrief:<interview id>}. */
    static final String CAUSE_PREFIX = "debrief:";

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Scheduled(every = "${candor.debrief.check-every:5m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void sweep() {
        sendDue();
    }

    /** Queues the debrief letter for every interview that has ended and has not had one; returns how many. */
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        List<Interview> ended = Interview.list("state = ?1 and debriefSentAt is null and startsAt < ?2 and startsAt > ?3"
                        + " and application.requisition.debriefEnabled = true order by startsAt, id",
                InterviewState.SCHEDULED, now, now.minus(LOOK_BACK));
        int sent = 0;
        for (Interview i : ended) {
            Application a = i.application;
            if (i.endsAt().isAfter(now) || a.stage.isTerminal() || a.candidate.email == null) {
                continue;
            }
            int claimed = Interview.update("debriefSentAt = ?1 where id = ?2 and debriefSentAt is null", now, i.id);
            if (claimed == 0) {
                continue; // another sweep got there first
            }
            User recruiter = a.requisition.recruiter;
            // A written letter even for a candidate who prefers calls: the answer is given through the link.
            Composed letter = composer.compose(a, recruiter, new MessageComposer.Content(MessageKind.INTERVIEW_DEBRIEF, null, null, false),
                    Channel.EMAIL);
            outbox.enqueue(a, letter, CAUSE_PREFIX + i.id, recruiter, Outbox.Extras.NONE);
            sent++;
            Log.infof("Interview %d: debrief letter queued for application %d", i.id, a.id);
        }
        return sent;
    }
}
