package app.candor.application;

import app.candor.system.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A stage move. Without a promised date, the default for the new stage applies; a backward move
 * (a correction) needs a note. {@code told}: for a move to a final stage, how the candidate was told
 * outside Candor's letters (without it the application stays untold until they are).
 */
public record MoveInput(
        @NotNull Stage stage,
        @Size(max = 2000) @MultiLine String note,
        LocalDate promisedDecisionDate,
        @Valid ToldInput told) {

    public MoveInput(Stage stage, String note, LocalDate promisedDecisionDate) {
        this(stage, note, promisedDecisionDate, null);
    }
}
