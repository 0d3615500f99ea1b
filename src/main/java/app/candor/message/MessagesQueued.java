package app.candor.message;

/** Fired inside the transaction that queued messages; observed after commit to wake the dispatcher. */
public record MessagesQueued(int count) {
}
