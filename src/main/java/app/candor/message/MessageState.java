package app.candor.message;

/**
 * Where a message is. QUEUED and SCHEDULED wait for the dispatcher; CALL_PENDING waits for the
 * recruiter's phone call. SENT, FAILED, CALL_DONE and CANCELLED are where it rests (a FAILED one
 * can be resent).
 */
public enum MessageState {
    QUEUED, SCHEDULED, SENT, FAILED, CALL_PENDING, CALL_DONE, CANCELLED;
}
