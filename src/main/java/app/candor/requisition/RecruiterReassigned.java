package app.candor.requisition;

import app.candor.user.User;

/**
 * A requisition changed hands, fired inside that transaction: its applications carry their recruiter (for the closure
 * board) and follow.
 */
public record RecruiterReassigned(Requisition requisition, User recruiter) {
}
