package app.candor.closure;

import java.time.Instant;

/**
 * What closure's sweep records, fired in the recording transaction (see application/ApplicationEvents; an application's
 * closure watch closing is {@code ApplicationEvents.Closed}).
 */
public final class ClosureEvents {

    private ClosureEvents() {
    }

    /** A sweep flagged promises, each application's due_soon_at or overdue_at set to exactly {@code at}. */
    public record PromisesFlagged(Instant at, int dueSoon, int overdue) {
    }
}
