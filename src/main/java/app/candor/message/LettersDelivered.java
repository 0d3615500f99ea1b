package app.candor.message;

import java.time.Instant;
import java.util.List;

/**
 * Letters the dispatcher handed to SMTP, fired (synchronously) inside the transaction that records them SENT, so
 * that whatever follows from a delivery commits with it or not at all: closure observes it, because a closing
 * letter closes its application when it is sent, not when it is written.
 */
public record LettersDelivered(List<Delivered> letters, Instant at) {

    /** One delivered letter, without its entity: recording a window loads no message. */
    public record Delivered(long messageId, MessageKind kind, Long applicationId) {
    }
}
