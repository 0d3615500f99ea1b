package app.candor.interview;

import java.time.Instant;
import java.util.Optional;

/**
 * What follows an interview, as its view shows it: the hiring manager's feedback and the candidate's debrief. Feedback
 * and debrief come after interview: each provides its part, interview only asks.
 */
public final class InterviewFollowUps {

    private InterviewFollowUps() {
    }

    /** Provided by feedback. */
    public interface Feedback {
        /** When the hiring manager's feedback is due (working hours after the interview ends). */
        Instant dueAt(Interview interview);

        /** Due and not submitted. */
        boolean missing(Interview interview, Instant now);
    }

    /** Provided by debrief. */
    public interface Debriefs {
        /** The candidate's answer, if they gave one. */
        Optional<DebriefView> answerFor(Interview interview);
    }
}
