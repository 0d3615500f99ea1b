package app.candor.closure;

import java.time.Instant;

/** What the closure watch records, fired in the recording transaction (see application/ApplicationEvents). */
public final class ClosureEvents {

    private ClosureEvents() {
    }

    /** How a candidate was told: a letter or a call, told another way (ToldHow), or not at all because their data was erased. */
    public static final String BY_LETTER = "LETTER";
    public static final String BY_CALL = "CALL";
    public static final String ERASED_ON_REQUEST = "ERASED_ON_REQUEST";

    /** The application's closure was recorded: the candidate has their final answer ({@code messageId} when a letter or call told them). */
    public record Closed(long applicationId, String how, Long messageId, Instant at) {
    }

    /** A sweep flagged promises, each application's due_soon_at or overdue_at set to exactly {@code at}. */
    public record PromisesFlagged(Instant at, int dueSoon, int overdue) {
    }
}
