package app.candor.feedback;

import java.time.Instant;

/** Fired in the request's transaction (see application/ApplicationEvents). */
public final class FeedbackRequestEvents {

    private FeedbackRequestEvents() {
    }

    /** A rejected candidate asked for feedback through their link. */
    public record Requested(long applicationId, Instant at) {
    }
}
