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

    /**
     * The application's closure watch closed: the candidate has their final answer. {@code how}: {@link #BY_LETTER},
     * {@link #BY_CALL}, {@link #ERASED_ON_REQUEST} or how they were told another way (a {@link ClosureWatch.ToldHow});
     * {@code messageId} when a letter or call told them.
     */
    public record Closed(long applicationId, String how, Long messageId, Instant at) {

        public static final String BY_LETTER = "LETTER";
        public static final String BY_CALL = "CALL";
        /** Not told at all: their data was erased on request. */
        public static final String ERASED_ON_REQUEST = "ERASED_ON_REQUEST";
    }

    /** An entry in the application's history: a move, a correction, a new promise in place ({@code from} null when created). */
    public record StageChanged(long applicationId, long requisitionId, long candidateId, Stage from, Stage to, boolean correction,
                               String by, Instant at) {
    }
}
