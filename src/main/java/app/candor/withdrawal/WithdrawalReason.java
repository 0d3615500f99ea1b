package app.candor.withdrawal;

/** Why a candidate withdrew, if they chose to say. The candidate pages word each one in the candidate's language. */
public enum WithdrawalReason {
    ACCEPTED_OTHER_OFFER("Accepted another offer"),
    CIRCUMSTANCES_CHANGED("Circumstances changed"),
    ROLE_NOT_RIGHT("The role is not right for them"),
    PROCESS_TOO_LONG("The process is taking too long"),
    PREFER_NOT_TO_SAY("Prefers not to say"),
    OTHER("Other (see their note)");

    /** For the recruiter (English, like the rest of the team's pages). */
    public final String label;

    WithdrawalReason(String label) {
        this.label = label;
    }
}
