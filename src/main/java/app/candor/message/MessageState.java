package app.candor.message;

/**
 * Where a message is. QUEUED and SCHEDULED wait for the dispatcher; CALL_PENDING waits for the
 * recruiter's phone call. SENT, FAILED, CALL_DONE and CANCELLED are where it rests (a FAILED one
 * can be resent).
 */
public enum MessageState {
    QUEUED("Waiting to go out"), SCHEDULED("Scheduled"), SENT("Sent"), FAILED("Failed"), CALL_PENDING("Call to make"),
    CALL_DONE("Called"), CANCELLED("Cancelled");

    /** How pages name the state to people. */
    public final String label;

    MessageState(String label) {
        this.label = label;
    }
}
