package app.candor.interview;

public enum InterviewState {
    SCHEDULED("Scheduled"), CANCELLED("Cancelled");

    /** How pages name the state to people. */
    public final String label;

    InterviewState(String label) {
        this.label = label;
    }
}
