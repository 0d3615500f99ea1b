package app.candor.interview;

/** How the interview takes place. */
public enum InterviewKind {
    PHONE("Phone"),
    VIDEO("Video"),
    ON_SITE("On site");

    public final String label;

    InterviewKind(String label) {
        this.label = label;
    }
}
