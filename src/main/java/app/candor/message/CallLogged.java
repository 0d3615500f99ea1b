package app.candor.message;

import java.time.Instant;

/**
 * A recruiter logged a call task as made, fired inside that step's transaction: for a closing call, closure records
 * the candidate as told (the message's application is loaded; observers change the entity, not the row).
 */
public record CallLogged(Message call, Instant at) {
}
