package app.candor.application;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A stage move. Without a promised date, the default for the new stage applies; a backward move
 * (a correction) needs a note.
 */
public record MoveInput(
        @NotNull Stage stage,
        @Size(max = 2000) @MultiLine String note,
        LocalDate promisedDecisionDate) {
}
