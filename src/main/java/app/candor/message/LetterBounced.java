package app.candor.message;

import java.time.Instant;

/**
 * A letter recorded SENT that the receiving side returned later (a delivery status notification), fired inside the
 * transaction that makes it FAILED: closure observes it, because a closing letter that reached nobody told nobody.
 */
public record LetterBounced(Message letter, Instant at) {
}
