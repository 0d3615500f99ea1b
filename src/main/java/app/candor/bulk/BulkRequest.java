package app.candor.bulk;

import app.candor.application.Stage;

import java.time.LocalDate;
import java.util.List;

/**
 * A bulk action as chosen: the applications and what to do with each. {@code stage} and {@code tell} for a move,
 * {@code promisedDecisionDate} for a move (optional) or a delay, {@code reasonId} for a rejection, and the personal
 * note for the letters.
 */
public record BulkRequest(BulkAction action, List<Long> applicationIds, Stage stage, boolean tell, LocalDate promisedDecisionDate,
                          Long reasonId, String personalNote) {
}
