package app.candor.message;

import java.util.Arrays;
import java.util.List;

/** What a message says, and to whom: the candidate, or the team (the recruiter) about a candidate. */
public enum MessageKind {
    OFFER("Offer", Audience.CANDIDATE),
    REJECTION("Rejection", Audience.CANDIDATE),
    ROLE_ON_HOLD("Role on hold", Audience.CANDIDATE),
    ROLE_CANCELLED("Role cancelled", Audience.CANDIDATE),
    /** The role went to someone else: the kind rejection every remaining applicant gets when it is filled. */
    ROLE_FILLED("Role filled", Audience.CANDIDATE),
    /** A role that was on hold is open again, with a fresh promised date. */
    ROLE_REOPENED("Role open again", Audience.CANDIDATE),
    DECISION_DELAYED("Decision delayed", Audience.CANDIDATE),
    /** The application moved on to a new stage, with the new decision date: sent with a move when the recruiter chooses. */
    STAGE_UPDATE("Stage update", Audience.CANDIDATE),
    WITHDRAWAL_ACKNOWLEDGEMENT("Withdrawal acknowledged", Audience.CANDIDATE),
    INTERVIEW_INVITATION("Interview confirmation", Audience.CANDIDATE),
    INTERVIEW_RESCHEDULED("Interview moved", Audience.CANDIDATE),
    INTERVIEW_CANCELLED("Interview cancelled", Audience.CANDIDATE),
    /** Feedback from the interviews, written from the hiring managers' shareable texts only. */
    FEEDBACK("Feedback", Audience.CANDIDATE),
    /** After an interview: how did it go for you, are you still interested (with the debrief link). */
    INTERVIEW_DEBRIEF("Interview debrief", Audience.CANDIDATE),
    /** To the recruiter: a candidate withdrew. */
    WITHDRAWAL_NOTICE("Candidate withdrew", Audience.TEAM),
    /** To the recruiter: a rejected candidate asked for feedback. */
    FEEDBACK_REQUEST_NOTICE("Feedback requested", Audience.TEAM),
    /** To the hiring manager: their interview feedback is due and missing. */
    FEEDBACK_REMINDER("Feedback reminder", Audience.TEAM),
    /** To a recruiter, on business mornings: their overdue and due-soon candidates. About no single application. */
    CLOSURE_DIGEST("Closure digest", Audience.TEAM);

    public enum Audience { CANDIDATE, TEAM }

    public final String label;
    public final Audience audience;

    MessageKind(String label, Audience audience) {
        this.label = label;
        this.audience = audience;
    }

    public boolean toCandidate() {
        return audience == Audience.CANDIDATE;
    }

    /** Whether telling the candidate this gives them closure: a final answer (see {@code ClosureState}). */
    public boolean closes() {
        return switch (this) {
            case OFFER, REJECTION, ROLE_CANCELLED, ROLE_FILLED, WITHDRAWAL_ACKNOWLEDGEMENT -> true;
            default -> false;
        };
    }

    public static List<MessageKind> candidateKinds() {
        return Arrays.stream(values()).filter(MessageKind::toCandidate).toList();
    }
}
