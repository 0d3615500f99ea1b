package app.candor.application;

import java.time.Instant;

/**
 * What happens to applications, fired (CDI, synchronously) in the transaction that changes them, for whoever needs
 * to know in that same transaction (the webhook outbox) without this package depending on them.
 */
public final class ApplicationEvents {

    private ApplicationEvents() {
    }

    /** A candidate was added to a requisition. */
    public record Created(long applicationId, long requisitionId, long candidateId, Instant at) {
    }

    /** An entry in the application's history: a move, a correction, a new promise in place ({@code from} null when created). */
    public record StageChanged(long applicationId, long requisitionId, long candidateId, Stage from, Stage to, boolean correction,
                               String by, Instant at) {
    }
}
