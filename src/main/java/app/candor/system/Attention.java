package app.candor.system;

/**
 * Something on an application that needs its recruiter, fired as a CDI event by the feature where it happened,
 * inside that feature's transaction (the candidate withdrew, asked for feedback, answered the debrief; a chaser
 * came in; a letter failed; a hiring manager's feedback came in). Who is told, and how, is the observer's business:
 * the features do not know it.
 *
 * @param actorUserId the user who caused it, if a user did (nobody is told about what they did themselves)
 */
public record Attention(Kind kind, long applicationId, String text, Long actorUserId) {

    public enum Kind {
        WITHDRAWAL("Withdrew"),
        FEEDBACK_REQUEST("Asked for feedback"),
        DEBRIEF("Answered the debrief"),
        CHASER("Chased"),
        LETTER_FAILED("Letter failed"),
        FEEDBACK_IN("Feedback in");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    public static Attention byCandidate(Kind kind, long applicationId, String text) {
        return new Attention(kind, applicationId, text, null);
    }
}
