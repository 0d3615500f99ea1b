package app.candor.bulk;

import app.candor.application.Stage;

import java.time.LocalDate;
import java.util.List;

/**
 * A bulk action as chosen: the applications and what to do with each. {@code stage} and {@code tell} for a move,
 * {@code promisedDecisionDate} for a move (optional) or a delay, {@code reasonId} for a rejection, and the personal
 * note for the letters; {@code templateId} the rejection letter (a named template, 0 the standard letter, null the default).
 */
public record BulkRequest(BulkAction action, List<Long> applicationIds, Stage stage, boolean tell, LocalDate promisedDecisionDate,
                          Long reasonId, String personalNote, Long templateId) {
}
