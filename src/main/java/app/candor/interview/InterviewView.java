package app.candor.interview;


import java.time.Instant;
import java.util.List;

/** An interview as the API shows it. */
public record InterviewView(Long id, Long applicationId, Instant startsAt, int durationMinutes, InterviewKind kind, String location,
                            InterviewState state, List<Person> interviewers, String createdBy, Instant updatedAt,
                            /** When the hiring manager's feedback is due (working hours after the interview ends). */
                            Instant feedbackDueAt,
                            /** Due and not submitted. */
                            boolean feedbackMissing,
                            /** The candidate's debrief answer (how it went, still interested), null until they give it. */
                            DebriefView debrief) {

    /** {@code userId}: the Candor user chosen, null for someone typed in; {@code email}: where their calendar invitation goes. */
    public record Person(String name, String title, Long userId, String email) {
    }

    public static InterviewView of(Interview i, Instant feedbackDueAt, boolean feedbackMissing, DebriefView debrief) {
        return new InterviewView(i.id, i.application.id, i.startsAt, i.durationMinutes, i.kind, i.location, i.state,
                i.interviewers.stream().map(p -> new Person(p.name, p.title, p.userId, p.email)).toList(), i.createdBy, i.updatedAt,
                i.state == InterviewState.SCHEDULED ? feedbackDueAt : null, feedbackMissing, debrief);
    }
}
