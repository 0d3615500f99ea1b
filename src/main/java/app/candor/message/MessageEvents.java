package app.candor.message;

import java.time.Instant;

/** A message's delivery ended, fired in the transaction that records it (see application/ApplicationEvents). */
public final class MessageEvents {

    private MessageEvents() {
    }

    public record Sent(long messageId, MessageKind kind, Long applicationId, Long candidateId, Instant at) {
    }

    /** FAILED for good: a permanent refusal (at once or later, as a bounce), or every attempt used up. */
    public record Failed(long messageId, MessageKind kind, Long applicationId, Long candidateId, String reason, Instant at) {
    }
}
